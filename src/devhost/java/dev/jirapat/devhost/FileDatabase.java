package dev.jirapat.devhost;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardOpenOption;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * The H2 file database {@code mvn -Prun} keeps between runs ({@code target/devhost/jira-pat.mv.db}), and which dev
 * host holds it. H2 lets one process open a file database; a second host would fail deep in H2 with a lock error.
 * Instead: a host claims the directory (one host per directory in a JVM), writes its pid and port to
 * {@value #OWNER} once it listens, and a host that finds the database in use says so in one line
 * ({@link DatabaseInUseException}), naming the holder when it has written that file.
 */
final class FileDatabase {
    static final String NAME = "jira-pat";
    static final String OWNER = "host.properties";
    private static final int H2_DATABASE_ALREADY_OPEN = 90020;
    private static final Set<Path> CLAIMED = ConcurrentHashMap.newKeySet();

    private final Path dir;
    private boolean ownerWritten;

    private FileDatabase(Path dir) {
        this.dir = dir;
    }

    /**
     * Claims {@code dataDir} for a host: refused if another host of this JVM has it, or, before {@code fresh} deletes
     * it, if another process holds its database.
     */
    static FileDatabase claim(Path dataDir, boolean fresh) throws IOException {
        Path dir = dataDir.toAbsolutePath().normalize();
        if (!CLAIMED.add(dir)) {
            throw inUse(dir, null);
        }
        try {
            if (fresh && Files.exists(dir)) {
                if (lockedElsewhere(dir.resolve(NAME + ".mv.db"))) {
                    throw inUse(dir, null); // deleting it would pull the files from under the running host
                }
                try (Stream<Path> files = Files.walk(dir)) {
                    files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                }
            }
            Files.createDirectories(dir);
            return new FileDatabase(dir);
        } catch (IOException | RuntimeException e) {
            CLAIMED.remove(dir);
            throw e;
        }
    }

    String url() {
        return "jdbc:h2:file:" + dir.resolve(NAME) + ";MVCC=TRUE";
    }

    /**
     * The same database through an H2 TCP server on loopback at {@code port}, for the nodes of a cluster. The server
     * runs in the host's JVM: H2 must not close the database on its own at JVM exit, before the nodes' last writes.
     */
    String tcpUrl(int port) {
        return "jdbc:h2:tcp://127.0.0.1:" + port + "/" + dir.resolve(NAME) + ";MVCC=TRUE;DB_CLOSE_ON_EXIT=FALSE";
    }

    Path dir() {
        return dir;
    }

    /** Writes who holds the database, for a second host's message. */
    void ownedBy(int port, String baseUri) {
        Properties owner = new Properties();
        owner.setProperty("pid", Long.toString(ProcessHandle.current().pid()));
        owner.setProperty("port", Integer.toString(port));
        owner.setProperty("url", baseUri);
        try (OutputStream out = Files.newOutputStream(dir.resolve(OWNER))) {
            owner.store(out, "the dev host that has " + NAME + ".mv.db open; removed when it stops");
            ownerWritten = true;
        } catch (IOException e) {
            // only the message of a second host loses the port
        }
    }

    void release() {
        if (ownerWritten) {
            try {
                Files.deleteIfExists(dir.resolve(OWNER));
            } catch (IOException e) {
                // a stale file is ignored: its pid is no longer running
            }
        }
        CLAIMED.remove(dir);
    }

    DatabaseInUseException inUse(Throwable cause) {
        return inUse(dir, cause);
    }

    /** Whether H2 refused to open a database because another process has it open. */
    static boolean isLockError(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException && ((SQLException) t).getErrorCode() == H2_DATABASE_ALREADY_OPEN) {
                return true;
            }
            String message = t.getMessage();
            if (message != null && (message.contains("[" + H2_DATABASE_ALREADY_OPEN + "-") || message.contains("The file is locked"))) {
                return true;
            }
        }
        return false;
    }

    /** For a database given by URL ({@code -Dpat.db.url}): no owner file to name the holder. */
    static DatabaseInUseException inUse(String url, Throwable cause) {
        return new DatabaseInUseException("The database " + url + " is in use by another process (H2 opens a file database"
                + " in one process at a time). Stop it first, or start this one with another -Dpat.db.url", cause);
    }

    private static DatabaseInUseException inUse(Path dir, Throwable cause) {
        Properties owner = owner(dir);
        String who;
        int port = 2990;
        if (owner != null) {
            port = Integer.parseInt(owner.getProperty("port"));
            who = "another dev host (pid " + owner.getProperty("pid") + ", port " + port + ", " + owner.getProperty("url") + ")";
        } else {
            who = "another dev host or process (it has not written its port to " + OWNER + ")";
        }
        return new DatabaseInUseException("The dev host's database " + display(dir.resolve(NAME + ".mv.db")) + " is in use by "
                + who + ". Stop it first, or give this one a database and port of its own: -Dpat.devhost.port=" + (port + 1)
                + " '-Dpat.db.url=jdbc:h2:mem:devhost;DB_CLOSE_DELAY=-1'", cause);
    }

    /** The holder's pid, port and address, if it wrote them and is still running. */
    private static Properties owner(Path dir) {
        Properties owner = new Properties();
        try (InputStream in = Files.newInputStream(dir.resolve(OWNER))) {
            owner.load(in);
            long pid = Long.parseLong(owner.getProperty("pid", ""));
            Integer.parseInt(owner.getProperty("port", ""));
            boolean running = pid == ProcessHandle.current().pid() || ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
            return running && owner.getProperty("url") != null ? owner : null;
        } catch (IOException | NumberFormatException e) {
            return null;
        }
    }

    /** Whether another process has the file locked (only for files no host of this JVM has claimed). */
    private static boolean lockedElsewhere(Path file) throws IOException {
        if (!Files.exists(file)) {
            return false;
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE);
             FileLock lock = channel.tryLock()) {
            return lock == null;
        } catch (OverlappingFileLockException e) {
            return true;
        }
    }

    private static String display(Path file) {
        Path here = Paths.get("").toAbsolutePath();
        return file.startsWith(here) ? here.relativize(file).toString() : file.toString();
    }
}
