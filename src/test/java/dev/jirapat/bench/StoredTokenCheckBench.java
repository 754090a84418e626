package dev.jirapat.bench;

import com.atlassian.activeobjects.external.ActiveObjects;
import dev.jirapat.token.RequestFacts;
import com.atlassian.sal.api.transaction.TransactionCallback;
import dev.jirapat.devhost.DevCacheManager;
import dev.jirapat.store.CachingTokenStore;
import dev.jirapat.store.AoTokenStore;
import dev.jirapat.store.TokenEntity;
import dev.jirapat.testing.AtlassianTableNames;
import dev.jirapat.devhost.EntityManagerActiveObjects;
import dev.jirapat.testing.FakeUsers;
import dev.jirapat.token.Actor;
import dev.jirapat.token.CheckResult;
import dev.jirapat.token.TokenChecker;
import dev.jirapat.token.TokenRefusal;
import dev.jirapat.token.TokenHasher;
import dev.jirapat.token.TokenMint;
import dev.jirapat.token.TokenPolicy;
import dev.jirapat.token.TokenRequest;
import dev.jirapat.token.TokenService;
import dev.jirapat.token.TokenServices;
import dev.jirapat.token.InMemoryPolicy;
import dev.jirapat.token.TokenStore;
import dev.jirapat.token.TokenString;
import net.java.ao.EntityManager;
import net.java.ao.Query;
import net.java.ao.RawEntity;
import net.java.ao.builder.EntityManagerBuilder;
import net.java.ao.schema.Case;
import net.java.ao.schema.UnderscoreFieldNameConverter;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The token check as a Bearer request runs it, on a real database: Active Objects on H2 (in memory) holding
 * {@value #TOKENS} tokens, through the real {@link AoTokenStore}, with and without the cache that the plugin puts
 * in front of it ({@link CachingTokenStore}). A malformed token must not reach the database: the set-up proves it
 * by counting Active Objects calls.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class StoredTokenCheckBench {
    static final int TOKENS = 100_000;

    private EntityManager em;
    private TokenChecker uncached;
    private TokenChecker cached;
    private TokenPolicy policy;
    private String valid;
    private String malformed;
    private Instant now;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        em = EntityManagerBuilder.url("jdbc:h2:mem:bench-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1")
                .username("sa").password("").auto()
                .tableNameConverter(new AtlassianTableNames(AtlassianTableNames.NAMESPACE))
                .fieldNameConverter(new UnderscoreFieldNameConverter(Case.UPPER))
                .build();
        em.migrate(TokenEntity.class);
        long started = System.nanoTime();
        bulkInsert(TOKENS - 1);
        CountingActiveObjects ao = new CountingActiveObjects(new EntityManagerActiveObjects(em));
        Map<String, String> overrides = Collections.singletonMap("maxTokensPerUser", "1000");
        policy = TokenPolicy.defaults().withOverrides(overrides, m -> { });
        TokenStore store = new AoTokenStore(ao);
        FakeUsers users = FakeUsers.fixture();
        TokenService service = TokenServices.of(store, users, new InMemoryPolicy(overrides), Clock.systemUTC());
        uncached = new TokenChecker(store, users);
        cached = new TokenChecker(new CachingTokenStore(store, new DevCacheManager()), users);
        valid = service.create(Actor.user(FakeUsers.key("alice")), TokenRequest.named("bench", 30)).value().rawToken();
        malformed = valid.substring(0, 20) + (valid.charAt(20) == 'a' ? 'b' : 'a') + valid.substring(21);
        now = Instant.now();
        int rows = ao.count(TokenEntity.class, Query.select());
        if (rows != TOKENS) {
            throw new IllegalStateException("expected " + TOKENS + " stored tokens, found " + rows);
        }
        if (!checkValidTokenH2().isAccepted() || !checkValidTokenH2Cached().isAccepted()) {
            throw new IllegalStateException("benchmark set-up is wrong: the valid token does not check");
        }
        long before = ao.calls.get();
        for (int i = 0; i < 1000; i++) {
            if (checkMalformedTokenH2().refusal().orElse(null) != TokenRefusal.MALFORMED) {
                throw new IllegalStateException("benchmark set-up is wrong: the malformed token is not refused");
            }
        }
        if (ao.calls.get() != before) {
            throw new IllegalStateException("a malformed token reached the database");
        }
        System.out.printf("%n[bench] %,d tokens in H2 (set-up %.1f s); malformed tokens made 0 database calls%n",
                rows, (System.nanoTime() - started) / 1e9);
        System.gc(); // the bulk insert's garbage would otherwise be collected during the measurement
    }

    /** Plain JDBC batches into the AO table, in one transaction: seconds, where AO's create would take minutes. */
    private void bulkInsert(int count) throws Exception {
        String table = AtlassianTableNames.prefix(AtlassianTableNames.NAMESPACE) + "_TOKEN";
        TokenMint mint = new TokenMint(new SecureRandom());
        Timestamp created = Timestamp.from(Instant.now());
        Timestamp expires = Timestamp.from(Instant.now().plusSeconds(86_400L * 30));
        try (Connection c = em.getProvider().getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO " + table + " (OWNER_KEY, NAME, NAME_LOWER,"
                    + " CREATED, EXPIRES, SCOPE, ALLOWED_IPS, CREATED_BY, HASH, HASH_ALG, HINT, SLOT)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (int i = 0; i < count; i++) {
                    TokenString token = mint.mint();
                    String owner = "JIRAUSER" + (20000 + i / 10);
                    insert.setString(1, owner);
                    insert.setString(2, "token " + i);
                    insert.setString(3, "token " + i);
                    insert.setTimestamp(4, created);
                    insert.setTimestamp(5, expires);
                    insert.setString(6, "write");
                    insert.setString(7, "");
                    insert.setString(8, owner);
                    insert.setString(9, TokenHasher.hash(token));
                    insert.setString(10, TokenHasher.ALGORITHM);
                    insert.setString(11, token.hint());
                    insert.setString(12, "bench:" + i);
                    insert.addBatch();
                    if (i % 1000 == 999) {
                        insert.executeBatch();
                    }
                }
                insert.executeBatch();
            }
            c.commit();
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        em.getProvider().dispose();
    }

    @Benchmark
    public CheckResult checkValidTokenH2() {
        return uncached.check(valid, RequestFacts.restApi("GET", "127.0.0.1"), policy, now);
    }

    @Benchmark
    public CheckResult checkValidTokenH2Cached() {
        return cached.check(valid, RequestFacts.restApi("GET", "127.0.0.1"), policy, now);
    }

    @Benchmark
    public CheckResult checkMalformedTokenH2() {
        return uncached.check(malformed, RequestFacts.restApi("GET", "127.0.0.1"), policy, now);
    }

    /** Counts every call, so the set-up can prove that a malformed token never reaches the database. */
    static final class CountingActiveObjects implements ActiveObjects {
        final AtomicLong calls = new AtomicLong();
        private final ActiveObjects delegate;

        CountingActiveObjects(ActiveObjects delegate) {
            this.delegate = delegate;
        }

        @Override
        public <T extends RawEntity<K>, K> T create(Class<T> type, Map<String, Object> params) {
            calls.incrementAndGet();
            return delegate.create(type, params);
        }

        @Override
        public <T extends RawEntity<K>, K> T[] find(Class<T> type, Query query) {
            calls.incrementAndGet();
            return delegate.find(type, query);
        }

        @Override
        public <K> int count(Class<? extends RawEntity<K>> type, Query query) {
            calls.incrementAndGet();
            return delegate.count(type, query);
        }

        @Override
        public void delete(RawEntity<?>... entities) {
            calls.incrementAndGet();
            delegate.delete(entities);
        }

        @Override
        @SuppressWarnings("unchecked")
        public void migrate(Class<? extends net.java.ao.RawEntity<?>>... entities) {
            calls.incrementAndGet();
            delegate.migrate(entities);
        }

        @Override
        public <T> T executeInTransaction(TransactionCallback<T> callback) {
            calls.incrementAndGet();
            return delegate.executeInTransaction(callback);
        }
    }
}
