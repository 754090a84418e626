package dev.jirapat.bench;

import dev.jirapat.devhost.DevHost;
import dev.jirapat.devhost.HttpCall;
import dev.jirapat.token.Actor;
import dev.jirapat.token.TokenRequest;
import dev.jirapat.token.TokenService;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * HTTP load against a dev host on loopback ({@code mvn -Pload test}): the same endpoint
 * ({@code GET /rest/api/2/serverInfo}, which anonymous callers may use), the same number of keep-alive
 * connections, one after the other in one run: anonymous (the baseline), {@code Bearer jpat_...}, and Basic with
 * the fixture password (a PKCS5S2 hash, as Jira stores passwords). Prints requests/s and the ratios. Bounded in
 * time and count; only 127.0.0.1 is ever contacted. A minimal HTTP/1.1 client keeps the client's own cost small.
 * Modes alternate in rounds so background load hits them alike. Options (system properties): load.connections (8),
 * load.rounds (3), load.seconds per mode and round (5), load.warmup (3), load.max per run (2,000,000).
 */
public final class HttpLoadMain {
    public static void main(String[] args) throws Exception {
        int connections = Integer.getInteger("load.connections", 8);
        int seconds = Integer.getInteger("load.seconds", 5);
        int rounds = Integer.getInteger("load.rounds", 3);
        int warmup = Integer.getInteger("load.warmup", 3);
        long max = Long.getLong("load.max", 2_000_000L);

        try (DevHost host = DevHost.start(DevHost.Config.forTest())) {
            String token = host.bean(TokenService.class)
                    .create(Actor.user("JIRAUSER10100"), TokenRequest.named("load", 30)).value().rawToken();
            Map<String, String> modes = new LinkedHashMap<>();
            modes.put("anonymous", null);
            modes.put("bearer", "Bearer " + token);
            modes.put("basic", "Basic " + Base64.getEncoder().encodeToString("alice:alice".getBytes(StandardCharsets.UTF_8)));
            sanityCheck(host, modes);

            int port = host.baseUri().getPort();
            String path = host.baseUri().getPath() + "/rest/api/2/serverInfo";
            for (Map.Entry<String, String> mode : modes.entrySet()) {
                run(port, path, mode.getValue(), connections, warmup, max); // warm-up, discarded
            }
            // Rounds of anonymous, Bearer, Basic in turn, so a change in background load hits all modes alike.
            Map<String, Result> results = new LinkedHashMap<>();
            for (int round = 0; round < rounds; round++) {
                for (Map.Entry<String, String> mode : modes.entrySet()) {
                    results.merge(mode.getKey(), run(port, path, mode.getValue(), connections, seconds, max), Result::plus);
                }
            }

            double anonymous = results.get("anonymous").perSecond();
            double bearer = results.get("bearer").perSecond();
            double basic = results.get("basic").perSecond();
            System.out.println();
            System.out.printf("== HTTP load: GET %s, %d keep-alive connections, %d rounds x %d s per mode (after %d s warm-up"
                    + " each), %d cores, client and server on this machine ==%n", path, connections, rounds, seconds, warmup,
                    Runtime.getRuntime().availableProcessors());
            System.out.println("| mode | requests | errors | requests/s | mean latency |");
            System.out.println("|---|---:|---:|---:|---:|");
            for (Map.Entry<String, Result> r : results.entrySet()) {
                System.out.printf(Locale.ROOT, "| %s | %,d | %,d | %,.0f | %.2f ms |%n", r.getKey(), r.getValue().requests,
                        r.getValue().errors, r.getValue().perSecond(), r.getValue().meanMillis(connections));
            }
            System.out.printf(Locale.ROOT, "Bearer / anonymous = %.2f (goal >= 0.8)%n", bearer / anonymous);
            System.out.printf(Locale.ROOT, "Bearer / Basic     = %.1fx (goal >= 10x)%n", bearer / basic);
            long errors = results.values().stream().mapToLong(r -> r.errors).sum();
            if (errors > 0) {
                System.out.println("FAILED: " + errors + " responses were not 200");
                System.exit(1);
            }
        }
    }

    /** Before measuring: each credential really is what it claims (Bearer and Basic as alice, anonymous as nobody). */
    private static void sanityCheck(DevHost host, Map<String, String> modes) {
        for (Map.Entry<String, String> mode : modes.entrySet()) {
            HttpCall call = HttpCall.to(host).get("/rest/api/2/myself");
            if (mode.getValue() != null) {
                call.header("Authorization", mode.getValue());
            }
            HttpCall.Response r = call.send();
            boolean ok = mode.getValue() == null ? r.status == 401 : r.status == 200 && r.body.contains("\"name\":\"alice\"");
            if (!ok) {
                throw new IllegalStateException(mode.getKey() + ": /myself answered " + r.status);
            }
        }
    }

    private static Result run(int port, String path, String authorization, int connections, int seconds, long max)
            throws InterruptedException {
        byte[] request = ("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nAccept: application/json\r\n"
                + (authorization == null ? "" : "Authorization: " + authorization + "\r\n") + "\r\n")
                .getBytes(StandardCharsets.US_ASCII);
        AtomicLong requests = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        List<Thread> workers = new ArrayList<>();
        long started = System.nanoTime();
        for (int i = 0; i < connections; i++) {
            Thread t = new Thread(() -> {
                Socket socket = null;
                InputStream in = null;
                try {
                    while (System.nanoTime() < deadline && requests.get() < max) {
                        if (socket == null) {
                            socket = new Socket();
                            socket.setTcpNoDelay(true);
                            socket.connect(new InetSocketAddress("127.0.0.1", port), 5000);
                            socket.setSoTimeout(30_000);
                            in = new BufferedInputStream(socket.getInputStream(), 16_384);
                        }
                        OutputStream out = socket.getOutputStream();
                        out.write(request);
                        out.flush();
                        Response r = Response.read(in);
                        requests.incrementAndGet();
                        if (r.status != 200) {
                            errors.incrementAndGet();
                        }
                        if (r.close) {
                            socket.close();
                            socket = null;
                        }
                    }
                } catch (IOException e) {
                    errors.incrementAndGet();
                } finally {
                    if (socket != null) {
                        try {
                            socket.close();
                        } catch (IOException ignored) {
                            // closing after the run
                        }
                    }
                }
            }, "load-" + i);
            workers.add(t);
            t.start();
        }
        for (Thread t : workers) {
            t.join();
        }
        return new Result(requests.get(), errors.get(), System.nanoTime() - started);
    }

    private static final class Result {
        final long requests;
        final long errors;
        final long nanos;

        Result(long requests, long errors, long nanos) {
            this.requests = requests;
            this.errors = errors;
            this.nanos = nanos;
        }

        Result plus(Result other) {
            return new Result(requests + other.requests, errors + other.errors, nanos + other.nanos);
        }

        double perSecond() {
            return requests / (nanos / 1e9);
        }

        double meanMillis(int connections) {
            return requests == 0 ? 0 : connections * (nanos / 1e6) / requests;
        }
    }

    /** Reads one HTTP/1.1 response (Content-Length or chunked body) from a keep-alive connection. */
    private static final class Response {
        final int status;
        final boolean close;

        private Response(int status, boolean close) {
            this.status = status;
            this.close = close;
        }

        static Response read(InputStream in) throws IOException {
            String statusLine = line(in);
            int status = Integer.parseInt(statusLine.split(" ", 3)[1]);
            long length = -1;
            boolean chunked = false;
            boolean close = false;
            for (String header = line(in); !header.isEmpty(); header = line(in)) {
                String lower = header.toLowerCase(Locale.ROOT);
                if (lower.startsWith("content-length:")) {
                    length = Long.parseLong(lower.substring(15).trim());
                } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                    chunked = true;
                } else if (lower.startsWith("connection:") && lower.contains("close")) {
                    close = true;
                }
            }
            if (chunked) {
                for (long size = Long.parseLong(line(in).split(";")[0].trim(), 16); size > 0;
                     size = Long.parseLong(line(in).split(";")[0].trim(), 16)) {
                    skip(in, size);
                    line(in);
                }
                for (String trailer = line(in); !trailer.isEmpty(); trailer = line(in)) {
                    // trailers: none expected
                }
            } else if (length > 0) {
                skip(in, length);
            }
            return new Response(status, close);
        }

        private static void skip(InputStream in, long n) throws IOException {
            for (long i = 0; i < n; i++) {
                if (in.read() < 0) {
                    throw new IOException("connection closed mid-body");
                }
            }
        }

        private static String line(InputStream in) throws IOException {
            ByteArrayOutputStream out = new ByteArrayOutputStream(64);
            for (int b = in.read(); b != '\n'; b = in.read()) {
                if (b < 0) {
                    throw new IOException("connection closed");
                }
                if (b != '\r') {
                    out.write(b);
                }
            }
            return new String(out.toByteArray(), StandardCharsets.US_ASCII);
        }
    }
}
