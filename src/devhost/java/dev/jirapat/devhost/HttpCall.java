package dev.jirapat.devhost;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
    private byte[] bodyBytes = new byte[0];
    private boolean chunked;
    private String localAddress;

    private HttpCall(URI base, HttpClient client) {
        this.base = base;
        this.client = client;
    }

    /** A call without cookies: every request stands alone, as a script's would. */
    public static HttpCall to(DevHost host) {
        return to(host.baseUri());
    }

    /** A call to any server, e.g. a bare container in a test; {@code base} is its context URI. */
    public static HttpCall to(URI base) {
        return new HttpCall(base, PLAIN);
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

    /**
     * Sends {@link #sendVerbatim} from another loopback address of this machine (e.g. {@code 127.0.0.2}), so a
     * test can be a second client: every 127.x address is this machine's own.
     */
    public HttpCall from(String loopbackAddress) {
        this.localAddress = loopbackAddress;
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
        this.bodyBytes = text.getBytes(StandardCharsets.UTF_8);
        return this;
    }

    /** Exactly these bytes as the body, e.g. bytes that are not UTF-8; {@code contentType} null for none. */
    public HttpCall body(String contentType, byte[] bytes) {
        if (contentType != null) {
            header("Content-Type", contentType);
        }
        this.bodyBytes = bytes.clone();
        this.body = HttpRequest.BodyPublishers.ofByteArray(bodyBytes);
        return this;
    }

    /** {@link #send} streams the body without a Content-Length (chunked), as a client that does not know its size. */
    public HttpCall chunked() {
        this.chunked = true;
        return this;
    }

    /**
     * Sends the path and query byte for byte over a plain socket, as a client that checks nothing would:
     * {@code java.net.http} refuses a target such as {@code ?a=%zz} before it leaves the machine. HTTP/1.1 with
     * {@code Connection: close}; the answer is read to its Content-Length or its last chunk, not to the end of the
     * stream, since Tomcat goes on reading (up to its maxSwallowSize) a body that was declared and not sent, after
     * its answer; cookies are not kept. A {@code Content-Length} set with {@link #header} is sent
     * instead of the body's own, so a test can declare more than it sends.
     */
    public Response sendVerbatim() {
        StringBuilder head = new StringBuilder().append(method).append(' ').append(base.getRawPath()).append(path)
                .append(" HTTP/1.1\r\nHost: ").append(base.getRawAuthority()).append("\r\nConnection: close\r\n");
        boolean declared = false;
        for (int i = 0; i < headers.size(); i += 2) {
            head.append(headers.get(i)).append(": ").append(headers.get(i + 1)).append("\r\n");
            declared |= headers.get(i).equalsIgnoreCase("Content-Length");
        }
        if (!declared) {
            head.append("Content-Length: ").append(bodyBytes.length).append("\r\n");
        }
        head.append("\r\n");
        try (Socket socket = localAddress == null ? new Socket(base.getHost(), base.getPort())
                : new Socket(InetAddress.getByName(base.getHost()), base.getPort(), InetAddress.getByName(localAddress), 0)) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
            out.write(bodyBytes);
            out.flush();
            ByteArrayOutputStream received = new ByteArrayOutputStream();
            InputStream in = socket.getInputStream();
            byte[] buffer = new byte[8192];
            for (int n; body(received) == null && (n = in.read(buffer)) >= 0; ) {
                received.write(buffer, 0, n);
            }
            String reply = received.toString(StandardCharsets.ISO_8859_1);
            int end = reply.indexOf("\r\n\r\n");
            String[] lines = reply.substring(0, end < 0 ? reply.length() : end).split("\r\n");
            Map<String, List<String>> fields = new LinkedHashMap<>();
            for (int i = 1; i < lines.length; i++) {
                int colon = lines[i].indexOf(':');
                if (colon > 0) {
                    fields.computeIfAbsent(lines[i].substring(0, colon).trim(), k -> new ArrayList<>())
                            .add(lines[i].substring(colon + 1).trim());
                }
            }
            byte[] complete = body(received);
            String body = complete != null ? new String(complete, StandardCharsets.UTF_8)
                    : end < 0 ? "" : new String(received.toByteArray(), end + 4, received.size() - end - 4, StandardCharsets.UTF_8);
            return new Response(Integer.parseInt(lines[0].split(" ")[1]), HttpHeaders.of(fields, (name, value) -> true), body);
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + path + " failed: " + e, e);
        }
    }

    /** A verbatim answer's body once it is all there (per its Content-Length or chunks), else null. */
    private static byte[] body(ByteArrayOutputStream received) {
        byte[] bytes = received.toByteArray();
        String reply = new String(bytes, StandardCharsets.ISO_8859_1);
        int end = reply.indexOf("\r\n\r\n");
        if (end < 0) {
            return null;
        }
        int start = end + 4;
        for (String line : reply.substring(0, end).split("\r\n")) {
            int colon = line.indexOf(':');
            String name = colon > 0 ? line.substring(0, colon).trim() : "";
            String value = colon > 0 ? line.substring(colon + 1).trim() : "";
            if (name.equalsIgnoreCase("Content-Length")) {
                long length = Long.parseLong(value);
                return bytes.length - start >= length ? Arrays.copyOfRange(bytes, start, start + (int) length) : null;
            }
            if (name.equalsIgnoreCase("Transfer-Encoding") && value.equalsIgnoreCase("chunked")) {
                ByteArrayOutputStream body = new ByteArrayOutputStream();
                int at = start;
                while (true) {
                    int lineEnd = reply.indexOf("\r\n", at);
                    if (lineEnd < 0) {
                        return null;
                    }
                    int size = Integer.parseInt(reply.substring(at, lineEnd).split(";")[0].trim(), 16);
                    if (size == 0) {
                        return reply.indexOf("\r\n\r\n", lineEnd) >= 0 || reply.startsWith("\r\n", lineEnd + 2)
                                ? body.toByteArray() : null;
                    }
                    if (bytes.length < lineEnd + 2 + size + 2) {
                        return null;
                    }
                    body.write(bytes, lineEnd + 2, size);
                    at = lineEnd + 2 + size + 2;
                }
            }
        }
        return null;
    }

    public Response send() {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                .method(method, chunked ? HttpRequest.BodyPublishers.fromPublisher(body) : body);
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
