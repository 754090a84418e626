package dev.jirapat.rest;

import dev.jirapat.devhost.DevHostRule;
import dev.jirapat.devhost.HttpCall;
import org.codehaus.jackson.JsonNode;
import org.junit.Before;
import org.junit.ClassRule;
import org.junit.Test;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

/**
 * The admin user picker, {@code GET /tokens/search/user?contains=&limit=}, over HTTP against the dev host (whose
 * user search matches as Jira's: the start of the username, of a word of the display name, or of the e-mail
 * address, case-insensitively), and the filter it feeds: user keys, never usernames.
 */
public class RestUserSearchIT {
    private static final String ILLEGAL = "java.lang.IllegalArgumentException";

    @ClassRule
    public static final DevHostRule HOST = new DevHostRule();

    private Api api;

    @Before
    public void cleanSlate() {
        api = new Api(HOST.host(), Api.LATEST);
        api.reset();
    }

    @Test
    public void pickerWhenPartOfUsernameDisplayNameOrEmailThenAliceIsFound() {
        for (String text : List.of("Ali", "ali", "ALICE", "Example", "alice@", "alice@example.com")) {
            assertTrue(text + " finds alice: " + usernames(text), usernames(text).contains("alice"));
        }
        assertEquals(List.of("alice"), usernames("Ali"));
        assertEquals("a word of the display name: every Example user, the inactive one too",
                List.of("alice", "bob", "carol"), usernames("Example"));
        assertEquals(List.of("alice"), usernames("alice@"));
        JsonNode alice = search("alice@", "admin").get(0);
        assertEquals(Api.ALICE_KEY, alice.path("userKey").getTextValue());
        assertEquals("Alice Example", alice.path("fullName").getTextValue());
        assertEquals("alice@example.com", alice.path("email").getTextValue());
        assertEquals(List.of(), usernames("nobody"));
    }

    @Test
    public void pickerWhenLimitGivenThenAtMostThatMany() {
        assertEquals(List.of("alice"), names(api.get("/tokens/search/user?limit=1&contains=Example", "admin")));
        assertEquals(3, names(api.get("/tokens/search/user?limit=1000&contains=Example", "admin")).size());
    }

    @Test
    public void pickerWhenNotAnAdminThenRefusedAndWhenAnonymousThen401() {
        assertEquals(401, api.get("/tokens/search/user?contains=Ali", null).status);
        Api.assertError(api.get("/tokens/search/user?contains=Ali", "alice"), 403, "com.atlassian.sal.api.permission.AuthorisationException");
        Api.assertError(api.get("/tokens/search/user?contains=Ali", "bob"), 403, "com.atlassian.sal.api.permission.AuthorisationException");
        assertEquals(200, api.get("/tokens/search/user?contains=Ali", "admin").status);
    }

    @Test
    public void pickerWhenTextIsBlankOrAbsentThenNobody() {
        assertEquals("[]", api.get("/tokens/search/user", "admin").body);
        assertEquals("[]", api.get("/tokens/search/user?contains=", "admin").body);
        assertEquals("[]", api.get("/tokens/search/user?contains=%20%20", "admin").body);
    }

    @Test
    public void pickerWhenTextIsHostileThenAJsonAnswerAndNoMatchOrA400NamingTheParameter() {
        for (String hostile : List.of("<script>alert(1)</script>", "\"}]", "a\u0000b", "\n\r\t", "\u001b[31m",
                "\u202Eecila", "' OR 1=1 --", "%", "*", ".*", "\\", "\uD800")) {
            HttpCall.Response r = api.get("/tokens/search/user?contains=" + encode(hostile), "admin");
            assertEquals(hostile + ": " + r, 200, r.status);
            assertTrue(r.toString(), r.header("Content-Type").startsWith("application/json"));
            assertEquals(hostile, "[]", r.body);
        }
        assertEquals("control characters around the text are trimmed as spaces are", List.of("alice"), usernames("\u0000ali\u001f"));
        assertEquals("255 characters are searched", "[]", api.get("/tokens/search/user?contains=" + "a".repeat(255), "admin").body);
        JsonNode tooLong = Api.assertError(api.get("/tokens/search/user?contains=" + "a".repeat(256), "admin"), 400, ILLEGAL);
        assertEquals("contains can be at most 255 characters long.", tooLong.path("error").getTextValue());
        assertEquals(tooLong.path("error"), tooLong.path("errors").path("contains"));
        Api.assertError(api.get("/tokens/search/user?contains=" + "\uD83D\uDE00".repeat(256), "admin"), 400, ILLEGAL);
        Api.assertError(api.get("/tokens/search/user?contains=" + "x".repeat(5000), "admin"), 400, ILLEGAL);
    }

    @Test
    public void filterWhenAUsernameIsSentWhereAKeyBelongsThenItMatchesNobodyAndTheKeyFindsHerTokens() {
        api.createId("alice", "alice-one");
        api.createId("bob", "bob-one");
        assertEquals(0, page("{\"userKeys\":[\"alice\"]}").path("values").size());
        JsonNode hers = page("{\"userKeys\":[\"" + Api.ALICE_KEY + "\"]}").path("values");
        assertEquals(1, hers.size());
        assertEquals("alice-one", hers.get(0).path("name").getTextValue());
    }

    private JsonNode page(String criteria) {
        HttpCall.Response r = api.post("/tokens/search", "admin", criteria);
        assertEquals(r.toString(), 200, r.status);
        return Api.json(r);
    }

    private JsonNode search(String contains, String user) {
        HttpCall.Response r = api.get("/tokens/search/user?contains=" + encode(contains), user);
        assertEquals(r.toString(), 200, r.status);
        return Api.json(r);
    }

    private List<String> usernames(String contains) {
        return names(api.get("/tokens/search/user?contains=" + encode(contains), "admin"));
    }

    private static List<String> names(HttpCall.Response r) {
        assertEquals(r.toString(), 200, r.status);
        List<String> names = new ArrayList<>();
        for (JsonNode user : Api.json(r)) {
            assertEquals("the built-in app's user shape: " + user, List.of("email", "fullName", "userKey", "username"),
                    new ArrayList<>(Api.fields(user)));
            names.add(user.path("username").getTextValue());
        }
        return names;
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
