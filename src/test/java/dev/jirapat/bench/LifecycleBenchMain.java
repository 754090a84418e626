package dev.jirapat.bench;

import dev.jirapat.devhost.EntityManagerActiveObjects;
import dev.jirapat.store.AoTokenStore;
import dev.jirapat.store.NoticeClaimEntity;
import dev.jirapat.store.TokenEntity;
import dev.jirapat.testing.AtlassianTableNames;
import dev.jirapat.token.AccessToken;
import dev.jirapat.token.ExpiryNotices;
import dev.jirapat.token.InMemoryPolicy;
import dev.jirapat.token.TokenHousekeeping;
import dev.jirapat.token.UserAccount;
import dev.jirapat.token.Users;
import net.java.ao.EntityManager;
import net.java.ao.builder.EntityManagerBuilder;
import net.java.ao.schema.Case;
import net.java.ao.schema.UnderscoreFieldNameConverter;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code mvn -Plifecycle-bench test}: the daily jobs (and the hourly expiry-notice job) over 1,000,000 tokens on a
 * throwaway PostgreSQL, filled by one SQL statement. Prints each job's wall time and the heap: retained growth
 * (used heap after a full GC, after the runs, minus before) and the peak used heap during the runs minus the
 * baseline (which includes garbage not yet collected). Starts PostgreSQL from /usr/lib/postgresql/N/bin as the
 * user patci when run as root (PostgreSQL refuses root), on a free port in a temporary directory, and removes it
 * afterwards; or uses -Dbench.pg.url=jdbc:postgresql://... (user/password -Dbench.pg.user, -Dbench.pg.password).
 *
 * <p>The data: a million tokens of 50,000 owners (20 each); every 10th token expired 60 days ago (pruned: 100,000),
 * every 20th expired 10 days ago (kept), every 20th expires in 3 days, their notices already sent (steady state);
 * one in 1,000 expires in 2 days and one in 1,000 expired an hour ago with no notice yet (2,000 notices due: the
 * hourly job's load); the rest expire in a year. Every 100th owner no longer exists (9,000 tokens removed with
 * them, after pruning).
 */
public final class LifecycleBenchMain {
    static final int TOKENS = Integer.getInteger("bench.tokens", 1_000_000);
    static final int OWNERS = TOKENS / 20;
    private static final Instant NOW = Instant.parse("2026-12-01T00:00:00Z");

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
        try {
            em.migrate(TokenEntity.class, NoticeClaimEntity.class);
            long fillStart = System.nanoTime();
            fill(em);
            System.out.printf("[lifecycle-bench] filled %,d tokens by SQL in %.1f s%n", TOKENS, seconds(fillStart));

            InMemoryPolicy policy = new InMemoryPolicy(); // defaults: notices at 5 days, pruning 30 days after expiry
            AtomicInteger notices = new AtomicInteger();
            AtomicInteger events = new AtomicInteger();
            ExpiryNotices counting = new ExpiryNotices() {
                @Override
                public void expiresSoon(AccessToken token, int thresholdDays) {
                    notices.incrementAndGet();
                }

                @Override
                public void expired(AccessToken token) {
                    notices.incrementAndGet();
                }
            };
            TokenHousekeeping housekeeping = new TokenHousekeeping(new AoTokenStore(new EntityManagerActiveObjects(em)),
                    new MissingEveryHundredth(), policy, counting, e -> events.incrementAndGet(),
                    Clock.fixed(NOW, ZoneOffset.UTC), 500);

            MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
            System.gc();
            long baseline = memory.getHeapMemoryUsage().getUsed();
            AtomicLong peak = new AtomicLong(baseline);
            Thread sampler = new Thread(() -> {
                while (!Thread.currentThread().isInterrupted()) {
                    peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                    try {
                        Thread.sleep(10);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "heap-sampler");
            sampler.setDaemon(true);
            sampler.start();

            long all = System.nanoTime();
            long t = System.nanoTime();
            int sent = housekeeping.sendExpiryNotices(() -> false);
            double noticeSeconds = seconds(t);
            t = System.nanoTime();
            int pruned = housekeeping.pruneExpired(() -> false);
            double pruneSeconds = seconds(t);
            t = System.nanoTime();
            TokenHousekeeping.OwnerSweep sweep = housekeeping.removeTokensOfMissingOwners(() -> false);
            double ownerSeconds = seconds(t);
            double total = seconds(all);
            sampler.interrupt();
            sampler.join();
            System.gc();
            long retained = memory.getHeapMemoryUsage().getUsed() - baseline;

            System.out.printf("[lifecycle-bench] expiry notices (hourly job): %,d sent in %.1f s%n", sent, noticeSeconds);
            System.out.printf("[lifecycle-bench] pruning (daily job): %,d pruned in %.1f s%n", pruned, pruneSeconds);
            System.out.printf("[lifecycle-bench] deleted users (daily job): %s in %.1f s%n", sweep, ownerSeconds);
            System.out.printf("[lifecycle-bench] all three: %.1f s; events published: %,d%n", total, events.get());
            System.out.printf("[lifecycle-bench] heap: baseline %.1f MiB, peak during the runs +%.1f MiB, retained "
                    + "after GC %+.1f MiB (max heap %.0f MiB)%n", mib(baseline), mib(peak.get() - baseline), mib(retained),
                    mib(memory.getHeapMemoryUsage().getMax()));
            System.out.printf("[lifecycle-bench] tokens left: %,d%n", em.count(TokenEntity.class));
            boolean ok = total <= 120 && peak.get() - baseline <= 64L * 1024 * 1024;
            System.out.println("[lifecycle-bench] goal (<= 2 min, <= 64 MiB heap growth): " + (ok ? "met" : "NOT met"));
        } finally {
            em.getProvider().dispose();
        }
    }

    /** One INSERT ... SELECT over generate_series: a million rows in seconds, no client-side list. */
    private static void fill(EntityManager em) throws Exception {
        String now = "TIMESTAMP '2026-12-01 00:00:00'";
        // Steady state: notices already sent as tokens crossed their thresholds (the hourly job's normal load is
        // the few that crossed one since its last run: here 0.2 %, 2,000 of a million).
        new TokenRowsBySql()
                .column(TokenEntity.OWNER_KEY, "'user' || (g % " + OWNERS + ")")
                .column(TokenEntity.NAME, "'token ' || g")
                .column(TokenEntity.NAME_LOWER, "'token ' || g")
                .column(TokenEntity.CREATED, now + " - INTERVAL '400 days'")
                .column(TokenEntity.EXPIRES, "CASE WHEN g % 10 = 0 THEN " + now + " - INTERVAL '60 days' "
                        + "WHEN g % 20 = 1 THEN " + now + " - INTERVAL '10 days' "
                        + "WHEN g % 20 = 3 THEN " + now + " + INTERVAL '3 days' "
                        + "WHEN g % 1000 = 7 THEN " + now + " + INTERVAL '2 days' "
                        + "WHEN g % 1000 = 9 THEN " + now + " - INTERVAL '1 hour' "
                        + "ELSE " + now + " + INTERVAL '365 days' END")
                .column(TokenEntity.SCOPE, "'write'")
                .column(TokenEntity.ALLOWED_IPS, "''")
                .column(TokenEntity.CREATED_BY, "'user' || (g % " + OWNERS + ")")
                .column(TokenEntity.HASH, "md5(g::text) || md5((g + 1)::text)")
                .column(TokenEntity.HASH_ALG, "'SHA-256'")
                .column(TokenEntity.HINT, "'jpat_...' || right(md5(g::text), 4)")
                .column(TokenEntity.SLOT, "'slot-' || g")
                .column(TokenEntity.NOTICE_STAGE, "CASE WHEN g % 10 = 0 OR g % 20 = 1 THEN 0 "
                        + "WHEN g % 20 = 3 OR g % 1000 = 9 THEN 5 ELSE NULL END")
                .insert(em, TOKENS, false);
    }

    /** Every owner exists except user7, user107, user207, ... */
    private static final class MissingEveryHundredth implements Users {
        @Override
        public Optional<UserAccount> byKey(String key) {
            int n = Integer.parseInt(key.substring(4));
            return n % 100 == 7 ? Optional.<UserAccount>empty() : Optional.of(new UserAccount(key, key, key, null, true));
        }

        @Override
        public Optional<UserAccount> byName(String username) {
            return byKey(username);
        }

        @Override
        public boolean isSystemAdmin(String key) {
            return false;
        }

        @Override
        public List<UserAccount> search(String contains, int limit) {
            return Collections.emptyList();
        }
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    private static double mib(long bytes) {
        return bytes / (1024.0 * 1024.0);
    }
}
