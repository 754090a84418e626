package dev.jirapat.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;

/** A PostgreSQL of its own in a temporary directory, as .ci/run starts one. */
public final class ThrowawayPostgres {
    private final Path dir;
    private final Path bin;
    private final int port;
    private final boolean asPatci;

    private ThrowawayPostgres(Path dir, Path bin, int port, boolean asPatci) {
        this.dir = dir;
        this.bin = bin;
        this.port = port;
        this.asPatci = asPatci;
    }

    public static ThrowawayPostgres start() throws Exception {
        Path bin = null;
        try (java.util.stream.Stream<Path> versions = Files.list(Paths.get("/usr/lib/postgresql"))) {
            for (Path v : (Iterable<Path>) versions.sorted()::iterator) {
                if (Files.isExecutable(v.resolve("bin/initdb"))) {
                    bin = v.resolve("bin");
                }
            }
        } catch (IOException e) {
            bin = null;
        }
        if (bin == null) {
            throw new IllegalStateException("no PostgreSQL in /usr/lib/postgresql/*/bin: install it (apt-get install "
                    + "postgresql) or pass -Dbench.pg.url=jdbc:postgresql://...");
        }
        boolean root = "root".equals(System.getProperty("user.name"));
        Path dir = Files.createTempDirectory("pat-bench-pg");
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        ThrowawayPostgres pg = new ThrowawayPostgres(dir, bin, port, root);
        if (root) {
            exec("chown", "-R", "patci", dir.toString());
            exec("chmod", "755", dir.toString());
        }
        pg.asUser(bin.resolve("initdb").toString(), "-D", dir.resolve("data").toString(), "-U", "pat",
                "--auth=trust", "--encoding=UTF8", "--locale=C");
        pg.asUser(bin.resolve("pg_ctl").toString(), "-D", dir.resolve("data").toString(), "-l",
                dir.resolve("postgres.log").toString(), "-w", "-o",
                "-p " + port + " -c listen_addresses=127.0.0.1 -c unix_socket_directories=" + dir
                        + " -c fsync=off -c shared_buffers=256MB", "start");
        pg.asUser(bin.resolve("createdb").toString(), "-h", "127.0.0.1", "-p", Integer.toString(port), "-U", "pat", "pat");
        System.out.println("[bench] PostgreSQL started on 127.0.0.1:" + port + " in " + dir);
        return pg;
    }

    public String url() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/pat";
    }

    public void stop() throws Exception {
        asUser(bin.resolve("pg_ctl").toString(), "-D", dir.resolve("data").toString(), "-m", "fast", "-w", "stop");
        exec("rm", "-rf", dir.toString());
    }

    private void asUser(String... command) throws Exception {
        if (!asPatci) {
            exec(command);
            return;
        }
        List<String> su = new ArrayList<>(List.of("runuser", "-u", "patci", "--"));
        su.addAll(List.of(command));
        exec(su.toArray(new String[0]));
    }

    private static void exec(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (p.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed:\n" + out);
        }
    }
}
