package dev.jirapat;

import dev.jirapat.devhost.DevHost;
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
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

/**
 * The host's database: any JDBC URL through {@code Config.database}, data that outlives the host on a file
 * database, and PostgreSQL (the database Data Center nodes share) when {@code PAT_TEST_POSTGRES_URL} is set.
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
