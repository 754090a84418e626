package dev.jirapat.bench;

import dev.jirapat.devhost.DevCacheManager;
import dev.jirapat.store.CachingTokenStore;
import dev.jirapat.testing.FakeUsers;
import dev.jirapat.testing.InMemoryTokenStore;
import dev.jirapat.token.AccessToken;
import dev.jirapat.token.Actor;
import dev.jirapat.token.BuiltinFixtures;
import dev.jirapat.token.CheckResult;
import dev.jirapat.token.InMemoryPolicy;
import dev.jirapat.token.Pkcs5s2Hash;
import dev.jirapat.token.RequestFacts;
import dev.jirapat.token.TokenChecker;
import dev.jirapat.token.TokenPolicy;
import dev.jirapat.token.TokenRequest;
import dev.jirapat.token.TokenServices;
import dev.jirapat.token.TokenStore;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.time.Clock;
import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A token imported from Jira's built-in app against one of ours, each behind the hash cache a Bearer request
 * uses: the cached check of an imported token (after its first use) next to the cached check of a {@code jpat_}
 * token (goal: at most 2× slower), and the first, uncached check of an imported token (one PBKDF2 verify, then
 * the hash upgrade: expected milliseconds). Each invocation of the uncached check gets a freshly imported token.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class ImportedTokenCheckBench {
    private static final RequestFacts GET = RequestFacts.restApi("GET", "127.0.0.1");

    private TokenChecker checker;
    private TokenStore store;
    private TokenPolicy policy;
    private Instant now;
    private String ours;
    private String imported;
    private BuiltinFixtures.Issued secretForFreshIds;
    private String fresh;
    private long nextId = 100_000_000_000L;

    @Setup
    public void setUp() {
        Map<String, String> overrides = Collections.singletonMap("maxTokensPerUser", "1000");
        policy = TokenPolicy.defaults().withOverrides(overrides, m -> { });
        FakeUsers users = FakeUsers.fixture();
        InMemoryTokenStore memory = new InMemoryTokenStore();
        store = new CachingTokenStore(memory, new DevCacheManager());
        checker = new TokenChecker(store, users);
        now = Instant.now();
        ours = TokenServices.of(store, users, new InMemoryPolicy(overrides), Clock.systemUTC())
                .create(Actor.user(FakeUsers.key("alice")), TokenRequest.named("ours", 30)).value().rawToken();
        BuiltinFixtures.Issued builtin = BuiltinFixtures.issue();
        importRow(builtin.tokenId, builtin.hashedToken);
        imported = builtin.presented;
        secretForFreshIds = BuiltinFixtures.issue();
        if (!checkOursCached().isAccepted() || !checkImportedCached().isAccepted()) {
            throw new IllegalStateException("benchmark set-up is wrong");
        }
    }

    /** A new imported row for the uncached check: the same secret and hash under a new id (ids are what differ). */
    @Setup(Level.Invocation)
    public void importFresh() {
        String id = Long.toString(nextId++);
        importRow(id, secretForFreshIds.hashedToken);
        fresh = BuiltinFixtures.issueWithSecretOf(secretForFreshIds, id);
    }

    private void importRow(String tokenId, String hash) {
        store.inTransaction(() -> store.insertImported(Collections.singletonList(AccessToken.builder()
                .ownerKey(FakeUsers.key("alice")).name("imported").createdAt(now.minusSeconds(60))
                .createdBy(FakeUsers.key("alice")).hash(hash, Pkcs5s2Hash.ALGORITHM).hint("h").builtinId(tokenId).build())));
    }

    @Benchmark
    public CheckResult checkOursCached() {
        return checker.check(ours, GET, policy, now);
    }

    @Benchmark
    public CheckResult checkImportedCached() {
        return checker.check(imported, GET, policy, now);
    }

    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    @Warmup(iterations = 20)
    @Measurement(iterations = 50)
    public CheckResult checkImportedFirstUse() {
        CheckResult result = checker.check(fresh, GET, policy, now);
        if (!result.isAccepted()) {
            throw new IllegalStateException("the fresh token was refused: " + result);
        }
        return result;
    }
}
