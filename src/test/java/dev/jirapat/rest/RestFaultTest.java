package dev.jirapat.rest;

import dev.jirapat.devhost.DevHostRule;
import dev.jirapat.devhost.HttpCall;
import org.codehaus.jackson.JsonNode;
import org.junit.After;
import org.junit.Before;
import org.junit.ClassRule;
import org.junit.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

/**
 * A fault inside a resource (here: the database cannot be reached) is a 500 in the one error shape whose message
 * quotes a reference, and the log has the cause under that reference; the response names nothing of the cause.
 */
public class RestFaultTest {
    private static final Pattern REFERENCE = Pattern.compile(
            "The server could not perform this operation - please check Application logs \\(reference ([0-9a-z]+)\\)\\.");

    @ClassRule
    public static final DevHostRule HOST = new DevHostRule();

    private Api api;

    @Before
    public void cleanSlate() {
        api = new Api(HOST.host(), Api.LATEST);
        api.reset();
        api.createId("alice", "listed");
    }

    @After
    public void databaseBack() {
        HOST.host().simulateDatabaseOutage(false);
    }

    @Test
    public void faultWhenTheDatabaseIsDownThen500QuotingAReferenceThatTheLogHas() {
        List<HttpCall.Response> responses = new ArrayList<>();
        List<String> log = Api.captureLog(() -> {
            HOST.host().simulateDatabaseOutage(true);
            responses.add(api.get("/tokens", "alice"));
            responses.add(api.post("/tokens/search", "admin", "{\"status\":\"active\"}"));
            HOST.host().simulateDatabaseOutage(false);
        });
        for (HttpCall.Response r : responses) {
            JsonNode error = Api.assertError(r, 500, "java.lang.RuntimeException");
            Matcher reference = REFERENCE.matcher(error.path("error").getTextValue());
            assertTrue("a generic message with a reference: " + r, reference.matches());
            List<String> logged = log.stream().filter(l -> l.contains("REST request failed (reference " + reference.group(1) + ")"))
                    .collect(Collectors.toList());
            assertEquals("the reference is logged once, at ERROR in the fallback mapper's category: " + log, 1, logged.size());
            assertTrue(logged.get(0), logged.get(0).contains("ERROR dev.jirapat.rest.FallbackExceptionMapper"));
        }
        assertEquals("the API works again with the database", 200, api.get("/tokens", "alice").status);
    }
}
