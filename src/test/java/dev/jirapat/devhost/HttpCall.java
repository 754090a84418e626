package dev.jirapat.devhost;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Real HTTP against a dev host for tests ({@code java.net.http}): one fluent call per request.
 * <pre>{@code
 * HttpCall.Response r = HttpCall.to(host).post("/rest/pat/latest/tokens").basic("alice", "alice")
 *         .json("{\"name\":\"ci\"}").send();
 * }</pre>
 */
public final class HttpCall {
    private static final HttpClient PLAIN = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10)).build();

    private final URI base;
    private final HttpClient client;
    private String method = "GET";
    private String path = "/";
    private final List<String> headers = new ArrayList<>();
    private HttpRequest.BodyPublisher body = HttpRequest.BodyPublishers.noBody();

    private HttpCall(URI base, HttpClient client) {
        this.base = base;
        this.client = client;
    }

    /** A call without cookies: every request stands alone, as a script's would. */
    public static HttpCall to(DevHost host) {
        return new HttpCall(host.baseUri(), PLAIN);
    }

    /** A client that keeps cookies between calls, as a browser does; reuse it for a session. */
    public static HttpClient browser() {
        return HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).cookieHandler(new CookieManager())
                .connectTimeout(Duration.ofSeconds(10)).build();
    }

    public static HttpCall with(DevHost host, HttpClient client) {
        return new HttpCall(host.baseUri(), client);
    }

    public HttpCall get(String path) {
        return method("GET", path);
    }

    public HttpCall post(String path) {
        return method("POST", path);
    }

    public HttpCall put(String path) {
        return method("PUT", path);
    }

    public HttpCall delete(String path) {
        return method("DELETE", path);
    }

    public HttpCall method(String method, String path) {
        this.method = method;
        this.path = path;
        return this;
    }

    public HttpCall header(String name, String value) {
        headers.add(name);
        headers.add(value);
        return this;
    }

    public HttpCall basic(String user, String password) {
        return header("Authorization", "Basic " + Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
    }

    public HttpCall bearer(String token) {
        return header("Authorization", "Bearer " + token);
    }

    /** A JSON body with {@code Content-Type: application/json}. */
    public HttpCall json(String json) {
        return body("application/json", json);
    }

    public HttpCall body(String contentType, String text) {
        if (contentType != null) {
            header("Content-Type", contentType);
        }
        this.body = HttpRequest.BodyPublishers.ofString(text, StandardCharsets.UTF_8);
        return this;
    }

    public Response send() {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                .method(method, body);
        for (int i = 0; i < headers.size(); i += 2) {
            request.header(headers.get(i), headers.get(i + 1));
        }
        try {
            HttpResponse<String> r = client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Response(r.statusCode(), r.headers(), r.body());
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + path + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static final class Response {
        public final int status;
        public final HttpHeaders headers;
        public final String body;

        Response(int status, HttpHeaders headers, String body) {
            this.status = status;
            this.headers = headers;
            this.body = body;
        }

        public String header(String name) {
            return headers.firstValue(name).orElse(null);
        }

        @Override
        public String toString() {
            return status + " " + headers.map() + " " + body;
        }
    }
}
