package dev.jirapat.cluster;

import dev.jirapat.devhost.DevHost;
import dev.jirapat.devhost.HttpCall;
import org.codehaus.jackson.JsonNode;
import org.codehaus.jackson.map.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.junit.Assert.assertEquals;

/** One cluster node seen over HTTP: the plugin's REST API and the dev host's endpoints. */
final class Node {
    static final String REST = "/rest/pat/latest";
    private static final ObjectMapper JSON = new ObjectMapper();

    final DevHost host;

    Node(DevHost host) {
        this.host = host;
    }

    static JsonNode json(HttpCall.Response r) {
        try {
            return JSON.readTree(r.body);
        } catch (IOException e) {
            throw new UncheckedIOException(r.toString(), e);
        }
    }

    /** POST /tokens as {@code user} (password = name); the created token's JSON (with rawToken). */
    JsonNode create(String user, String name) {
        HttpCall.Response r = createResponse(user, "{\"name\":\"" + name + "\"}");
        assertEquals(r.toString(), 201, r.status);
        return json(r);
    }

    HttpCall.Response createResponse(String user, String body) {
        return HttpCall.to(host).post(REST + "/tokens").basic(user, user).json(body).send();
    }

    /** GET Jira's /myself with the raw token: 200 while the token authenticates, 401 once it does not. */
    int myself(String rawToken) {
        return HttpCall.to(host).get("/rest/api/2/myself").bearer(rawToken).send().status;
    }

    HttpCall.Response revoke(String user, long id) {
        return HttpCall.to(host).delete(REST + "/tokens/" + id).basic(user, user).send();
    }

    HttpCall.Response rotate(String user, long id) {
        return HttpCall.to(host).post(REST + "/tokens/" + id + "/rotate").basic(user, user).json("{}").send();
    }

    HttpCall.Response settings(String json) {
        return HttpCall.to(host).put(REST + "/admin/settings").basic("admin", "admin").json(json).send();
    }

    JsonNode token(String user, long id) {
        HttpCall.Response r = HttpCall.to(host).get(REST + "/tokens/" + id).basic(user, user).send();
        assertEquals(r.toString(), 200, r.status);
        return json(r);
    }

    /** The token's stored last use as this node reads it from the database, or null. */
    Instant lastAccessedAt(String user, long id) {
        JsonNode at = token(user, id).path("lastAccessedAt");
        return at.isTextual() ? java.time.OffsetDateTime.parse(at.getTextValue(),
                java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSXXX")).toInstant() : null;
    }

    List<JsonNode> tokens(String user) {
        HttpCall.Response r = HttpCall.to(host).get(REST + "/tokens").basic(user, user).send();
        assertEquals(r.toString(), 200, r.status);
        List<JsonNode> out = new ArrayList<>();
        json(r).forEach(out::add);
        return out;
    }

    /** POST /devhost/jobs/run: the ids of the jobs this node ran. */
    List<String> runJobs() {
        HttpCall.Response r = HttpCall.to(host).post("/devhost/jobs/run").send();
        assertEquals(r.toString(), 200, r.status);
        List<String> ran = new ArrayList<>();
        json(r).path("ran").forEach(n -> ran.add(n.getTextValue()));
        return ran;
    }

    /** The mails this node's SMTP server received. */
    List<JsonNode> mails() {
        HttpCall.Response r = HttpCall.to(host).get("/devhost/mail").send();
        assertEquals(r.toString(), 200, r.status);
        List<JsonNode> out = new ArrayList<>();
        json(r).forEach(out::add);
        return out;
    }

    /** Polls {@code condition} every 100 ms until it holds or {@code seconds} pass; whether it held. */
    static boolean eventually(int seconds, java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        while (true) {
            if (condition.getAsBoolean()) {
                return true;
            }
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(100);
        }
    }
}
