package dev.jirapat;

import dev.jirapat.devhost.DatabaseInUseException;
import dev.jirapat.devhost.DevHost;
import dev.jirapat.devhost.DevHostLauncher;
import dev.jirapat.devhost.Platform;
import dev.jirapat.devhost.DevUsers;
import dev.jirapat.devhost.HttpCall;
import dev.jirapat.token.AccessToken;
import dev.jirapat.token.Actor;
import dev.jirapat.token.IssuedToken;
import dev.jirapat.token.Outcome;
import dev.jirapat.token.TokenRequest;
import dev.jirapat.token.TokenService;
import org.junit.Assume;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

/**
 * The host's database: any JDBC URL through {@code Config.database}, data that outlives the host on a file
 * database, and PostgreSQL (the database Data Center nodes share) when {@code PAT_TEST_POSTGRES_URL} is set; a
 * second host on the file database {@code mvn -Prun} keeps says in one line which host has it.
 */
public class DevHostDatabaseIT {
    private static final Actor ALICE = Actor.user(DevUsers.ALICE_KEY);

    @Rule
    public TemporaryFolder temp = new TemporaryFolder();

    @Test
    public void databaseWhenH2FileUrlThenTheHostUsesThatFile() throws IOException {
        Path dir = temp.newFolder("h2").toPath();
        try (DevHost host = DevHost.start(DevHost.Config.forTest().database(h2File(dir), "sa", ""))) {
            create(host, "in-the-file");
            assertEquals(200, HttpCall.to(host).get("/rest/api/2/myself").basic("alice", "alice").send().status);
        }
        assertTrue("the H2 database file is in " + dir, Files.exists(dir.resolve("pat.mv.db")));
    }

    @Test
    public void restartWhenSameH2FileThenTheTokenTableAndItsRowsAreStillThere() throws IOException {
        String url = h2File(temp.newFolder("restart").toPath());
        long id;
        try (DevHost first = DevHost.start(DevHost.Config.forTest().database(url, "sa", ""))) {
            id = create(first, "survives-restart").id();
        }
        try (DevHost second = DevHost.start(DevHost.Config.forTest().database(url, "sa", ""))) {
            List<AccessToken> tokens = second.bean(TokenService.class).list(ALICE);
            assertEquals(tokens.toString(), 1, tokens.size());
            assertEquals(id, tokens.get(0).id());
            assertEquals("survives-restart", tokens.get(0).name());
        }
    }

    @Test
    public void closeWhenH2FileThenTheDataIsOnDiskForAnotherCopy() throws IOException {
        Path dir = temp.newFolder("original").toPath();
        try (DevHost host = DevHost.start(DevHost.Config.forTest().database(h2File(dir), "sa", ""))) {
            create(host, "on-disk");
        }
        // A copy of the closed file has the row: close() released and flushed the database, not just the JVM's handle.
        Path copy = temp.newFolder("copy").toPath();
        Files.copy(dir.resolve("pat.mv.db"), copy.resolve("pat.mv.db"));
        try (DevHost host = DevHost.start(DevHost.Config.forTest().database(h2File(copy), "sa", ""))) {
            List<AccessToken> tokens = host.bean(TokenService.class).list(ALICE);
            assertEquals(1, tokens.size());
            assertEquals("on-disk", tokens.get(0).name());
        }
    }

    @Test
    public void databaseWhenForTestThenEachHostHasAFreshOne() {
        try (DevHost one = DevHost.start(DevHost.Config.forTest())) {
            create(one, "only-in-one");
            try (DevHost two = DevHost.start(DevHost.Config.forTest())) {
                assertTrue(two.bean(TokenService.class).list(ALICE).isEmpty());
                assertFalse(one.baseUri().equals(two.baseUri()));
            }
        }
    }

    @Test
    public void databaseWhenPostgresConfiguredThenTokensAreCreatedAndListed() {
        String url = System.getenv("PAT_TEST_POSTGRES_URL");
        if (url == null || url.isEmpty()) {
            String ci = System.getenv("CI");
            if (ci != null && !ci.isEmpty()) {
                fail("CI is set but PAT_TEST_POSTGRES_URL is not: the dev host's PostgreSQL check would silently not run");
            }
            System.out.println("[devhost] PostgreSQL check skipped: PAT_TEST_POSTGRES_URL is not set");
            Assume.assumeTrue("PAT_TEST_POSTGRES_URL is not set", false);
        }
        // db.username / db.password describe db.url (the store tests' database): use them only for that database.
        boolean sameDatabase = property("db.url", url).equals(url);
        String user = sameDatabase ? property("db.username", property("pat.pg.user", "pat")) : property("pat.pg.user", "pat");
        String password = sameDatabase ? property("db.password", property("pat.pg.password", "pat")) : property("pat.pg.password", "pat");
        System.out.println("[devhost] PostgreSQL check runs against " + url + " as " + user);
        try (DevHost host = DevHost.start(DevHost.Config.forTest().database(url, user, password))) {
            TokenService tokens = host.bean(TokenService.class);
            String name = "devhost-pg-" + System.nanoTime();
            AccessToken created = create(host, name);
            try {
                Optional<AccessToken> listed = tokens.list(ALICE).stream().filter(t -> t.id() == created.id()).findFirst();
                assertTrue("the new token is listed", listed.isPresent());
                assertEquals(name, listed.get().name());
            } finally {
                tokens.revoke(ALICE, created.id()); // the database is shared with the store tests
            }
        }
    }

    @Test
    public void fileDatabaseWhenAnotherHostOfThisJvmHasItThenRefusedNamingThatHostsPort() throws IOException {
        Path dir = temp.newFolder("shared").toPath();
        try (DevHost first = DevHost.start(DevHost.Config.forTest().fileDatabase(dir, false))) {
            create(first, "kept");
            int port = first.baseUri().getPort();
            for (boolean fresh : new boolean[] {false, true}) {
                try (DevHost second = DevHost.start(DevHost.Config.forTest().fileDatabase(dir, fresh))) {
                    fail("a second host opened the database the first has open (fresh=" + fresh + "): " + second.baseUri());
                } catch (DatabaseInUseException e) {
                    assertInUseMessage(e.getMessage(), dir, ProcessHandle.current().pid(), port);
                }
            }
            assertEquals("the refused fresh start deleted nothing", 1, first.bean(TokenService.class).list(ALICE).size());
        }
        assertFalse("the owner file goes with the host", Files.exists(dir.resolve("host.properties")));
        try (DevHost again = DevHost.start(DevHost.Config.forTest().fileDatabase(dir, false))) {
            assertEquals("once the first host stopped, the database opens, with its data",
                    1, again.bean(TokenService.class).list(ALICE).size());
        }
    }

    @Test
    public void fileDatabaseWhenAnotherProcessHasItThenH2sLockErrorBecomesOneLineNamingThatHost() throws Exception {
        Path work = temp.newFolder("work").toPath(); // mvn -Prun's working directory: its database is target/devhost/
        Path dir = work.resolve("target").resolve("devhost");
        Path firstLog = work.resolve("first.log");
        Process first = startHostJvm(work, firstLog);
        try {
            Matcher started = awaitLine(first, firstLog, Pattern.compile("\\[devhost\\] http://127\\.0\\.0\\.1:(\\d+)/jira"));
            int port = Integer.parseInt(started.group(1));

            // in this JVM: H2's lock error, detected and said as DatabaseInUseException
            try (DevHost second = DevHost.start(DevHost.Config.forTest().fileDatabase(dir, false))) {
                fail("a second host opened the database another process has open: " + second.baseUri());
            } catch (DatabaseInUseException e) {
                assertInUseMessage(e.getMessage(), dir, first.pid(), port);
                String cause = String.valueOf(e.getCause());
                assertTrue("from H2's lock error: " + cause, cause.contains("The file is locked") || cause.contains("90020"));
            }
            try (DevHost fresh = DevHost.start(DevHost.Config.forTest().fileDatabase(dir, true))) {
                fail("a fresh start deleted the database another process has open: " + fresh.baseUri());
            } catch (DatabaseInUseException e) {
                assertInUseMessage(e.getMessage(), dir, first.pid(), port);
            }
            assertTrue(Files.exists(dir.resolve("jira-pat.mv.db")));

            // as mvn -Prun runs it: main prints the one line and exits with 1
            Path secondLog = work.resolve("second.log");
            Process second = startHostJvm(work, secondLog);
            assertTrue("the second host JVM ends by itself", second.waitFor(90, TimeUnit.SECONDS));
            String output = new String(Files.readAllBytes(secondLog), StandardCharsets.UTF_8);
            assertEquals(output, 1, second.exitValue());
            String line = "[devhost] The dev host's database target/devhost/jira-pat.mv.db is in use by another dev host (pid "
                    + first.pid() + ", port " + port + ", http://127.0.0.1:" + port + "/jira). Stop it first, or give this one"
                    + " a database and port of its own: -Dpat.devhost.port=" + (port + 1)
                    + " '-Dpat.db.url=jdbc:h2:mem:devhost;DB_CLOSE_DELAY=-1'";
            assertTrue(output, Arrays.asList(output.split("\\R")).contains(line));
            assertFalse("no stack trace: " + output, output.contains("\tat ") || output.contains("Exception"));
        } finally {
            first.destroy();
            assertTrue("the first host JVM stops on SIGTERM", first.waitFor(60, TimeUnit.SECONDS));
        }
        assertFalse("the owner file goes with the host", Files.exists(dir.resolve("host.properties")));
    }

    private static void assertInUseMessage(String message, Path dir, long pid, int port) {
        assertTrue(message, message.startsWith("The dev host's database " + dir.toAbsolutePath().resolve("jira-pat.mv.db")
                + " is in use by another dev host (pid " + pid + ", port " + port + ", http://127.0.0.1:" + port + "/jira)."));
        assertTrue(message, message.contains("Stop it first, or give this one a database and port of its own: -Dpat.devhost.port="
                + (port + 1) + " '-Dpat.db.url=jdbc:h2:mem:devhost;DB_CLOSE_DELAY=-1'"));
        assertFalse(message, message.contains("\n"));
    }

    /** A dev host JVM as {@code mvn -Prun} starts it, in {@code work}, on a free port. */
    private static Process startHostJvm(Path work, Path log) throws IOException {
        Properties maven = new Properties();
        maven.setProperty("pat.devhost.port", "0");
        // The line this JVM's class path is for: a host JVM with it plays the same line.
        maven.setProperty(Platform.PROPERTY, Integer.toString(Platform.fromProperty().jira()));
        List<String> command = DevHostLauncher.command(Paths.get(System.getProperty("java.home"), "bin", "java").toString(),
                classpath(), maven, Arrays.asList("--add-opens", "java.base/java.lang=ALL-UNNAMED", DevHost.class.getName()));
        return new ProcessBuilder(command).directory(work.toFile()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    private static String classpath() {
        StringBuilder out = new StringBuilder();
        for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
            if (!entry.isEmpty()) {
                out.append(out.length() == 0 ? "" : java.io.File.pathSeparator).append(Paths.get(entry).toAbsolutePath());
            }
        }
        return out.toString();
    }

    private static Matcher awaitLine(Process process, Path log, Pattern line) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (System.nanoTime() < deadline) {
            String text = Files.exists(log) ? new String(Files.readAllBytes(log), StandardCharsets.UTF_8) : "";
            Matcher m = line.matcher(text);
            if (m.find()) {
                return m;
            }
            if (!process.isAlive()) {
                fail("the host JVM ended with " + process.exitValue() + ": " + text);
            }
            Thread.sleep(200);
        }
        fail("the host JVM did not start within 90 s: " + new String(Files.readAllBytes(log), StandardCharsets.UTF_8));
        return null;
    }

    private static AccessToken create(DevHost host, String name) {
        Outcome<IssuedToken> issued = host.bean(TokenService.class).create(ALICE, TokenRequest.named(name, 30));
        assertFalse(issued.toString(), issued.isRejected());
        return issued.value().token();
    }

    private static String h2File(Path dir) {
        return "jdbc:h2:file:" + dir.toAbsolutePath().resolve("pat");
    }

    private static String property(String name, String fallback) {
        String value = System.getProperty(name);
        return value == null || value.isEmpty() ? fallback : value;
    }
}
