package dev.jirapat.rest;

import dev.jirapat.devhost.DevHostRule;
import dev.jirapat.token.BuiltinFixtures;
import dev.jirapat.token.TokenStore;
import org.junit.ClassRule;
import org.junit.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

/** A 100,000-row import over HTTP, on a dev host of its own (the rows stay). */
public class RestImportLargeIT {
    @ClassRule
    public static final DevHostRule HOST = new DevHostRule();

    /**
     * 100,000 rows (about 19 MB, three owners) in one request: all imported, within a time bound (generous: the
     * build machine is shared) and a bounded live heap: the body waits in a temporary file, rows are written 500 per
     * transaction. The dev host runs in this JVM, so its heap is ours, including its H2 database's page cache, which
     * grows with the 100,000 stored rows (about 120 MiB measured, with the import's own memory a few MiB).
     */
    @Test
    public void importWhen100000RowsThenImportedWithinTimeAndMemory() throws Exception {
        StringBuilder file = new StringBuilder(RestImportIT.HEADER);
        String[] owners = {Api.ALICE_KEY, Api.BOB_KEY, Api.ADMIN_KEY};
        for (int i = 0; i < 100_000; i++) {
            file.append("1,token ").append(i).append(',').append(owners[i % 3]).append(",2026-01-31 09:15:00.123,,")
                    .append(BuiltinFixtures.someHash()).append(',').append(String.format("%012d", 500_000 + i))
                    .append(",2027-01-31 09:15:00,NOT_SENT\n");
        }
        byte[] body = file.toString().getBytes(StandardCharsets.UTF_8);
        file = null;
        Runtime runtime = Runtime.getRuntime();
        System.gc();
        long before = runtime.totalMemory() - runtime.freeMemory();
        java.util.concurrent.atomic.AtomicLong peak = new java.util.concurrent.atomic.AtomicLong(before);
        Thread sampler = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                System.gc(); // what stays reachable, not garbage not yet collected
                peak.accumulateAndGet(runtime.totalMemory() - runtime.freeMemory(), Math::max);
                try {
                    Thread.sleep(250);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        sampler.start();
        long start = System.nanoTime();
        java.net.http.HttpResponse<String> r;
        try {
            // Its own client: the shared one gives up after 30 seconds.
            r = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                    java.net.URI.create(HOST.host().baseUri() + Api.LATEST + RestImportIT.PATH))
                    .timeout(java.time.Duration.ofMinutes(15))
                    .header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString("admin:admin".getBytes(StandardCharsets.UTF_8)))
                    .header("Content-Type", "text/csv")
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
        } finally {
            sampler.interrupt();
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertEquals(r.body(), 200, r.statusCode());
        assertTrue(r.body(), r.body().startsWith("{\"imported\":100000,\"skipped\":0,\"failed\":0,"));
        long grew = (peak.get() - before) >> 20;
        System.out.println("IMPORT-100K: " + body.length + " bytes, " + millis + " ms, heap " + (before >> 20)
                + " MiB before, peak +" + grew + " MiB during, max " + (runtime.maxMemory() >> 20) + " MiB");
        assertTrue("100,000 rows took " + millis + " ms", millis < 600_000);
        assertTrue("the live heap grew by " + grew + " MiB for a " + (body.length >> 20) + " MiB file", grew < 192);
        TokenStore store = HOST.host().bean(TokenStore.class);
        assertEquals(33_334, store.inTransaction(() -> store.countByOwner(Api.ALICE_KEY)).intValue());
    }
}
