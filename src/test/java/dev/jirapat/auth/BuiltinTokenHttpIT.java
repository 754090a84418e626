package dev.jirapat.auth;

import dev.jirapat.devhost.DevHost;
import dev.jirapat.devhost.DevHostRule;
import dev.jirapat.devhost.HttpCall;
import dev.jirapat.token.BuiltinFixtures;
import org.codehaus.jackson.JsonNode;
import org.junit.AfterClass;
import org.junit.Before;
import org.junit.BeforeClass;
import org.junit.ClassRule;
import org.junit.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static dev.jirapat.auth.BearerHttp.assertAnonymousToJira;
import static dev.jirapat.auth.BearerHttp.assertInvalidToken;
import static dev.jirapat.auth.BearerHttp.assertServedAs;
import static dev.jirapat.auth.BearerHttp.json;
import static dev.jirapat.auth.BearerHttp.myself;
import static dev.jirapat.auth.BearerHttp.policy;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;

/**
 * Switching from Jira's built-in app, end to end over HTTP: an admin imports an export of the built-in table
 * ({@code POST /rest/pat/latest/admin/import/builtin}), and the built-in token, presented as before, is served as its
 * owner on {@code /rest/api/2/myself}; a wrong secret under the imported id is 401; an id that was never imported
 * passes through to Jira untouched; with acceptance off the token is 401; rotated, it is ours and the built-in
 * secret stops. No built-in token or hash reaches the log.
 */
public class BuiltinTokenHttpIT {
    @ClassRule
    public static final DevHostRule HOST = new DevHostRule();

    @ClassRule
    public static final TokenLogScan LOG = new TokenLogScan();

    private static final List<String> SECRETS = new ArrayList<>();
    private static DevHost host;

    @BeforeClass
    public static void startHost() {
        host = HOST.host();
    }

    @Before
    public void openPolicy() {
        policy(host);
    }

    @AfterClass
    public static void nothingSecretLogged() {
        for (String line : LOG.snapshot()) {
            for (String secret : SECRETS) {
                assertFalse("a log line holds a built-in token or hash: " + line.replace(secret, "<redacted>"),
                        line.contains(secret) || line.contains(secret.substring(9)));
            }
        }
    }

    private static BuiltinFixtures.Issued issue() {
        BuiltinFixtures.Issued issued = BuiltinFixtures.issue();
        SECRETS.add(issued.presented);
        SECRETS.add(issued.hashedToken);
        return issued;
    }

    /** Imports rows of the built-in table, as the admin page sends them: CSV as PostgreSQL writes it. */
    private static JsonNode importCsv(String owner, BuiltinFixtures.Issued... tokens) {
        StringBuilder csv = new StringBuilder("id,name,user_key,created_at,last_accessed_at,hashed_token,token_id,expiring_at,notification_state\r\n");
        for (BuiltinFixtures.Issued token : tokens) {
            csv.append("1,\"ci, nightly ").append(token.tokenId).append("\",").append(owner).append(",2026-01-31 09:15:00.123+00,,").append(token.hashedToken)
                    .append(',').append(token.tokenId).append(",9999-12-31 00:00:00+00,NOT_SENT\r\n");
        }
        HttpCall.Response r = HttpCall.to(host).post("/rest/pat/latest/admin/import/builtin").basic("admin", "admin")
                .body("text/csv", csv.toString().getBytes(StandardCharsets.UTF_8)).send();
        assertEquals(r.toString(), 200, r.status);
        return json(r);
    }

    /** The owner's listed token that was imported for {@code token} (named after its id). */
    private static JsonNode listed(String owner, BuiltinFixtures.Issued token) {
        JsonNode listed = json(HttpCall.to(host).get("/rest/pat/latest/tokens").basic(owner, owner).send());
        for (JsonNode t : listed) {
            if (t.path("name").getTextValue().equals("ci, nightly " + token.tokenId)) {
                return t;
            }
        }
        throw new AssertionError("not listed: " + listed);
    }

    @Test
    public void importedBuiltinTokenIsServedAsItsOwnerAndAWrongSecretIs401() {
        BuiltinFixtures.Issued token = issue();
        JsonNode report = importCsv(BearerHttp.ALICE, token);
        assertEquals(report.toString(), 1, report.path("imported").getIntValue());

        assertServedAs(myself(host, token.presented), "alice"); // PBKDF2, then the hash is ours
        assertServedAs(myself(host, token.presented), "alice"); // by SHA-256, cached

        String wrong = token.wrongSecret();
        SECRETS.add(wrong);
        assertInvalidToken(host, myself(host, wrong), AuthFailure.INVALID, wrong);
        assertInvalidToken(host, myself(host, wrong), AuthFailure.INVALID, wrong);

        JsonNode imported = listed("alice", token);
        assertEquals("builtin", imported.path("origin").getTextValue());
        assertEquals("ci, nightly " + token.tokenId, imported.path("name").getTextValue());
        assertEquals("9999-12-31T00:00:00.000+00:00", imported.path("expiringAt").getTextValue());
    }

    @Test
    public void builtinTokenThatWasNeverImportedPassesThroughAsWithoutAHeader() {
        BuiltinFixtures.Issued stranger = issue();
        assertAnonymousToJira(myself(host, stranger.presented));
        assertAnonymousToJira(HttpCall.to(host).get("/rest/api/2/myself").send());
    }

    @Test
    public void importedTokenIsRefusedWhileAcceptanceIsOffAndWorksAgainWhenOn() {
        BuiltinFixtures.Issued token = issue();
        importCsv(BearerHttp.BOB, token);

        policy(host, "importedTokensAccepted", "false");
        assertInvalidToken(host, myself(host, token.presented), AuthFailure.IMPORTED_NOT_ACCEPTED, token.presented);

        policy(host);
        assertServedAs(myself(host, token.presented), "bob");
        policy(host, "importedTokensAccepted", "false");
        assertInvalidToken(host, myself(host, token.presented), AuthFailure.IMPORTED_NOT_ACCEPTED, token.presented);
    }

    @Test
    public void rotatingAnImportedTokenIssuesOursAndTheBuiltinSecretStops() {
        BuiltinFixtures.Issued token = issue();
        importCsv(BearerHttp.ALICE, token);
        assertServedAs(myself(host, token.presented), "alice");
        long id = listed("alice", token).path("id").getLongValue();

        HttpCall.Response rotated = HttpCall.to(host).post("/rest/pat/latest/tokens/" + id + "/rotate")
                .basic("alice", "alice").header("X-Atlassian-Token", "no-check").send();
        assertEquals(rotated.toString(), 201, rotated.status);
        String ours = json(rotated).path("rawToken").getTextValue();
        assertFalse(json(rotated).has("origin"));

        assertServedAs(myself(host, ours), "alice");
        assertAnonymousToJira(myself(host, token.presented)); // no longer imported: Jira's concern, which refuses it
    }

    @Test
    public void reimportingTheSameExportSkipsEveryRow() {
        BuiltinFixtures.Issued a = issue();
        BuiltinFixtures.Issued b = issue();
        assertEquals(2, importCsv(BearerHttp.ALICE, a, b).path("imported").getIntValue());
        JsonNode again = importCsv(BearerHttp.ALICE, a, b);
        assertEquals(0, again.path("imported").getIntValue());
        assertEquals(2, again.path("skipped").getIntValue());
        assertEquals(0, again.path("errors").size());
    }
}
