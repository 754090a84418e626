package dev.jirapat.devhost;

import org.codehaus.jackson.JsonNode;
import org.codehaus.jackson.map.ObjectMapper;
import org.junit.ClassRule;
import org.junit.Test;

import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

/** The host's Seraph-like security over real HTTP: form login, Basic on REST, sessions, logout, redirects. */
public class SecurityIT {
    @ClassRule
    public static final DevHostRule HOST = new DevHostRule();

    @Test
    public void loginWhenFormCredentialsValidThenSessionIsThatUser() throws IOException {
        HttpClient browser = HttpCall.browser();
        HttpCall.Response login = formLogin(browser, "alice", "alice", null);
        assertEquals(login.toString(), 302, login.status);
        assertNotNull("a session cookie", sessionCookie(login));

        HttpCall.Response me = HttpCall.with(HOST.host(), browser).get("/rest/api/2/myself").send();
        assertEquals(me.toString(), 200, me.status);
        assertEquals("alice", json(me).path("name").getTextValue());
    }

    @Test
    public void myselfWhenBasicAsEachActiveUserThenThatUsersNameKeyAndDisplayName() throws IOException {
        String[][] expected = {
                {"admin", "JIRAUSER10000", "Administrator"},
                {"alice", "JIRAUSER10100", "Alice Example"},
                {"bob", "JIRAUSER10101", "Bob Example"},
        };
        for (String[] user : expected) {
            HttpCall.Response me = HttpCall.to(HOST.host()).get("/rest/api/2/myself").basic(user[0], user[0]).send();
            assertEquals(me.toString(), 200, me.status);
            JsonNode body = json(me);
            assertEquals(user[0], body.path("name").getTextValue());
            assertEquals(user[1], body.path("key").getTextValue());
            assertEquals(user[2], body.path("displayName").getTextValue());
            assertTrue(body.path("active").getBooleanValue());
        }
    }

    @Test
    public void myselfWhenFormLoginAsEachActiveUserThenThatUser() throws IOException {
        for (String name : new String[] {"admin", "alice", "bob"}) {
            HttpClient browser = HttpCall.browser();
            assertEquals(302, formLogin(browser, name, name, null).status);
            HttpCall.Response me = HttpCall.with(HOST.host(), browser).get("/rest/api/2/myself").send();
            assertEquals(me.toString(), 200, me.status);
            assertEquals(name, json(me).path("name").getTextValue());
        }
    }

    @Test
    public void loginWhenUserInactiveThenNoSessionAndRefused() {
        HttpClient browser = HttpCall.browser();
        HttpCall.Response login = formLogin(browser, "carol", "carol", null);
        assertEquals(login.toString(), 401, login.status);
        assertNull("no session for an inactive user", sessionCookie(login));
        assertTrue(login.body, login.body.contains("login-error"));
        assertEquals(401, HttpCall.with(HOST.host(), browser).get("/rest/api/2/myself").send().status);
    }

    @Test
    public void basicWhenUserInactiveThen401() {
        HttpCall.Response me = HttpCall.to(HOST.host()).get("/rest/api/2/myself").basic("carol", "carol").send();
        assertEquals(me.toString(), 401, me.status);
    }

    @Test
    public void basicWhenPasswordWrongThen401WithChallenge() {
        HttpCall.Response me = HttpCall.to(HOST.host()).get("/rest/api/2/myself").basic("alice", "bob").send();
        assertEquals(me.toString(), 401, me.status);
        assertNotNull(me.header("WWW-Authenticate"));
    }

    @Test
    public void loginWhenPasswordWrongThen401AndNoSession() {
        HttpClient browser = HttpCall.browser();
        HttpCall.Response login = formLogin(browser, "alice", "wrong", null);
        assertEquals(login.toString(), 401, login.status);
        assertNull(sessionCookie(login));
        assertEquals(401, HttpCall.with(HOST.host(), browser).get("/rest/api/2/myself").send().status);
    }

    @Test
    public void myselfWhenAnonymousThen401WithJiraErrorMessages() throws IOException {
        HttpCall.Response me = HttpCall.to(HOST.host()).get("/rest/api/2/myself").send();
        assertEquals(me.toString(), 401, me.status);
        assertTrue(me.header("Content-Type"), me.header("Content-Type").startsWith("application/json"));
        JsonNode body = json(me);
        assertTrue(body.toString(), body.path("errorMessages").isArray());
        assertTrue(body.toString(), body.path("errorMessages").get(0).getTextValue().contains("not authenticated"));
        assertTrue(body.toString(), body.path("errors").isObject());
    }

    @Test
    public void serverInfoWhenAnonymousThenVersionAndDeploymentType() throws IOException {
        HttpCall.Response info = HttpCall.to(HOST.host()).get("/rest/api/2/serverInfo").send();
        assertEquals(info.toString(), 200, info.status);
        JsonNode body = json(info);
        assertTrue(body.toString(), body.path("versionNumbers").isArray());
        assertEquals(3, body.path("versionNumbers").size());
        assertTrue(body.path("versionNumbers").get(0).isInt());
        assertEquals("Server", body.path("deploymentType").getTextValue());
        assertEquals(HOST.host().baseUri().toString(), body.path("baseUrl").getTextValue());
    }

    @Test
    public void logoutWhenLoggedInThenSessionEnds() {
        HttpClient browser = HttpCall.browser();
        assertEquals(302, formLogin(browser, "bob", "bob", null).status);
        assertEquals(200, HttpCall.with(HOST.host(), browser).get("/rest/api/2/myself").send().status);

        HttpCall.Response logout = HttpCall.with(HOST.host(), browser).get("/logout").send();
        assertEquals(logout.toString(), 302, logout.status);

        assertEquals(401, HttpCall.with(HOST.host(), browser).get("/rest/api/2/myself").send().status);
    }

    @Test
    public void loginWhenDestinationLeavesTheHostThenRedirectedToProfile() {
        for (String evil : new String[] {"//evil.example", "http://evil.example", "https://evil.example/x",
                "/\\evil.example", "\\\\evil.example"}) {
            HttpCall.Response login = formLogin(HttpCall.browser(), "alice", "alice", evil);
            assertEquals(evil + ": " + login, 302, login.status);
            assertEquals(evil, HOST.host().baseUri().getPath() + "/secure/ViewProfile.jspa", location(login));
        }
    }

    @Test
    public void loginWhenDestinationIsAPathOnTheHostThenRedirectedThere() {
        HttpCall.Response login = formLogin(HttpCall.browser(), "admin", "admin", "/secure/admin/ViewApplicationProperties.jspa");
        assertEquals(login.toString(), 302, login.status);
        assertEquals(HOST.host().baseUri().getPath() + "/secure/admin/ViewApplicationProperties.jspa", location(login));
    }

    @Test
    public void loginWhenASessionExistsThenTheSessionIdChangesAndTheOldOneIsDead() {
        HttpClient browser = HttpCall.browser();
        HttpCall.Response first = formLogin(browser, "bob", "bob", null);
        String before = sessionCookie(first);
        assertNotNull(before);

        HttpCall.Response second = formLogin(browser, "alice", "alice", null);
        assertEquals(second.toString(), 302, second.status);
        String after = sessionCookie(second);
        assertNotNull("a new session cookie at login", after);
        assertNotEquals(before, after);

        HttpCall.Response withOld = HttpCall.to(HOST.host()).get("/rest/api/2/myself").header("Cookie", before).send();
        assertEquals("the pre-login session id no longer authenticates: " + withOld, 401, withOld.status);
        HttpCall.Response withNew = HttpCall.to(HOST.host()).get("/rest/api/2/myself").header("Cookie", after).send();
        assertEquals(200, withNew.status);
    }

    @Test
    public void loginWhenAttackerPlantedASessionIdThenItIsNotUsed() {
        String planted = "JSESSIONID=node0attackerchosen0.node0";
        HttpCall.Response login = HttpCall.to(HOST.host()).post("/login.jsp").header("Cookie", planted)
                .body("application/x-www-form-urlencoded", "os_username=alice&os_password=alice").send();
        assertEquals(login.toString(), 302, login.status);
        String issued = sessionCookie(login);
        assertNotNull(issued);
        assertNotEquals(planted, issued);
        assertEquals(401, HttpCall.to(HOST.host()).get("/rest/api/2/myself").header("Cookie", planted).send().status);
    }

    private static HttpCall.Response formLogin(HttpClient browser, String user, String password, String destination) {
        String form = "os_username=" + enc(user) + "&os_password=" + enc(password)
                + (destination == null ? "" : "&os_destination=" + enc(destination));
        return HttpCall.with(HOST.host(), browser).post("/login.jsp").body("application/x-www-form-urlencoded", form).send();
    }

    /** "JSESSIONID=…" from the response's Set-Cookie, or null when the response set none. */
    static String sessionCookie(HttpCall.Response response) {
        List<String> cookies = response.headers.allValues("Set-Cookie");
        for (String c : cookies) {
            if (c.startsWith("JSESSIONID=")) {
                return c.split(";", 2)[0];
            }
        }
        return null;
    }

    private static String location(HttpCall.Response response) {
        String location = response.header("Location");
        assertNotNull(response.toString(), location);
        // Tomcat answers with a path (its useRelativeRedirects), other containers with an absolute URL; what matters is that it stays on this HOST.host().
        if (location.startsWith("http")) {
            assertTrue(location, location.startsWith(HOST.host().baseUri().getScheme() + "://" + HOST.host().baseUri().getAuthority() + "/"));
            location = location.substring((HOST.host().baseUri().getScheme() + "://" + HOST.host().baseUri().getAuthority()).length());
        }
        assertFalse(location, location.startsWith("//"));
        return location;
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    static JsonNode json(HttpCall.Response response) throws IOException {
        return new ObjectMapper().readTree(response.body);
    }
}
