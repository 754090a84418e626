package dev.jirapat.devhost;

import org.codehaus.jackson.JsonNode;
import org.junit.ClassRule;
import org.junit.Test;

import java.io.IOException;

import static dev.jirapat.devhost.SecurityIT.json;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

/** The slice of Jira's REST API v2 the HOST.host() serves for real clients: issues DEMO-1…3 and their comments. */
public class JiraRestSliceIT {
    @ClassRule
    public static final DevHostRule HOST = new DevHostRule();

    @Test
    public void issueWhenKnownThen200WithKey() throws IOException {
        for (String key : new String[] {"DEMO-1", "DEMO-2", "DEMO-3"}) {
            HttpCall.Response r = HttpCall.to(HOST.host()).get("/rest/api/2/issue/" + key).basic("bob", "bob").send();
            assertEquals(r.toString(), 200, r.status);
            JsonNode issue = json(r);
            assertEquals(key, issue.path("key").getTextValue());
            assertTrue(issue.toString(), issue.path("fields").path("comment").path("comments").isArray());
        }
    }

    @Test
    public void issueWhenUnknownThen404IssueDoesNotExistAsInJira() throws IOException {
        for (String path : new String[] {"/rest/api/2/issue/DEMO-99", "/rest/api/2/issue/NOPE-1"}) {
            HttpCall.Response r = HttpCall.to(HOST.host()).get(path).basic("bob", "bob").send();
            assertEquals(r.toString(), 404, r.status);
            assertEquals(r.body, "{\"errorMessages\":[\"Issue Does Not Exist\"],\"errors\":{}}", json(r).toString());
        }
        HttpCall.Response comment = HttpCall.to(HOST.host()).post("/rest/api/2/issue/NOPE-1/comment").basic("bob", "bob")
                .json("{\"body\":\"x\"}").send();
        assertEquals(comment.toString(), 404, comment.status);
        assertEquals(comment.body, "Issue Does Not Exist", json(comment).path("errorMessages").path(0).getTextValue());
    }

    @Test
    public void pathWhenNotEmulatedThen404NamingTheMethodAndPath() throws IOException {
        String[][] calls = {
            {"GET", "/rest/api/2/search"},
            {"GET", "/rest/api/2/search?jql=project%3DDEMO"},
            {"GET", "/rest/api/2/project"},
            {"GET", "/rest/api/2/issue/DEMO-1/comment"},
            {"GET", "/rest/api/2/issue/"},
            {"GET", "/rest/api/2"},
            {"POST", "/rest/api/2/issue"},
            {"POST", "/rest/api/2/issue/DEMO-1/transitions"},
            {"PUT", "/rest/api/2/issue/DEMO-1"},
            {"DELETE", "/rest/api/2/issue/DEMO-1"},
        };
        for (String[] call : calls) {
            String path = call[1].contains("?") ? call[1].substring(0, call[1].indexOf('?')) : call[1];
            HttpCall request = HttpCall.to(HOST.host()).method(call[0], call[1]).basic("bob", "bob");
            HttpCall.Response r = (call[0].equals("POST") || call[0].equals("PUT") ? request.json("{}") : request).send();
            assertEquals(call[0] + " " + call[1] + ": " + r, 404, r.status);
            assertEquals(r.body, "{\"errorMessages\":[\"Not emulated by the dev host: " + call[0] + " " + path
                    + "\"],\"errors\":{}}", json(r).toString());
        }
    }

    @Test
    public void headWhenEmulatedGetThen200ElseNotEmulated404() {
        assertEquals(200, HttpCall.to(HOST.host()).method("HEAD", "/rest/api/2/myself").basic("bob", "bob").send().status);
        assertEquals(200, HttpCall.to(HOST.host()).method("HEAD", "/rest/api/2/issue/DEMO-1").basic("bob", "bob").send().status);
        assertEquals(404, HttpCall.to(HOST.host()).method("HEAD", "/rest/api/2/search").basic("bob", "bob").send().status);
    }

    @Test
    public void pathWhenNotEmulatedAndAnonymousThenStillNamedNotEmulated() throws IOException {
        HttpCall.Response r = HttpCall.to(HOST.host()).get("/rest/api/2/search").send();
        assertEquals(r.toString(), 404, r.status);
        assertEquals(r.body, "Not emulated by the dev host: GET /rest/api/2/search",
                json(r).path("errorMessages").path(0).getTextValue());
    }

    @Test
    public void issueWhenAnonymousThen401() {
        assertEquals(401, HttpCall.to(HOST.host()).get("/rest/api/2/issue/DEMO-1").send().status);
    }

    @Test
    public void commentWhenJsonBodyThen201AndListedOnTheIssueWithItsAuthor() throws IOException {
        String text = "Deployed by the CI token " + System.nanoTime();
        HttpCall.Response created = HttpCall.to(HOST.host()).post("/rest/api/2/issue/DEMO-1/comment").basic("alice", "alice")
                .json("{\"body\":\"" + text + "\"}").send();
        assertEquals(created.toString(), 201, created.status);
        JsonNode comment = json(created);
        assertEquals(text, comment.path("body").getTextValue());
        assertEquals("alice", comment.path("author").path("name").getTextValue());

        HttpCall.Response issue = HttpCall.to(HOST.host()).get("/rest/api/2/issue/DEMO-1").basic("bob", "bob").send();
        JsonNode comments = json(issue).path("fields").path("comment").path("comments");
        JsonNode found = null;
        for (JsonNode c : comments) {
            if (text.equals(c.path("body").getTextValue())) {
                found = c;
            }
        }
        assertTrue("the new comment is on DEMO-1: " + comments, found != null);
        assertEquals("alice", found.path("author").path("name").getTextValue());
        assertEquals("JIRAUSER10100", found.path("author").path("key").getTextValue());
        assertEquals("Alice Example", found.path("author").path("displayName").getTextValue());
        assertEquals(comment.path("id").getTextValue(), found.path("id").getTextValue());
    }

    @Test
    public void commentWhenCommentedOnOneIssueThenNotOnAnother() throws IOException {
        String text = "only on DEMO-3 " + System.nanoTime();
        assertEquals(201, HttpCall.to(HOST.host()).post("/rest/api/2/issue/DEMO-3/comment").basic("bob", "bob")
                .json("{\"body\":\"" + text + "\"}").send().status);
        String demo2 = HttpCall.to(HOST.host()).get("/rest/api/2/issue/DEMO-2").basic("bob", "bob").send().body;
        assertTrue(demo2, !demo2.contains(text));
    }

    @Test
    public void commentWhenBodyEmptyThen400() {
        for (String body : new String[] {"", "{}", "{\"body\":\"\"}", "{\"body\":\"   \"}", "{\"body\":42}", "not json"}) {
            HttpCall.Response r = HttpCall.to(HOST.host()).post("/rest/api/2/issue/DEMO-1/comment").basic("alice", "alice")
                    .json(body).send();
            assertEquals("'" + body + "': " + r, 400, r.status);
        }
    }

    @Test
    public void commentWhenAnonymousThen401() {
        HttpCall.Response r = HttpCall.to(HOST.host()).post("/rest/api/2/issue/DEMO-1/comment").json("{\"body\":\"anon\"}").send();
        assertEquals(r.toString(), 401, r.status);
    }

    @Test
    public void commentWhenIssueUnknownThen404() {
        HttpCall.Response r = HttpCall.to(HOST.host()).post("/rest/api/2/issue/NOPE-1/comment").basic("alice", "alice")
                .json("{\"body\":\"x\"}").send();
        assertEquals(r.toString(), 404, r.status);
    }
}
