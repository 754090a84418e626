package dev.jirapat.rest;

import dev.jirapat.devhost.DevHost;
import dev.jirapat.devhost.DevUsers;
import dev.jirapat.devhost.HttpCall;
import dev.jirapat.token.AccessToken;
import dev.jirapat.token.Actor;
import dev.jirapat.token.PolicyStore;
import dev.jirapat.token.TokenSearch;
import dev.jirapat.token.TokenService;
import dev.jirapat.token.TokenStore;
import org.codehaus.jackson.JsonNode;
import org.codehaus.jackson.map.ObjectMapper;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

/**
 * Shortcuts over {@link HttpCall} for the REST API of one dev host under one base path, plus a look into the
 * database.
 */
final class Api {
    static final String ADMIN_KEY = DevUsers.ADMIN_KEY;
    static final String ALICE_KEY = DevUsers.ALICE_KEY;
    static final String BOB_KEY = DevUsers.BOB_KEY;
    static final String LATEST = "/rest/pat/latest";
    static final String V1 = "/rest/pat/1.0";
    static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}\\+00:00");
    static final Pattern RAW_TOKEN = Pattern.compile("jpat_[0-9A-Za-z]{49}");
    static final String NEVER = "9999-12-31T00:00:00.000+00:00";

    private static final ObjectMapper MAPPER = new ObjectMapper();

    final DevHost host;
    final String base;

    Api(DevHost host, String base) {
        this.host = host;
        this.base = base;
    }

    /** A call under the base path; {@code user} null for anonymous (password = username in the fixture). */
    HttpCall call(String method, String path, String user) {
        HttpCall call = HttpCall.to(host).method(method, base + path);
        return user == null ? call : call.basic(user, user);
    }

    static HttpCall.Response send(HttpCall call) {
        return call.send();
    }

    HttpCall.Response get(String path, String user) {
        return send(call("GET", path, user));
    }

    HttpCall.Response post(String path, String user, String json) {
        return send(call("POST", path, user).json(json));
    }

    HttpCall.Response put(String path, String user, String json) {
        return send(call("PUT", path, user).json(json));
    }

    HttpCall.Response delete(String path, String user) {
        return send(call("DELETE", path, user));
    }

    HttpCall.Response deleteJson(String path, String user, String json) {
        return send(call("DELETE", path, user).json(json));
    }

    /** Creates a token through the API and returns the 201 body. */
    JsonNode create(String user, String json) {
        HttpCall.Response r = post("/tokens", user, json);
        assertEquals("create " + json + ": " + r, 201, r.status);
        return json(r);
    }

    long createId(String user, String name) {
        return create(user, "{\"name\":\"" + name + "\",\"expirationDuration\":30}").path("id").getLongValue();
    }

    /**
     * Exactly these bytes (e.g. not UTF-8; null for no body) with any headers, sent over a plain socket: no client
     * library sits between the test and what the server reads.
     */
    HttpCall.Response raw(String method, String path, String user, String contentType, byte[] body, String... headers) {
        HttpCall call = call(method, path, user);
        if (body != null) {
            call.body(contentType, body);
        } else if (contentType != null) {
            call.header("Content-Type", contentType);
        }
        for (int i = 0; i < headers.length; i += 2) {
            call.header(headers[i], headers[i + 1]);
        }
        return call.sendVerbatim();
    }

    /** The lines written to System.err (where slf4j-simple logs) while {@code action} runs; they still reach the console. */
    static List<String> captureLog(Runnable action) {
        return dev.jirapat.testing.StderrCapture.lines(action);
    }

    static JsonNode json(HttpCall.Response r) {
        try {
            JsonNode node = MAPPER.readTree(r.body);
            assertNotNull("no JSON in " + r, node);
            return node;
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + r, e);
        }
    }

    static Set<String> fields(JsonNode object) {
        Set<String> names = new TreeSet<>();
        for (Iterator<String> it = object.getFieldNames(); it.hasNext(); ) {
            names.add(it.next());
        }
        return names;
    }

    /** The one error shape: exactly {@code exception} and {@code error}, both strings, as JSON in UTF-8. */
    static JsonNode assertError(HttpCall.Response r, int status, String exception) {
        assertEquals(r.toString(), status, r.status);
        assertJsonUtf8(r);
        JsonNode body = json(r);
        Set<String> fields = fields(body);
        fields.remove("errors"); // present when the refusal is about one request field
        assertEquals("error fields of " + r, new TreeSet<>(List.of("error", "exception")), fields);
        if (body.has("errors")) {
            assertEquals("errors holds the one field the refusal is about, with the same message: " + r, 1, body.path("errors").size());
            assertEquals(r.toString(), body.path("error"), body.path("errors").getElements().next());
        }
        assertTrue("exception is a string: " + r, body.path("exception").isTextual());
        assertTrue("error is a non-empty string: " + r, body.path("error").isTextual()
                && !body.path("error").getTextValue().isEmpty());
        if (exception != null) {
            assertEquals("exception of " + r, exception, body.path("exception").getTextValue());
        }
        String message = body.path("error").getTextValue();
        for (String leak : new String[] {"Exception", "\tat ", "\n", "dev.jirapat", "org.", "com.", "java.", "jpat_"}) {
            assertTrue("the error message leaks '" + leak + "': " + r, !message.contains(leak));
        }
        return body;
    }

    /**
     * {@code application/json;charset=UTF-8}. The plugin writes it so; a container may change the charset's case
     * on the way out (Jetty lower-cases it), and charset names are case-insensitive (RFC 7231, section 3.1.1.1).
     */
    static void assertJsonUtf8(HttpCall.Response r) {
        String type = r.header("Content-Type");
        assertNotNull("no Content-Type: " + r, type);
        assertEquals("Content-Type of " + r, "application/json;charset=utf-8", type.replace(" ", "").toLowerCase());
    }

    static void assertEmpty404(HttpCall.Response r) {
        assertEquals(r.toString(), 404, r.status);
        assertEquals("a 404 for a token id has an empty body: " + r, "", r.body);
    }

    TokenService service() {
        return host.bean(TokenService.class);
    }

    /** Every token in the database, oldest first. */
    List<AccessToken> tokens() {
        List<AccessToken> all = new ArrayList<>(service().search(Actor.user(ADMIN_KEY),
                TokenSearch.builder().page(0, TokenSearch.MAX_LIMIT).build()).value().values());
        all.sort(Comparator.comparingLong(AccessToken::id));
        return all;
    }

    List<AccessToken> tokensOf(String ownerKey) {
        return tokens().stream().filter(t -> t.ownerKey().equals(ownerKey)).collect(Collectors.toList());
    }

    /**
     * Stages a token that expired two days ago (the dev host runs on the system clock) by rewriting its dates in
     * the store, as the Bearer tests stage expiry. Returns its id.
     */
    long expire(long id) {
        return expiresAt(id, Instant.now().minus(Duration.ofDays(2)));
    }

    /**
     * Stages a token's expiry by rewriting it in the store; a token made to expire before its creation is made
     * 30 days older. Returns its id.
     */
    long expiresAt(long id, Instant expiry) {
        TokenStore store = host.bean(TokenStore.class);
        Instant at = expiry.truncatedTo(ChronoUnit.MILLIS);
        return store.inTransaction(() -> {
            AccessToken token = store.findById(id).get();
            Instant created = at.isAfter(token.createdAt()) ? token.createdAt() : at.minus(Duration.ofDays(30));
            return store.replace(id, token.toBuilder().createdAt(created).expiresAt(at).build());
        }).get().id();
    }

    Map<String, String> overrides() {
        return new TreeMap<>(host.bean(PolicyStore.class).overrides());
    }

    /** Everything a request could change: every column of every token, and the stored settings. */
    List<String> state() {
        List<String> out = new ArrayList<>();
        for (AccessToken t : tokens()) {
            out.add(t.id() + "|" + t.ownerKey() + "|" + t.name() + "|" + t.createdAt() + "|" + t.expiresAt() + "|"
                    + t.lastUsedAt() + "|" + t.scope() + "|" + t.allowedIps() + "|" + t.createdBy() + "|" + t.hash());
        }
        out.add("settings " + overrides());
        return out;
    }

    /** No tokens, default settings. */
    void reset() {
        List<Long> ids = tokens().stream().map(AccessToken::id).collect(Collectors.toList());
        if (!ids.isEmpty() && service().revokeAll(Actor.user(ADMIN_KEY), ids).isRejected()) {
            fail("could not clear the tokens");
        }
        PolicyStore settings = host.bean(PolicyStore.class);
        settings.apply(Map.of(), settings.overrides().keySet());
    }
}
