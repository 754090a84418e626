package dev.jirapat.bench;

import dev.jirapat.testing.FakeUsers;
import dev.jirapat.token.RequestFacts;
import dev.jirapat.testing.InMemoryTokenStore;
import dev.jirapat.token.Actor;
import dev.jirapat.token.CheckResult;
import dev.jirapat.token.TokenChecker;
import dev.jirapat.token.TokenRefusal;
import dev.jirapat.token.TokenMint;
import dev.jirapat.token.TokenPolicy;
import dev.jirapat.token.TokenRequest;
import dev.jirapat.token.TokenService;
import dev.jirapat.token.TokenServices;
import dev.jirapat.token.InMemoryPolicy;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.concurrent.TimeUnit;

/**
 * What a token check costs us (parse + SHA-256 + look-up + rules, store in memory) against what Jira's
 * built-in app pays per uncached token: one PBKDF2-HMAC-SHA1 verify with 10,000 rounds (PKCS5S2).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class TokenCheckBench {
    private TokenChecker checker;
    private TokenPolicy policy;
    private String valid;
    private String malformed;
    private Instant now;

    private byte[] salt;
    private byte[] expectedKey;
    private char[] secret;

    @Setup
    public void setUp() throws Exception {
        InMemoryTokenStore store = new InMemoryTokenStore();
        java.util.Map<String, String> overrides = java.util.Collections.singletonMap("maxTokensPerUser", "1000");
        policy = TokenPolicy.defaults().withOverrides(overrides, m -> { });
        FakeUsers users = FakeUsers.fixture();
        TokenService service = TokenServices.of(store, users, new InMemoryPolicy(overrides), Clock.systemUTC());
        checker = new TokenChecker(store, users);
        for (int i = 0; i < 999; i++) { // a realistic number of neighbours in the map
            service.create(Actor.user(FakeUsers.key("alice")), TokenRequest.named("n" + i, 30));
        }
        valid = service.create(Actor.user(FakeUsers.key("alice")), TokenRequest.named("bench", 30)).value().rawToken();
        malformed = valid.substring(0, 20) + (valid.charAt(20) == 'a' ? 'b' : 'a') + valid.substring(21);
        now = Instant.now();
        if (!checkValidToken().isAccepted()
                || checkMalformedToken().refusal().orElse(null) != TokenRefusal.MALFORMED) {
            throw new IllegalStateException("benchmark set-up is wrong");
        }

        // Jira's built-in PAT: the 20-byte secret, base64, verified against {PKCS5S2} salt(16) + dk(32).
        byte[] raw = new byte[20];
        new SecureRandom().nextBytes(raw);
        secret = Base64.getEncoder().encodeToString(raw).toCharArray();
        salt = new byte[16];
        new SecureRandom().nextBytes(salt);
        expectedKey = pbkdf2(secret, salt);
    }

    @Benchmark
    public CheckResult checkValidToken() {
        return checker.check(valid, RequestFacts.restApi("GET", "127.0.0.1"), policy, now);
    }

    @Benchmark
    public CheckResult checkMalformedToken() {
        return checker.check(malformed, RequestFacts.restApi("GET", "127.0.0.1"), policy, now);
    }

    @Benchmark
    public boolean pbkdf2Sha1TenThousandRounds() throws Exception {
        return MessageDigest.isEqual(expectedKey, pbkdf2(secret, salt));
    }

    static byte[] pbkdf2(char[] password, byte[] salt) throws Exception {
        return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA1")
                .generateSecret(new PBEKeySpec(password, salt, 10_000, 256)).getEncoded();
    }
}
