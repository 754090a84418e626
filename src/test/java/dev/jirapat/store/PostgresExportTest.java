package dev.jirapat.store;

import dev.jirapat.rest.ImportFiles;
import dev.jirapat.testing.FakeUsers;
import dev.jirapat.testing.InMemoryTokenStore;
import dev.jirapat.token.Actor;
import dev.jirapat.token.BuiltinFixtures;
import dev.jirapat.token.BuiltinImport;
import dev.jirapat.token.ImportReport;
import dev.jirapat.token.PathKind;
import dev.jirapat.token.RequestFacts;
import dev.jirapat.token.TokenChecker;
import dev.jirapat.token.TokenPolicy;
import org.junit.Assume;
import org.junit.Test;

import java.io.File;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.TimeUnit;

import static dev.jirapat.testing.FakeUsers.key;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

/**
 * The README's PostgreSQL export command, run for real (psql) against a table of the built-in app's shape
 * ({@code AO_81F455_PERSONAL_TOKEN}: the columns Active Objects creates on PostgreSQL, quoted upper-case names,
 * {@code timestamp} dates), and its file imported: the tokens then authenticate. Runs in the PostgreSQL store tier
 * (failsafe execution {@code store-postgres}, {@code PAT_TEST_POSTGRES_URL}) when {@code psql} is installed;
 * skipped otherwise.
 */
public class PostgresExportTest {
    private static final String COMMAND = "\\copy (SELECT * FROM \"AO_81F455_PERSONAL_TOKEN\") TO '%s' WITH CSV HEADER";

    @Test
    public void exportWhenReadmeCommandRunOnPostgresThenTheFileImportsAndTheTokensWork() throws Exception {
        String url = System.getProperty("db.url");
        Assume.assumeTrue("runs in the PostgreSQL store tier only",
                "postgres".equals(System.getProperty("ao.test.database")) && url != null && !url.isEmpty());
        Assume.assumeTrue("psql is not installed", new File("/usr/bin/psql").canExecute() || onPath("psql"));
        BuiltinFixtures.Issued plain = BuiltinFixtures.issue();
        BuiltinFixtures.Issued tricky = BuiltinFixtures.issue();
        try (Connection db = DriverManager.getConnection(url, System.getProperty("db.username", "pat"),
                System.getProperty("db.password", ""))) {
            try (Statement s = db.createStatement()) {
                s.execute("DROP TABLE IF EXISTS \"AO_81F455_PERSONAL_TOKEN\"");
                s.execute("CREATE TABLE \"AO_81F455_PERSONAL_TOKEN\" (\"CREATED_AT\" timestamp NOT NULL, "
                        + "\"EXPIRING_AT\" timestamp NOT NULL, \"HASHED_TOKEN\" varchar(255) NOT NULL, "
                        + "\"ID\" bigserial PRIMARY KEY, \"LAST_ACCESSED_AT\" timestamp, \"NAME\" varchar(255), "
                        + "\"NOTIFICATION_STATE\" varchar(255) NOT NULL, \"TOKEN_ID\" varchar(255) NOT NULL, "
                        + "\"USER_KEY\" varchar(255) NOT NULL)");
            }
            insert(db, plain, "ci", Timestamp.valueOf("9999-12-31 00:00:00"), null);
            insert(db, tricky, "=cmd|' /C calc'!A0, \"quoted\", Caf\u00e9 \uD83D\uDE00", Timestamp.valueOf("2099-01-31 09:15:00.123"),
                    Timestamp.valueOf("2026-02-01 10:00:00.5"));
            insert(db, BuiltinFixtures.issue(), "two\nlines", Timestamp.valueOf("2099-01-31 09:15:00"), null);
            File out = File.createTempFile("builtin-tokens", ".csv");
            try {
                URI parsed = URI.create(url.substring("jdbc:".length()));
                ProcessBuilder psql = new ProcessBuilder("psql", "-h", parsed.getHost(), "-p", Integer.toString(parsed.getPort()),
                        "-U", System.getProperty("db.username", "pat"), "-d", parsed.getPath().substring(1),
                        "-c", String.format(COMMAND, out.getAbsolutePath())).redirectErrorStream(true);
                psql.environment().put("PGPASSWORD", System.getProperty("db.password", ""));
                Process run = psql.start();
                String said = new String(run.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                assertTrue("psql finished", run.waitFor(60, TimeUnit.SECONDS));
                assertEquals(said, 0, run.exitValue());
                String csv = new String(Files.readAllBytes(out.toPath()), StandardCharsets.UTF_8);
                System.out.println("[store] PostgreSQL export, first line: " + csv.split("\n")[0]);

                InMemoryTokenStore store = new InMemoryTokenStore();
                FakeUsers users = FakeUsers.fixture();
                ImportReport report = new BuiltinImport(store, users, event -> { }, Clock.systemUTC())
                        .run(Actor.user(key("admin")), ImportFiles.csv(csv).iterator(), ZoneOffset.UTC, false).value();
                assertEquals(report.toString() + " " + report.errors(), 2, report.imported());
                assertEquals("a line break in a name survives the export, and our rules refuse it (the row's line)",
                        "[line 4: NAME_INVALID_CHARACTERS[]]", report.errors().toString());
                assertEquals("=cmd|' /C calc'!A0, \"quoted\", Caf\u00e9 \uD83D\uDE00", store.findByBuiltinId(tricky.tokenId).get().name());
                assertEquals(Instant.parse("2026-02-01T10:00:00.500Z"), store.findByBuiltinId(tricky.tokenId).get().lastUsedAt().get());
                assertFalse(store.findByBuiltinId(plain.tokenId).get().expiresAt().isPresent());
                TokenChecker checker = new TokenChecker(store, users);
                RequestFacts get = new RequestFacts("GET", "10.0.0.1", PathKind.REST_API);
                assertTrue(checker.check(plain.presented, get, TokenPolicy.defaults(), Instant.now()).isAccepted());
                assertTrue(checker.check(tricky.presented, get, TokenPolicy.defaults(), Instant.now()).isAccepted());
            } finally {
                Files.deleteIfExists(out.toPath());
                try (Statement s = db.createStatement()) {
                    s.execute("DROP TABLE IF EXISTS \"AO_81F455_PERSONAL_TOKEN\"");
                }
            }
        }
    }

    private static void insert(Connection db, BuiltinFixtures.Issued token, String name, Timestamp expires, Timestamp lastUsed)
            throws Exception {
        try (PreparedStatement insert = db.prepareStatement("INSERT INTO \"AO_81F455_PERSONAL_TOKEN\" (\"CREATED_AT\", "
                + "\"EXPIRING_AT\", \"HASHED_TOKEN\", \"LAST_ACCESSED_AT\", \"NAME\", \"NOTIFICATION_STATE\", \"TOKEN_ID\", "
                + "\"USER_KEY\") VALUES (?, ?, ?, ?, ?, 'NOT_SENT', ?, ?)")) {
            insert.setTimestamp(1, Timestamp.valueOf("2026-01-31 09:15:00.123"));
            insert.setTimestamp(2, expires);
            insert.setString(3, token.hashedToken);
            insert.setTimestamp(4, lastUsed);
            insert.setString(5, name);
            insert.setString(6, token.tokenId);
            insert.setString(7, key("alice"));
            insert.executeUpdate();
        }
    }

    private static boolean onPath(String program) {
        for (String dir : System.getenv("PATH").split(File.pathSeparator)) {
            if (new File(dir, program).canExecute()) {
                return true;
            }
        }
        return false;
    }
}
