package dev.jirapat.bench;

import dev.jirapat.devhost.DevHost;
import dev.jirapat.devhost.EntityManagerActiveObjects;
import dev.jirapat.devhost.HttpCall;
import dev.jirapat.store.AoTokenStore;
import dev.jirapat.store.NoticeClaimEntity;
import dev.jirapat.store.TokenEntity;
import dev.jirapat.testing.AtlassianTableNames;
import net.java.ao.EntityManager;
import net.java.ao.builder.EntityManagerBuilder;
import net.java.ao.schema.Case;
import net.java.ao.schema.UnderscoreFieldNameConverter;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * {@code mvn -Pscale test}: the admin search over REST at 1,000,000 tokens on a throwaway PostgreSQL (or
 * -Dbench.pg.url=...), through the dev host as the admin page calls it, median of 5 runs each after one warm-up; and
 * the uncached token check at 1,000 and at 1,000,000 tokens: {@link AoTokenStore#findByHash}, the store look-up a
 * Bearer request makes when the hash is not cached, p50/p99 of 2,000 random existing hashes.
 *
 * <p>The data, {@code g} = 1..n: 50,000 owners ({@code user<g % 50000>}, 20 tokens each); names of ten words and
 * 997 numbers ({@code jenkins 42}: about 100 tokens share each name); created every 90 s back from 2026-12-01, two
 * tokens per instant (ties); one in ten never expires, the rest a year after creation (so most have expired); one in
 * three never used, the others used in the last 70 days.
 */
public final class ScaleBenchMain {
    static final int TOKENS = Integer.getInteger("bench.tokens", 1_000_000);
    private static final int OWNERS = 50_000;
    private static final int RUNS = 5;
    private static final String NOW = "TIMESTAMP '2026-12-01 00:00:00'";

    public static void main(String[] args) throws Exception {
        String url = System.getProperty("bench.pg.url", "").trim();
        ThrowawayPostgres pg = null;
        if (url.isEmpty()) {
            pg = ThrowawayPostgres.start();
            url = pg.url();
        }
        try {
            run(url, System.getProperty("bench.pg.user", "pat"), System.getProperty("bench.pg.password", ""));
        } finally {
            if (pg != null) {
                pg.stop();
            }
        }
    }

    private static void run(String url, String user, String password) throws Exception {
        EntityManager em = EntityManagerBuilder.url(url).username(user).password(password).auto()
                .tableNameConverter(new AtlassianTableNames())
                .fieldNameConverter(new UnderscoreFieldNameConverter(Case.UPPER)).build();
        List<String> checks = new ArrayList<>();
        try {
            em.migrate(TokenEntity.class, NoticeClaimEntity.class);
            for (int size : new int[] {1_000, TOKENS}) {
                em.deleteWithSQL(TokenEntity.class, TokenEntity.ID + " > ?", 0);
                long start = System.nanoTime();
                rows().insert(em, size, true);
                System.out.printf("[scale] filled %,d tokens by SQL in %.1f s%n", size, (System.nanoTime() - start) / 1e9);
                checks.add(uncachedCheck(em, size));
            }
            System.out.println("[scale] indexes: " + indexes(em));
        } finally {
            em.getProvider().dispose();
        }

        Map<String, String> searches = searches();
        Map<String, double[]> results = new LinkedHashMap<>();
        try (DevHost host = DevHost.start(DevHost.Config.forTest().database(url, user, password))) {
            for (Map.Entry<String, String> search : searches.entrySet()) {
                results.put(search.getKey(), time(host, search.getValue()));
            }
        }

        System.out.printf("%n[scale] admin search over REST, %,d tokens on PostgreSQL, limit 100, ms (median of %d)%n", TOKENS, RUNS);
        System.out.printf("| %-44s | %9s | %8s | %5s | %s%n", "search", "median ms", "goal ms", "met", "rows / total");
        boolean allMet = true;
        for (Map.Entry<String, double[]> r : results.entrySet()) {
            double goal = goal(r.getKey());
            boolean met = r.getValue()[0] <= goal;
            allMet &= met;
            System.out.printf("| %-44s | %9.0f | %8.0f | %5s | %.0f of %.0f pages%n", r.getKey(), r.getValue()[0], goal,
                    met ? "yes" : "NO", r.getValue()[1], r.getValue()[2]);
        }
        System.out.println();
        for (String check : checks) {
            System.out.println("[scale] " + check);
        }
        System.out.println("[scale] goal (first pages <= 150 ms, name search and deep pages <= 300 ms): " + (allMet ? "met" : "NOT met"));
    }

    /** The benchmark's rows (see the class comment). */
    private static TokenRowsBySql rows() {
        String name = "(ARRAY['Jenkins','deploy','CI','backup','Grafana','api','sync','build','monitoring','script'])"
                + "[g % 10 + 1] || ' ' || (g % 997)";
        String created = "(" + NOW + " - (g / 2) * INTERVAL '180 seconds')";
        return new TokenRowsBySql()
                .column(TokenEntity.OWNER_KEY, "'user' || (g % " + OWNERS + ")")
                .column(TokenEntity.NAME, name)
                .column(TokenEntity.NAME_LOWER, "lower(" + name + ")")
                .column(TokenEntity.CREATED, created)
                .column(TokenEntity.EXPIRES, "CASE WHEN g % 10 = 0 THEN TIMESTAMP '9999-12-31 00:00:00' "
                        + "ELSE " + created + " + INTERVAL '365 days' END")
                .column(TokenEntity.LAST_USED, "CASE WHEN g % 3 = 0 THEN NULL "
                        + "ELSE " + NOW + " - (g % 100000) * INTERVAL '60 seconds' END")
                .column(TokenEntity.LAST_USED_IP, "CASE WHEN g % 3 = 0 THEN NULL ELSE '10.0.0.1' END")
                .column(TokenEntity.SCOPE, "'write'")
                .column(TokenEntity.ALLOWED_IPS, "''")
                .column(TokenEntity.CREATED_BY, "'user' || (g % " + OWNERS + ")")
                .column(TokenEntity.HASH, "md5(g::text) || md5((g + 1)::text)")
                .column(TokenEntity.HASH_ALG, "'SHA-256'")
                .column(TokenEntity.HINT, "'jpat_...' || right(md5(g::text), 4)")
                .column(TokenEntity.SLOT, "'slot-' || g");
    }

    /** Each search's JSON body; "deep" and "name" searches have the 300 ms goal, the others 150 ms. */
    private static Map<String, String> searches() {
        Map<String, String> s = new LinkedHashMap<>();
        for (String sort : new String[] {"name", "createdAt", "expiringAt", "lastAccessedAt", "userKey"}) {
            for (String order : new String[] {"asc", "desc"}) {
                s.put("sort " + sort + " " + order, "{\"sortBy\":\"" + sort + "\",\"orderBy\":\"" + order + "\"}");
            }
        }
        s.put("filter userKeys (one owner)", "{\"userKeys\":[\"user42\"]}");
        s.put("filter created in November", "{\"tokenCreatedDateFrom\":\"2026-11-01T00:00:00.000+00:00\","
                + "\"tokenCreatedDateTo\":\"2026-11-30T23:59:59.999+00:00\"}");
        s.put("filter expiring in December", "{\"tokenExpiryDateFrom\":\"2026-12-01T00:00:00.000+00:00\","
                + "\"tokenExpiryDateTo\":\"2026-12-31T23:59:59.999+00:00\"}");
        s.put("filter last used in the last day", "{\"lastAuthenticatedDateFrom\":\"2026-11-30T00:00:00.000+00:00\"}");
        s.put("filter status active", "{\"status\":\"active\"}");
        s.put("filter status expiresSoon", "{\"status\":\"expiresSoon\"}");
        s.put("filter status expired", "{\"status\":\"expired\"}");
        s.put("filter isUsed true", "{\"isUsed\":true}");
        s.put("filter isUsed false (unused tokens)", "{\"isUsed\":false}");
        s.put("filter isUsed false, sort lastAccessedAt desc", "{\"isUsed\":false,\"sortBy\":\"lastAccessedAt\",\"orderBy\":\"desc\"}");
        s.put("name contains \"jenkins 42\"", "{\"name\":\"jenkins 42\"}");
        s.put("name contains \"nothing-like-it\" (no match)", "{\"name\":\"nothing-like-it\"}");
        s.put("deep page: offset 999,000", "{\"page\":" + (TOKENS / 100 - 10) + ",\"limit\":100}");
        s.put("deep page: offset 500,000 (middle)", "{\"page\":" + (TOKENS / 200) + ",\"limit\":100}");
        s.put("deep page: offset 999,000, sort createdAt desc", "{\"page\":" + (TOKENS / 100 - 10)
                + ",\"limit\":100,\"sortBy\":\"createdAt\",\"orderBy\":\"desc\"}");
        return s;
    }

    private static double goal(String search) {
        return search.startsWith("deep") || search.startsWith("name") ? 300 : 150;
    }

    /** {median ms, rows on the page, totalPages} of RUNS calls after one warm-up. */
    private static double[] time(DevHost host, String body) {
        HttpCall.Response warm = call(host, body);
        double[] ms = new double[RUNS];
        for (int i = 0; i < RUNS; i++) {
            long start = System.nanoTime();
            call(host, body);
            ms[i] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(ms);
        int rows = warm.body.split("\"id\":", -1).length - 1;
        String pages = warm.body.replaceAll("(?s).*\"totalPages\":(\\d+).*", "$1");
        return new double[] {ms[RUNS / 2], rows, Double.parseDouble(pages)};
    }

    private static HttpCall.Response call(DevHost host, String body) {
        HttpCall.Response r = HttpCall.to(host).post("/rest/pat/latest/tokens/search").basic("admin", "admin").json(body).send();
        if (r.status != 200) {
            throw new IllegalStateException("search " + body + " answered " + r.status + ": " + r.body);
        }
        return r;
    }

    /** p50/p99 of the store's look-up by hash, the cache's miss path, over random existing rows. */
    private static String uncachedCheck(EntityManager em, int size) {
        AoTokenStore store = new AoTokenStore(new EntityManagerActiveObjects(em));
        List<String> hashes = new ArrayList<>();
        try (Connection c = em.getProvider().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT md5(g::text) || md5((g + 1)::text) FROM generate_series(1, " + size
                     + ") AS g ORDER BY random() LIMIT 2000")) {
            while (rs.next()) {
                hashes.add(rs.getString(1));
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        for (int i = 0; i < 200; i++) { // warm-up
            store.findByHash(hashes.get(ThreadLocalRandom.current().nextInt(hashes.size())));
        }
        double[] ms = new double[hashes.size()];
        for (int i = 0; i < hashes.size(); i++) {
            long start = System.nanoTime();
            if (!store.findByHash(hashes.get(i)).isPresent()) {
                throw new IllegalStateException("a stored hash was not found");
            }
            ms[i] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(ms);
        return String.format("uncached token check (AoTokenStore.findByHash) at %,d tokens: p50 %.2f ms, p99 %.2f ms",
                size, ms[ms.length / 2], ms[(int) Math.ceil(ms.length * 0.99) - 1]);
    }

    private static String indexes(EntityManager em) throws Exception {
        List<String> out = new ArrayList<>();
        try (Connection c = em.getProvider().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT indexdef FROM pg_indexes WHERE tablename = '"
                     + new AtlassianTableNames().getName(TokenEntity.class) + "' ORDER BY indexname")) {
            while (rs.next()) {
                out.add(rs.getString(1).replaceAll(".* USING btree ", ""));
            }
        }
        return String.join(" ", out);
    }
}
