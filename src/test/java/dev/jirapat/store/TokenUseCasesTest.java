package dev.jirapat.store;

import dev.jirapat.devhost.DevCacheManager;
import dev.jirapat.testing.AtlassianTableNames;
import dev.jirapat.token.RequestFacts;
import dev.jirapat.devhost.EntityManagerActiveObjects;
import dev.jirapat.testing.FakeUsers;
import dev.jirapat.token.ForwardingTokenStore;
import dev.jirapat.testing.MutableClock;
import dev.jirapat.token.AccessToken;
import dev.jirapat.token.Actor;
import dev.jirapat.token.CheckResult;
import dev.jirapat.token.IssuedToken;
import dev.jirapat.token.Outcome;
import dev.jirapat.token.Rejection;
import dev.jirapat.token.Scope;
import dev.jirapat.token.SortField;
import dev.jirapat.token.TokenChecker;
import dev.jirapat.token.TokenRefusal;
import dev.jirapat.token.InMemoryPolicy;
import dev.jirapat.token.TokenServices;
import dev.jirapat.token.TokenHasher;
import dev.jirapat.token.TokenMint;
import dev.jirapat.token.TokenPage;
import dev.jirapat.token.TokenPolicy;
import dev.jirapat.token.TokenRequest;
import dev.jirapat.token.TokenSearch;
import dev.jirapat.token.TokenService;
import dev.jirapat.token.TokenStatus;
import dev.jirapat.token.TokenStore;
import dev.jirapat.token.TokenString;
import net.java.ao.EntityManager;
import net.java.ao.test.converters.NameConverters;
import net.java.ao.test.converters.UpperCaseFieldNameConverter;
import net.java.ao.test.jdbc.Data;
import net.java.ao.test.jdbc.DynamicJdbcConfiguration;
import net.java.ao.test.jdbc.Jdbc;
import net.java.ao.test.jdbc.NonTransactional;
import net.java.ao.test.junit.ActiveObjectsJUnitRunner;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import static dev.jirapat.testing.FakeUsers.key;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertTrue;

/**
 * Every token use case through {@link TokenService} on a real database via AO's JUnit runner: HSQLDB by default,
 * H2 and PostgreSQL in the other surefire executions ({@code ao.test.database}).
 */
@RunWith(ActiveObjectsJUnitRunner.class)
@Jdbc(DynamicJdbcConfiguration.class)
@Data(StoreTestSupport.Schema.class)
@NameConverters(table = AtlassianTableNames.class, field = UpperCaseFieldNameConverter.class)
public class TokenUseCasesTest {
    private static final Instant T0 = Instant.parse("2026-03-01T10:15:30.123Z");

    private EntityManager entityManager; // injected by the runner

    private MutableClock clock;
    private FakeUsers users;
    private Map<String, String> overrides;
    private CountingStore store;
    private TokenService service;
    private InMemoryPolicy policy;
    private TokenChecker checker;

    private final Actor alice = Actor.user(key("alice"));
    private final Actor bob = Actor.user(key("bob"));
    private final Actor admin = Actor.user(key("admin"));

    @Before
    public void setUp() throws Exception {
        entityManager.deleteWithSQL(TokenEntity.class, TokenEntity.ID + " > ?", 0);
        clock = new MutableClock(T0);
        users = FakeUsers.fixture();
        overrides = new HashMap<>();
        store = new CountingStore(new AoTokenStore(new EntityManagerActiveObjects(entityManager)));
        policy = new InMemoryPolicy(overrides);
        service = TokenServices.of(store, users, policy, clock);
        checker = new TokenChecker(store, users);
    }

    // --- create ------------------------------------------------------------------------------------------

    @Test
    @NonTransactional
    public void createWhenValidThenReturnsRawTokenOnceAndStoresOnlyItsHash() throws Exception {
        IssuedToken issued = service.create(alice, TokenRequest.named("ci", 90)).value();

        String raw = issued.rawToken();
        assertTrue(TokenString.parse(raw).isPresent());
        AccessToken token = issued.token();
        assertEquals(TokenHasher.hash(TokenString.parse(raw).get()), token.hash());
        assertEquals("SHA-256", token.hashAlgorithm());
        assertEquals(key("alice"), token.ownerKey());
        assertEquals(key("alice"), token.createdBy());
        assertEquals(T0, token.createdAt());
        assertEquals(T0.plus(Duration.ofDays(90)), token.expiresAt().get());
        assertEquals(Scope.WRITE, token.scope());
        assertFalse(token.lastUsedAt().isPresent());
        assertFalse(issued.toString().contains(raw));
        assertFalse(token.toString().contains(raw));
        // Nothing in any column of any row holds the raw token or its secret part.
        for (String value : allCellValues()) {
            assertFalse("a column holds the token: " + value, value.contains(raw.substring(5, 48)));
        }
        assertEquals(Collections.singletonList(token), service.list(alice));
    }

    @Test
    @NonTransactional
    public void createWhenNameInvalidThenRejectedAndNothingStored() {
        overrides.put("nameMaxLength", "10");
        assertRejected(Rejection.NAME_BLANK, service.create(alice, TokenRequest.named(null, 30)));
        assertRejected(Rejection.NAME_BLANK, service.create(alice, TokenRequest.named("", 30)));
        assertRejected(Rejection.NAME_BLANK, service.create(alice, TokenRequest.named(" \t ", 30)));
        assertRejected(Rejection.NAME_TOO_LONG, service.create(alice, TokenRequest.named("12345678901", 30)));
        assertRejected(Rejection.NAME_INVALID_CHARACTERS, service.create(alice, TokenRequest.named("a\u0000b", 30)));
        assertRejected(Rejection.NAME_INVALID_CHARACTERS, service.create(alice, TokenRequest.named("line\nbreak", 30)));
        assertRejected(Rejection.NAME_BLANK, service.create(alice, TokenRequest.named("\u200b\u200d\ufeff", 30)));
        assertRejected(Rejection.NAME_BLANK, service.create(alice, TokenRequest.named("\u3164", 30)));
        assertRejected(Rejection.NAME_INVALID_CHARACTERS, service.create(alice, TokenRequest.named("\u202etxt.exe", 30)));
        assertEquals(0, rowCount());
        assertTrue(service.create(alice, TokenRequest.named("1234567890", 30)).value().token().name().length() == 10);
    }

    @Test
    @NonTransactional
    public void createWhenNameIsDecomposedThenStoredInNfc() {
        AccessToken token = service.create(alice, TokenRequest.named("Cafe\u0301", 30)).value().token();
        assertEquals("Caf\u00e9", token.name());
        assertEquals("Caf\u00e9", service.get(alice, token.id()).get().name());
        assertEquals(ids(token), ids(search(b -> b.nameContains("caf\u00e9"))));
    }

    @Test
    @NonTransactional
    public void insertWhenLowerCaseOutgrowsTheColumnThenStoredAndStillFoundByName() {
        // 128 x U+0130 fits the name column; its lower case is 256 UTF-16 units, one more than NAME_LOWER holds.
        String name = "\u0130".repeat(128);
        AccessToken token = AccessToken.builder().ownerKey(key("alice")).name(name).createdAt(T0).scope(Scope.WRITE)
                .createdBy(key("alice")).hash("0".repeat(64), "SHA-256").hint("jpat_…wide").build();
        AccessToken stored = store.inTransaction(() -> store.insert(token, 10)).get();

        assertEquals(name, store.findById(stored.id()).get().name());
        assertEquals(ids(stored), ids(search(b -> b.nameContains("\u0130\u0130\u0130"))));
    }

    @Test
    public void columnWidthWhenTheCutWouldSplitASurrogatePairThenTheWholePairGoes() {
        String emoji = "\uD83D\uDE00";
        assertEquals(emoji.repeat(127), AoTokenStore.columnWidth(emoji.repeat(128)));
        assertEquals("a" + emoji.repeat(127), AoTokenStore.columnWidth("a" + emoji.repeat(128)));
        assertEquals("x".repeat(255), AoTokenStore.columnWidth("x".repeat(300)));
    }

    @Test
    @NonTransactional
    public void createWhenDurationOutOfBoundsThenRejected() {
        overrides.put("maxExpiryDays", "100");
        assertRejected(Rejection.DURATION_TOO_SHORT, service.create(alice, TokenRequest.named("a", 0)));
        assertRejected(Rejection.DURATION_TOO_SHORT, service.create(alice, TokenRequest.named("a", -5)));
        assertRejected(Rejection.DURATION_TOO_SHORT, service.create(alice, TokenRequest.named("a", Integer.MIN_VALUE)));
        assertRejected(Rejection.DURATION_TOO_LONG, service.create(alice, TokenRequest.named("a", 101)));
        assertRejected(Rejection.DURATION_TOO_LONG, service.create(alice, TokenRequest.named("a", Integer.MAX_VALUE)));
        assertEquals(0, rowCount());
        assertEquals(T0.plus(Duration.ofDays(100)),
                service.create(alice, TokenRequest.named("a", 100)).value().token().expiresAt().get());
    }

    @Test
    @NonTransactional
    public void createWhenNoDurationThenNeverExpiresUnlessPolicyForbids() {
        AccessToken eternal = service.create(alice, TokenRequest.named("forever", null)).value().token();
        assertFalse(eternal.expiresAt().isPresent());
        assertFalse(service.get(alice, eternal.id()).get().expiresAt().isPresent());
        assertEquals(TokenStatus.ACTIVE, eternal.status(clock.instant().plus(java.time.Duration.ofDays(36500)), 5));

        overrides.put("eternalTokensAllowed", "false");
        assertRejected(Rejection.ETERNAL_NOT_ALLOWED, service.create(alice, TokenRequest.named("forever", null)));
        assertEquals(1, rowCount());
    }

    @Test
    @NonTransactional
    public void createWhenFeatureDisabledThenRejected() {
        overrides.put("enabled", "false");
        assertRejected(Rejection.FEATURE_DISABLED, service.create(alice, TokenRequest.named("a", 1)));
        assertEquals(0, rowCount());
    }

    @Test
    @NonTransactional
    public void createWhenAtLimitThenRejectedAndExpiredTokensStillCount() {
        overrides.put("maxTokensPerUser", "3");
        service.create(alice, TokenRequest.named("short", 1));
        service.create(alice, TokenRequest.named("b", 30));
        service.create(alice, TokenRequest.named("c", 30));
        clock.advance(Duration.ofDays(2)); // "short" has expired but is not pruned yet

        assertRejected(Rejection.TOKEN_LIMIT_REACHED, service.create(alice, TokenRequest.named("d", 30)));
        assertEquals(3, rowCount());
        assertTrue("the limit is per user", !service.create(bob, TokenRequest.named("bob's", 30)).isRejected());

        AccessToken revoked = service.list(alice).get(0);
        service.revoke(alice, revoked.id());
        assertFalse("a revoked token frees its place", service.create(alice, TokenRequest.named("d", 30)).isRejected());
    }

    @Test
    @NonTransactional
    public void createForOtherUserWhenAdminThenOwnedByThemAndCreatedByAdmin() {
        AccessToken token = service.createFor(admin, key("bob"), new TokenRequest("svc", 30, Scope.READ, null)).value().token();
        assertEquals(key("bob"), token.ownerKey());
        assertEquals(key("admin"), token.createdBy());
        assertEquals(Collections.singletonList(token), service.list(bob));
        assertEquals(Collections.emptyList(), service.list(admin));
    }

    @Test
    @NonTransactional
    public void createForOtherUserWhenNotAdminOrOwnerUnusableThenRejected() {
        assertRejected(Rejection.NOT_PERMITTED, service.createFor(alice, key("bob"), TokenRequest.named("x", 30)));
        assertRejected(Rejection.OWNER_INACTIVE, service.createFor(admin, key("carol"), TokenRequest.named("x", 30)));
        assertRejected(Rejection.OWNER_UNKNOWN, service.createFor(admin, "key-nobody", TokenRequest.named("x", 30)));
        assertRejected(Rejection.OWNER_INACTIVE, service.create(Actor.user(key("carol")), TokenRequest.named("x", 30)));
        assertEquals(0, rowCount());
    }

    @Test
    @NonTransactional
    public void createWhenCalledWithATokenThenNewTokenMayNotOutliveIt() {
        AccessToken calling = service.create(alice, TokenRequest.named("parent", 10)).value().token();
        Actor viaToken = Actor.viaToken(calling);

        assertRejected(Rejection.OUTLIVES_CALLING_TOKEN, service.create(viaToken, TokenRequest.named("child", 11)));
        assertRejected(Rejection.OUTLIVES_CALLING_TOKEN, service.create(viaToken, TokenRequest.named("child", null)));
        assertEquals(calling.expiresAt(), service.create(viaToken, TokenRequest.named("child", 10)).value().token().expiresAt());

        AccessToken eternal = service.create(alice, TokenRequest.named("eternal", null)).value().token();
        assertFalse(service.create(Actor.viaToken(eternal), TokenRequest.named("child2", null)).isRejected());
    }

    @Test
    @NonTransactional
    public void createWhenCalledWithARestrictedTokenThenTheNewTokenIsNoLessRestricted() {
        AccessToken confined = service.create(alice, new TokenRequest("ci", 30, Scope.WRITE,
                Arrays.asList("10.0.0.0/8", "2001:db8::/32"))).value().token();
        Actor viaConfined = Actor.viaToken(confined);

        AccessToken inherited = service.create(viaConfined, TokenRequest.named("child", 10)).value().token();
        assertEquals("no allowlist asked for: the caller's applies", confined.allowedIps(), inherited.allowedIps());
        assertEquals(Arrays.asList("10.1.0.0/16"), service.create(viaConfined, new TokenRequest("narrower", 10, Scope.WRITE,
                Arrays.asList("10.1.0.0/16"))).value().token().allowedIps().stream().map(Object::toString).collect(Collectors.toList()));
        assertRejected(Rejection.WIDER_THAN_CALLING_TOKEN, service.create(viaConfined, new TokenRequest("wider", 10, Scope.WRITE,
                Arrays.asList("0.0.0.0/0"))));
        assertRejected(Rejection.WIDER_THAN_CALLING_TOKEN, service.create(viaConfined, new TokenRequest("elsewhere", 10, Scope.WRITE,
                Arrays.asList("192.168.0.0/16"))));

        AccessToken reader = service.create(alice, new TokenRequest("ro", 30, Scope.READ, null)).value().token();
        assertRejected(Rejection.WIDER_THAN_CALLING_TOKEN, service.create(Actor.viaToken(reader), TokenRequest.named("rw", 10)));
        assertEquals(Scope.READ, service.create(Actor.viaToken(reader), new TokenRequest("ro2", 10, Scope.READ, null))
                .value().token().scope());
    }

    @Test
    @NonTransactional
    public void rotateWhenCalledWithATokenThenTheNewSecretMayNotOutliveTheCaller() {
        AccessToken caller = service.create(alice, TokenRequest.named("caller", 10)).value().token();
        IssuedToken longer = service.create(alice, TokenRequest.named("longer", 30)).value();
        IssuedToken shorter = service.create(alice, TokenRequest.named("shorter", 5)).value();
        clock.advance(Duration.ofMinutes(1)); // a rotation restarts the lifetime from now

        assertRejected(Rejection.OUTLIVES_CALLING_TOKEN, service.rotate(Actor.viaToken(caller), longer.token().id()));
        assertEquals("the refused rotation changed nothing", ACCEPTED, check(longer, "GET").refusal());
        assertRejected(Rejection.OUTLIVES_CALLING_TOKEN, service.rotate(Actor.viaToken(caller), caller.id()));
        assertFalse(service.rotate(Actor.viaToken(caller), shorter.token().id()).isRejected());
    }

    @Test
    @NonTransactional
    public void rotateWhenCalledWithAnAllowlistedTokenThenTheSiblingGetsTheCallersAllowlistAsCreateWould() {
        AccessToken caller = service.create(alice, new TokenRequest("caller", 30, Scope.WRITE,
                Collections.singletonList("10.0.0.0/8"))).value().token();
        IssuedToken open = service.create(alice, TokenRequest.named("open", 10)).value();

        IssuedToken rotated = service.rotate(Actor.viaToken(caller), open.token().id()).value();

        assertEquals("as create inherits it", caller.allowedIps(), rotated.token().allowedIps());
        assertEquals(caller.allowedIps(), service.get(alice, rotated.token().id()).get().allowedIps());
        assertEquals(ACCEPTED, check(rotated.rawToken(), RequestFacts.restApi("GET", "10.9.9.9"), clock.instant()).refusal());
        assertEquals("not from any address", refused(TokenRefusal.IP_NOT_ALLOWED),
                check(rotated.rawToken(), RequestFacts.restApi("GET", "192.0.2.1"), clock.instant()).refusal());
        AccessToken createdTheSameWay = service.create(Actor.viaToken(caller), TokenRequest.named("created", 10)).value().token();
        assertEquals(createdTheSameWay.allowedIps(), rotated.token().allowedIps());
    }

    @Test
    @NonTransactional
    public void rotateWhenSiblingAllowlistReachesOutsideTheCallersThenRefusedAndNothingChanges() {
        AccessToken caller = service.create(alice, new TokenRequest("caller", 30, Scope.WRITE,
                Collections.singletonList("10.0.0.0/8"))).value().token();
        IssuedToken elsewhere = service.create(alice, new TokenRequest("elsewhere", 10, Scope.WRITE,
                Collections.singletonList("192.168.0.0/16"))).value();
        List<AccessToken> before = service.list(alice);

        assertRejected(Rejection.WIDER_THAN_CALLING_TOKEN, service.rotate(Actor.viaToken(caller), elsewhere.token().id()));
        assertEquals(before, service.list(alice));
        assertEquals(ACCEPTED, check(elsewhere.rawToken(), RequestFacts.restApi("GET", "192.168.1.1"), clock.instant()).refusal());
    }

    @Test
    @NonTransactional
    public void rotateWhenCalledWithAReadTokenOnAWriteSiblingThenRefusedAndNothingChanges() {
        AccessToken reader = service.create(alice, new TokenRequest("reader", 30, Scope.READ, null)).value().token();
        IssuedToken writer = service.create(alice, TokenRequest.named("writer", 10)).value();
        IssuedToken otherReader = service.create(alice, new TokenRequest("other reader", 10, Scope.READ, null)).value();
        List<AccessToken> before = service.list(alice);

        assertRejected(Rejection.WIDER_THAN_CALLING_TOKEN, service.rotate(Actor.viaToken(reader), writer.token().id()));
        assertEquals(before, service.list(alice));
        assertEquals(ACCEPTED, check(writer, "POST").refusal());
        assertEquals(Scope.READ, service.rotate(Actor.viaToken(reader), otherReader.token().id()).value().token().scope());
    }

    @Test
    @NonTransactional
    public void rotateWhenTokenExpiredThenRefusedAndNothingChanges() {
        IssuedToken issued = service.create(alice, TokenRequest.named("t", 1)).value();
        clock.advance(Duration.ofDays(1).minusMillis(1));
        IssuedToken lastMoment = service.rotate(alice, issued.token().id()).value();
        clock.advance(Duration.ofDays(1)); // exactly at the rotated token's expiry
        List<AccessToken> before = service.list(alice);

        assertRejected(Rejection.TOKEN_EXPIRED, service.rotate(alice, lastMoment.token().id()));
        clock.advance(Duration.ofDays(400));
        assertRejected(Rejection.TOKEN_EXPIRED, service.rotate(alice, lastMoment.token().id()));
        assertEquals(before, service.list(alice));
        assertEquals(refused(TokenRefusal.EXPIRED), check(lastMoment, "GET").refusal());
        assertRejected("someone else learns nothing more than for an unknown id", Rejection.NOT_FOUND,
                service.rotate(bob, lastMoment.token().id()));
        assertRejected(Rejection.NOT_FOUND, service.rotate(admin, lastMoment.token().id()));
    }

    @Test
    @NonTransactional
    public void rotateWhenAConcurrentRotationOrRevocationWinsThenNotFoundAndNothingChanges() {
        IssuedToken issued = service.create(alice, TokenRequest.named("t", 30)).value();
        TokenService losingRace = TokenServices.of(new ForwardingTokenStore(store) {
            @Override
            public java.util.Optional<AccessToken> replace(long oldId, AccessToken replacement) {
                throw new dev.jirapat.token.StoreConflictException("another rotation took the slot", null);
            }
        }, users, new InMemoryPolicy(), clock);
        assertRejected(Rejection.NOT_FOUND, losingRace.rotate(alice, issued.token().id()));

        TokenService revokedMeanwhile = TokenServices.of(new ForwardingTokenStore(store) {
            @Override
            public java.util.Optional<AccessToken> replace(long oldId, AccessToken replacement) {
                return java.util.Optional.empty();
            }
        }, users, new InMemoryPolicy(), clock);
        assertRejected(Rejection.NOT_FOUND, revokedMeanwhile.rotate(alice, issued.token().id()));

        assertEquals(ACCEPTED, check(issued, "GET").refusal());
        assertEquals(1, rowCount());
    }

    @Test
    @NonTransactional
    public void createWhenScopeAndIpRangesGivenThenStoredCanonically() {
        AccessToken token = service.create(alice, new TokenRequest("ro", 30, Scope.READ,
                Arrays.asList("10.1.2.3/8", " 2001:db8::/32 ", "192.168.0.7", "10.0.0.0/8"))).value().token();
        AccessToken stored = service.get(alice, token.id()).get();
        assertEquals(Scope.READ, stored.scope());
        assertEquals(Arrays.asList("10.0.0.0/8", "2001:db8:0:0:0:0:0:0/32", "192.168.0.7/32"),
                stored.allowedIps().stream().map(Object::toString).collect(Collectors.toList()));

        assertRejected(Rejection.INVALID_IP_RANGE, service.create(alice, new TokenRequest("x", 30, Scope.READ,
                Collections.singletonList("10.0.0.0/33"))));
        assertRejected(Rejection.TOO_MANY_IP_RANGES, service.create(alice, new TokenRequest("x", 30, Scope.READ,
                Collections.nCopies(TokenService.MAX_IP_RANGES + 1, "10.0.0.1"))));
        assertEquals(1, rowCount());
    }

    @Test
    @NonTransactional
    public void createWhenNameIsHostileThenItRoundTripsExactly() {
        List<String> names = Arrays.asList("<img src=x onerror=alert(1)>", "'; DROP TABLE AO_X;--", "\uD83D\uDE00 emoji \uD835\uDD0A",
                "%_!\\", "\"quoted\" & <b>", "Ünïcödé ñame");
        for (String name : names) {
            AccessToken token = service.create(alice, TokenRequest.named(name, 30)).value().token();
            assertEquals(name, service.get(alice, token.id()).get().name());
            service.revoke(alice, token.id());
        }
    }

    // --- list / get / revoke -------------------------------------------------------------------------------

    @Test
    @NonTransactional
    public void listWhenSeveralUsersHaveTokensThenOnlyOwnNewestFirst() {
        AccessToken first = service.create(alice, TokenRequest.named("first", 30)).value().token();
        clock.advance(Duration.ofSeconds(1));
        AccessToken second = service.create(alice, TokenRequest.named("second", 30)).value().token();
        service.create(bob, TokenRequest.named("bob's", 30));

        assertEquals(Arrays.asList(second, first), service.list(alice));
        assertEquals(1, service.list(bob).size());
        assertEquals(Arrays.asList(second, first), service.listOf(admin, key("alice")));
        assertEquals(Collections.emptyList(), service.listOf(bob, key("alice")));
    }

    @Test
    @NonTransactional
    public void getWhenOwnerOrAdminThenFoundElseEmpty() {
        AccessToken token = service.create(alice, TokenRequest.named("t", 30)).value().token();
        assertEquals(token, service.get(alice, token.id()).get());
        assertEquals(token, service.get(admin, token.id()).get());
        assertFalse(service.get(bob, token.id()).isPresent());
        for (long id : new long[]{0, -1, token.id() + 1000, Long.MAX_VALUE, Long.MIN_VALUE}) {
            assertFalse(service.get(alice, id).isPresent());
        }
    }

    @Test
    @NonTransactional
    public void revokeWhenOwnerThenGoneAndNoLongerAuthenticates() {
        IssuedToken issued = service.create(alice, TokenRequest.named("t", 30)).value();
        assertEquals(issued.token(), service.revoke(alice, issued.token().id()).value());
        assertFalse(service.get(alice, issued.token().id()).isPresent());
        assertEquals(refused(TokenRefusal.UNKNOWN), check(issued, "GET").refusal());
        assertRejected(Rejection.NOT_FOUND, service.revoke(alice, issued.token().id()));
    }

    @Test
    @NonTransactional
    public void revokeWhenOtherUserThenNotFoundAndKeptButAdminMay() {
        AccessToken token = service.create(alice, TokenRequest.named("t", 30)).value().token();
        assertRejected(Rejection.NOT_FOUND, service.revoke(bob, token.id()));
        assertEquals(1, rowCount());
        assertFalse(service.revoke(admin, token.id()).isRejected());
        assertEquals(0, rowCount());
    }

    @Test
    @NonTransactional
    public void revokeAllWhenAdminThenGivenIdsGoneUnknownIdsSkipped() {
        AccessToken a = service.create(bob, TokenRequest.named("a", 30)).value().token();
        AccessToken b = service.create(bob, TokenRequest.named("b", 30)).value().token();
        AccessToken c = service.create(alice, TokenRequest.named("c", 30)).value().token();

        assertRejected(Rejection.NOT_PERMITTED, service.revokeAll(bob, Arrays.asList(a.id(), b.id())));
        assertEquals(3, rowCount());

        assertEquals(Arrays.asList(a, b), service.revokeAll(admin, Arrays.asList(a.id(), 999_999L, b.id())).value());
        assertEquals(Collections.singletonList(c), service.search(admin, TokenSearch.all()).value().values());
    }

    @Test
    @NonTransactional
    public void revokeAllOfUserWhenAdminThenOnlyThatUsersTokensGone() {
        service.create(bob, TokenRequest.named("a", 30));
        service.create(bob, TokenRequest.named("b", 30));
        AccessToken c = service.create(alice, TokenRequest.named("c", 30)).value().token();

        assertRejected(Rejection.NOT_PERMITTED, service.revokeAllOf(alice, key("bob")));
        assertEquals(Integer.valueOf(2), service.revokeAllOf(admin, key("bob")).value());
        assertEquals(Collections.singletonList(c), service.search(admin, TokenSearch.all()).value().values());
    }

    // --- rotate --------------------------------------------------------------------------------------------

    @Test
    @NonTransactional
    public void rotateWhenOwnerThenTheIdStaysTheOldSecretStopsAndTheNewOneWorksUnderTheSameRules() {
        IssuedToken old = service.create(alice, new TokenRequest("deploy", 30, Scope.READ,
                Collections.singletonList("10.0.0.0/8"))).value();
        store.inTransaction(() -> {
            store.recordUse(old.token().id(), T0.plus(Duration.ofDays(1)), "10.0.0.9");
            return null;
        });
        clock.advance(Duration.ofDays(3));

        IssuedToken rotated = service.rotate(alice, old.token().id()).value();

        assertNotEquals(old.rawToken(), rotated.rawToken());
        assertEquals("the same token, a new secret", old.token().id(), rotated.token().id());
        assertNotEquals(old.token().hint(), rotated.token().hint());
        assertFalse("the new secret has not been used", rotated.token().lastUsedAt().isPresent());
        assertEquals(rotated.token(), service.get(alice, old.token().id()).get());
        assertEquals(refused(TokenRefusal.UNKNOWN), check(old, "GET").refusal());
        assertEquals(ACCEPTED, check(rotated.rawToken(), RequestFacts.restApi("GET", "10.1.1.1"), clock.instant()).refusal());
        AccessToken t = rotated.token();
        assertEquals("deploy", t.name());
        assertEquals(Scope.READ, t.scope());
        assertEquals(old.token().allowedIps(), t.allowedIps());
        assertEquals(clock.instant(), t.createdAt());
        assertEquals(clock.instant().plus(Duration.ofDays(30)), t.expiresAt().get());
        assertEquals(Collections.singletonList(t), service.list(alice));
    }

    @Test
    @NonTransactional
    public void revokeWhenTheIdWasRotatedThenNoSecretEverIssuedUnderItWorks() {
        IssuedToken first = service.create(alice, TokenRequest.named("t", 30)).value();
        IssuedToken second = service.rotate(alice, first.token().id()).value();
        IssuedToken third = service.rotate(alice, first.token().id()).value();
        assertEquals(ACCEPTED, check(third, "GET").refusal());

        assertTrue(service.revokeIfExists(alice, first.token().id()).value().isPresent());

        for (IssuedToken issued : Arrays.asList(first, second, third)) {
            assertEquals(refused(TokenRefusal.UNKNOWN), check(issued, "GET").refusal());
        }
        assertEquals(0, rowCount());
    }

    @Test
    @NonTransactional
    public void rotateWhenARevocationCommitsBetweenItsReadAndItsWriteThenNotFoundAndNothingComesBack() throws Exception {
        IssuedToken issued = service.create(alice, TokenRequest.named("t", 30)).value();
        ExecutorService otherNode = Executors.newSingleThreadExecutor();
        try {
            TokenService racing = TokenServices.of(new ForwardingTokenStore(store) {
                @Override
                public java.util.Optional<AccessToken> findById(long id) {
                    java.util.Optional<AccessToken> read = super.findById(id);
                    try {
                        // The rotation has read the row; a revocation in another transaction commits now.
                        assertTrue(otherNode.submit(() -> store.inTransaction(() -> store.delete(id))).get(30, TimeUnit.SECONDS));
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                    return read;
                }
            }, users, new InMemoryPolicy(), clock);

            assertRejected(Rejection.NOT_FOUND, racing.rotate(alice, issued.token().id()));
        } finally {
            otherNode.shutdownNow();
        }
        assertEquals("no row was written back", 0, rowCount());
        assertEquals(refused(TokenRefusal.UNKNOWN), check(issued, "GET").refusal());
    }

    @Test
    @NonTransactional
    public void recordUseWhenTheUseWasOfTheSecretBeforeARotationThenTheRotatedTokenStaysUnused() {
        AccessToken token = service.create(alice, TokenRequest.named("t", 30)).value().token();
        Instant usedBeforeRotation = clock.instant().plusSeconds(30);
        clock.advance(Duration.ofMinutes(1));
        service.rotate(alice, token.id()).value();

        // A batch of uses taken before the rotation is flushed after it.
        store.inTransaction(() -> {
            store.recordUse(token.id(), usedBeforeRotation, "10.0.0.1");
            return null;
        });
        assertFalse(service.get(alice, token.id()).get().lastUsedAt().isPresent());

        Instant usedAfter = clock.instant().plusSeconds(1);
        store.inTransaction(() -> {
            store.recordUse(token.id(), usedAfter, "10.0.0.2");
            return null;
        });
        assertEquals(usedAfter, service.get(alice, token.id()).get().lastUsedAt().get());
    }

    @Test
    @NonTransactional
    public void rotateWhenAtLimitThenKeepsItsPlace() {
        overrides.put("maxTokensPerUser", "2");
        AccessToken a = service.create(alice, TokenRequest.named("a", 30)).value().token();
        service.create(alice, TokenRequest.named("b", 30));
        assertFalse(service.rotate(alice, a.id()).isRejected());
        assertEquals(2, rowCount());
        assertRejected(Rejection.TOKEN_LIMIT_REACHED, service.create(alice, TokenRequest.named("c", 30)));
    }

    @Test
    @NonTransactional
    public void rotateWhenNotOwnerThenNotFoundEvenForAdmin() {
        AccessToken token = service.create(alice, TokenRequest.named("t", 30)).value().token();
        assertRejected(Rejection.NOT_FOUND, service.rotate(bob, token.id()));
        assertRejected(Rejection.NOT_FOUND, service.rotate(admin, token.id()));
        assertRejected(Rejection.NOT_FOUND, service.rotate(alice, token.id() + 1000));
        assertEquals(Collections.singletonList(token), service.list(alice));
    }

    @Test
    @NonTransactional
    public void rotateWhenLifetimeNoLongerAllowedThenRejectedAndOldTokenKept() {
        IssuedToken old = service.create(alice, TokenRequest.named("t", 200)).value();
        IssuedToken eternal = service.create(alice, TokenRequest.named("e", null)).value();
        overrides.put("maxExpiryDays", "90");
        overrides.put("eternalTokensAllowed", "false");

        assertRejected(Rejection.DURATION_TOO_LONG, service.rotate(alice, old.token().id()));
        assertRejected(Rejection.ETERNAL_NOT_ALLOWED, service.rotate(alice, eternal.token().id()));
        assertEquals(ACCEPTED, check(old, "GET").refusal());
    }

    // --- check ---------------------------------------------------------------------------------------------

    @Test
    @NonTransactional
    public void checkWhenValidThenValidWithToken() {
        IssuedToken issued = service.create(alice, TokenRequest.named("t", 30)).value();
        CheckResult result = check(issued, "POST");
        assertEquals(ACCEPTED, result.refusal());
        assertEquals(issued.token(), result.token().get());
        assertEquals("the owner the request is logged in as", key("alice"), result.owner().get().key());
    }

    @Test
    @NonTransactional
    public void checkWhenMalformedThenMalformedWithoutTouchingTheStore() {
        IssuedToken issued = service.create(alice, TokenRequest.named("t", 30)).value();
        String raw = issued.rawToken();
        String flipped = raw.substring(0, 10) + (raw.charAt(10) == 'a' ? 'b' : 'a') + raw.substring(11);
        int before = store.lookups.get();
        for (String bad : Arrays.asList(null, "", "jpat_", flipped, raw + "x", raw.toUpperCase(), " " + raw,
                java.util.Base64.getEncoder().encodeToString(raw.getBytes()))) {
            assertEquals(refused(TokenRefusal.MALFORMED), check(bad, RequestFacts.restApi("GET", "127.0.0.1"), clock.instant()).refusal());
        }
        assertEquals("a malformed token must not reach the database", before, store.lookups.get());
    }

    @Test
    @NonTransactional
    public void checkWhenWellFormedButNeverIssuedThenUnknown() {
        String forged = new TokenMint(new SecureRandom()).mint().reveal();
        assertEquals(refused(TokenRefusal.UNKNOWN), check(forged, RequestFacts.restApi("GET", "127.0.0.1"), clock.instant()).refusal());
    }

    @Test
    @NonTransactional
    public void checkWhenExpiredThenExpired() {
        IssuedToken issued = service.create(alice, TokenRequest.named("t", 1)).value();
        clock.advance(Duration.ofDays(1).minusMillis(1));
        assertEquals(ACCEPTED, check(issued, "GET").refusal());
        clock.advance(Duration.ofMillis(1));
        assertEquals(refused(TokenRefusal.EXPIRED), check(issued, "GET").refusal());
    }

    @Test
    @NonTransactional
    public void checkWhenOwnerInactiveOrDeletedThenOwnerInactive() {
        IssuedToken issued = service.create(alice, TokenRequest.named("t", 30)).value();
        users.setActive("alice", false);
        assertEquals(refused(TokenRefusal.OWNER_INACTIVE), check(issued, "GET").refusal());

        IssuedToken bobs = service.create(bob, TokenRequest.named("t", 30)).value();
        FakeUsers withoutBob = new FakeUsers();
        TokenChecker noBob = new TokenChecker(store, withoutBob);
        assertEquals(refused(TokenRefusal.OWNER_INACTIVE), noBob.check(bobs.rawToken(), RequestFacts.restApi("GET", "127.0.0.1"),
                TokenPolicy.defaults(), clock.instant()).refusal());
    }

    @Test
    @NonTransactional
    public void checkWhenAddressOutsideAllowlistThenIpNotAllowed() {
        IssuedToken issued = service.create(alice, new TokenRequest("t", 30, Scope.WRITE,
                Arrays.asList("10.0.0.0/8", "2001:db8::/32"))).value();
        Instant now = clock.instant();
        assertEquals(ACCEPTED, check(issued.rawToken(), RequestFacts.restApi("GET", "10.200.0.1"), now).refusal());
        assertEquals(ACCEPTED, check(issued.rawToken(), RequestFacts.restApi("GET", "2001:db8::1"), now).refusal());
        assertEquals(ACCEPTED, check(issued.rawToken(), RequestFacts.restApi("GET", "::ffff:10.0.0.1"), now).refusal());
        assertEquals(refused(TokenRefusal.IP_NOT_ALLOWED), check(issued.rawToken(), RequestFacts.restApi("GET", "11.0.0.1"), now).refusal());
        assertEquals(refused(TokenRefusal.IP_NOT_ALLOWED), check(issued.rawToken(), RequestFacts.restApi("GET", "2001:db9::1"), now).refusal());
        assertEquals(refused(TokenRefusal.IP_NOT_ALLOWED), check(issued.rawToken(), RequestFacts.restApi("GET", "garbage"), now).refusal());
    }

    @Test
    @NonTransactional
    public void checkWhenReadTokenWritesThenInsufficientScope() {
        IssuedToken issued = service.create(alice, new TokenRequest("ro", 30, Scope.READ, null)).value();
        for (String method : Arrays.asList("GET", "HEAD", "OPTIONS")) {
            assertEquals(ACCEPTED, check(issued, method).refusal());
        }
        for (String method : Arrays.asList("POST", "PUT", "DELETE", "PATCH")) {
            assertEquals(refused(TokenRefusal.INSUFFICIENT_SCOPE), check(issued, method).refusal());
        }
    }

    @Test
    @NonTransactional
    public void recordUseWhenTokenUsedThenLastUseShown() {
        AccessToken token = service.create(alice, TokenRequest.named("t", 30)).value().token();
        Instant at = T0.plus(Duration.ofMinutes(5));
        store.inTransaction(() -> {
            store.recordUse(token.id(), at, "2001:db8::7");
            store.recordUse(999_999, at, "10.0.0.1"); // revoked meanwhile: ignored
            return null;
        });
        AccessToken stored = service.get(alice, token.id()).get();
        assertEquals(at, stored.lastUsedAt().get());
        assertEquals("2001:db8::7", stored.lastUsedIp().get());
    }

    // --- admin search --------------------------------------------------------------------------------------

    @Test
    @NonTransactional
    public void searchWhenNotAdminThenNotPermitted() {
        assertRejected(Rejection.NOT_PERMITTED, service.search(alice, TokenSearch.all()));
        assertRejected(Rejection.NOT_PERMITTED, service.search(Actor.user(key("carol")), TokenSearch.all()));
    }

    @Test
    @NonTransactional
    public void searchWhenFilteredThenEachFilterApplies() {
        AccessToken a1 = create(alice, "Deploy Prod", 10);
        clock.advance(Duration.ofDays(1));
        AccessToken a2 = create(alice, "reporting", null);
        clock.advance(Duration.ofDays(1));
        AccessToken b1 = create(bob, "deploy_100%", 30);
        store.inTransaction(() -> {
            store.recordUse(a2.id(), T0.plus(Duration.ofDays(3)), "10.0.0.1");
            store.recordUse(b1.id(), T0.plus(Duration.ofDays(4)), "10.0.0.2");
            return null;
        });

        assertEquals(ids(a1, a2), ids(search(b -> b.userKeys(Collections.singleton(key("alice"))))));
        assertEquals(ids(a1, a2, b1), ids(search(b -> b.userKeys(Set.of(key("alice"), key("bob"))))));
        assertEquals(ids(a1, b1), ids(search(b -> b.nameContains("DEPLOY"))));
        assertEquals(ids(b1), ids(search(b -> b.nameContains("_100%"))));
        // LIKE wildcards in the query are literal: unescaped, "oy_" would match "Deploy Prod" and "p%d" too.
        assertEquals(ids(b1), ids(search(b -> b.nameContains("oy_"))));
        assertEquals(ids(), ids(search(b -> b.nameContains("p%d"))));
        assertEquals(ids(a2), ids(search(b -> b.created(T0.plus(Duration.ofDays(1)), T0.plus(Duration.ofDays(1))))));
        assertEquals(ids(a1, a2), ids(search(b -> b.created(null, T0.plus(Duration.ofDays(1))))));
        assertEquals(ids(a1), ids(search(b -> b.expires(null, T0.plus(Duration.ofDays(10))))));
        assertEquals(ids(a2, b1), ids(search(b -> b.expires(T0.plus(Duration.ofDays(10)).plusMillis(1), null))));
        assertEquals(ids(b1), ids(search(b -> b.lastUsed(T0.plus(Duration.ofDays(4)), null))));
        assertEquals(ids(a2, b1), ids(search(b -> b.used(true))));
        assertEquals(ids(a1), ids(search(b -> b.used(false))));
        assertEquals(ids(a2), ids(search(b -> b.userKeys(Collections.singleton(key("alice"))).used(true))));
    }

    @Test
    @NonTransactional
    public void searchWhenSortedThenOrderedByEachField() {
        AccessToken c = create(bob, "charlie", 30);
        clock.advance(Duration.ofMinutes(1));
        AccessToken a = create(alice, "Alpha", 20);
        clock.advance(Duration.ofMinutes(1));
        AccessToken b = create(admin, "bravo", 10);
        store.inTransaction(() -> {
            store.recordUse(c.id(), T0.plus(Duration.ofHours(1)), "10.0.0.1");
            store.recordUse(a.id(), T0.plus(Duration.ofHours(3)), "10.0.0.1");
            store.recordUse(b.id(), T0.plus(Duration.ofHours(2)), "10.0.0.1");
            return null;
        });

        assertEquals(ids(a, b, c), ids(sorted(SortField.NAME, true)));
        assertEquals(ids(c, b, a), ids(sorted(SortField.NAME, false)));
        assertEquals(ids(c, a, b), ids(sorted(SortField.CREATED_AT, true)));
        assertEquals(ids(b, a, c), ids(sorted(SortField.CREATED_AT, false)));
        assertEquals(ids(b, a, c), ids(sorted(SortField.EXPIRING_AT, true)));
        assertEquals(ids(c, b, a), ids(sorted(SortField.LAST_ACCESSED_AT, true)));
        assertEquals(ids(a, b, c), ids(sorted(SortField.LAST_ACCESSED_AT, false)));
        assertEquals(ids(b, a, c), ids(sorted(SortField.USER_KEY, true))); // key-admin < key-alice < key-bob
        assertEquals(ids(c, a, b), ids(sorted(SortField.USER_KEY, false)));
    }

    @Test
    @NonTransactional
    public void searchWhenPagedThenPagesAreConsistent() {
        List<AccessToken> all = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            all.add(create(i % 2 == 0 ? alice : bob, "token-" + i, 30));
        }
        TokenPage first = service.search(admin, TokenSearch.builder().sort(SortField.NAME, true).page(0, 3).build()).value();
        TokenPage last = service.search(admin, TokenSearch.builder().sort(SortField.NAME, true).page(2, 3).build()).value();
        TokenPage beyond = service.search(admin, TokenSearch.builder().sort(SortField.NAME, true).page(5, 3).build()).value();

        assertEquals(ids(all.get(0), all.get(1), all.get(2)), ids(first));
        assertEquals(3, first.size());
        assertEquals(7, first.total());
        assertEquals(3, first.totalPages());
        assertFalse(first.isLastPage());
        assertEquals(ids(all.get(6)), ids(last));
        assertTrue(last.isLastPage());
        assertEquals(0, beyond.size());
        assertTrue(beyond.isLastPage());
    }

    // --- concurrency ---------------------------------------------------------------------------------------

    @Test
    @NonTransactional
    public void createWhenFiftyThreadsRaceForOneUserThenExactlyTheLimitIsStored() throws Exception {
        overrides.put("maxTokensPerUser", "10");
        ExecutorService pool = Executors.newFixedThreadPool(50);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Outcome<IssuedToken>>> results = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                int n = i;
                Callable<Outcome<IssuedToken>> task = () -> {
                    start.await();
                    return service.create(alice, TokenRequest.named("race-" + n, 30));
                };
                results.add(pool.submit(task));
            }
            start.countDown();
            int created = 0;
            int refused = 0;
            for (Future<Outcome<IssuedToken>> result : results) {
                Outcome<IssuedToken> outcome = result.get(60, TimeUnit.SECONDS);
                if (outcome.isRejected()) {
                    assertEquals(Rejection.TOKEN_LIMIT_REACHED, outcome.rejection());
                    refused++;
                } else {
                    created++;
                }
            }
            assertEquals(10, created);
            assertEquals(40, refused);
            assertEquals(10, service.list(alice).size());
            assertEquals(10, rowCount());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    @NonTransactional
    public void rotateAndRevokeWhenRacingOnTwoCachingNodesThenAfterEveryRevocationNoSecretOfTheIdWorks() throws Exception {
        // Two cluster nodes: each a hash cache over the same database, sharing one cache manager (removals reach
        // both at once, as synchronous invalidation does). Small random pauses in the store shuffle the interleavings.
        TokenStore jittery = new ForwardingTokenStore(store) {
            @Override
            public java.util.Optional<AccessToken> findById(long id) {
                pause();
                return super.findById(id);
            }

            @Override
            public java.util.Optional<AccessToken> replace(long id, AccessToken replacement) {
                pause();
                return super.replace(id, replacement);
            }

            @Override
            public boolean delete(long id) {
                pause();
                return super.delete(id);
            }
        };
        DevCacheManager caches = new DevCacheManager();
        TokenStore storeA = new CachingTokenStore(jittery, caches);
        TokenStore storeB = new CachingTokenStore(jittery, caches);
        TokenService nodeA = TokenServices.of(storeA, users, new InMemoryPolicy(), clock);
        TokenService nodeB = TokenServices.of(storeB, users, new InMemoryPolicy(), clock);
        TokenChecker checkerA = new TokenChecker(storeA, users);
        TokenChecker checkerB = new TokenChecker(storeB, users);
        ExecutorService pool = Executors.newFixedThreadPool(3);
        int rotatedThenRevoked = 0;
        try {
            for (int round = 0; round < 150; round++) {
                IssuedToken issued = nodeA.create(alice, TokenRequest.named("race-" + round, 30)).value();
                long id = issued.token().id();
                assertEquals(ACCEPTED, checkOn(checkerA, issued.rawToken())); // cached on both nodes
                assertEquals(ACCEPTED, checkOn(checkerB, issued.rawToken()));
                CyclicBarrier start = new CyclicBarrier(3);
                Future<Outcome<IssuedToken>> rotation = pool.submit(() -> {
                    start.await();
                    Outcome<IssuedToken> rotated = nodeA.rotate(alice, id);
                    if (!rotated.isRejected()) {
                        checkOn(checkerA, rotated.value().rawToken()); // caches the new secret while the revocation runs
                    }
                    return rotated;
                });
                Future<Outcome<java.util.Optional<AccessToken>>> revocation = pool.submit(() -> {
                    start.await();
                    return nodeB.revokeIfExists(alice, id);
                });
                Future<?> reader = pool.submit(() -> {
                    start.await();
                    return checkOn(checkerB, issued.rawToken());
                });
                Outcome<IssuedToken> rotated = rotation.get(60, TimeUnit.SECONDS);
                Outcome<java.util.Optional<AccessToken>> revoked = revocation.get(60, TimeUnit.SECONDS);
                reader.get(60, TimeUnit.SECONDS);

                assertFalse("round " + round + ": the revocation answers 204", revoked.isRejected());
                if (!rotated.isRejected()) {
                    rotatedThenRevoked++;
                    String rotatedRaw = rotated.value().rawToken();
                    assertEquals("round " + round + ": rotated secret on node A", refused(TokenRefusal.UNKNOWN), checkOn(checkerA, rotatedRaw));
                    assertEquals("round " + round + ": rotated secret on node B", refused(TokenRefusal.UNKNOWN), checkOn(checkerB, rotatedRaw));
                } else {
                    assertEquals("round " + round, Rejection.NOT_FOUND, rotated.rejection());
                }
                assertEquals("round " + round + ": old secret on node A", refused(TokenRefusal.UNKNOWN), checkOn(checkerA, issued.rawToken()));
                assertEquals("round " + round + ": old secret on node B", refused(TokenRefusal.UNKNOWN), checkOn(checkerB, issued.rawToken()));
                assertFalse("round " + round + ": the id is gone", service.get(alice, id).isPresent());
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(0, rowCount());
        assertTrue("no round let the rotation commit first: the race was not exercised", rotatedThenRevoked > 0);
    }

    // --- schema --------------------------------------------------------------------------------------------

    @Test
    @NonTransactional
    public void tableNameWhenDerivedFromNamespaceThenAtlassianPrefixWithinThirtyCharacters() {
        String table = StoreTestSupport.tokenTable();
        assertTrue(table, table.matches("AO_[0-9A-F]{6}_TOKEN"));
        assertTrue(table.length() <= 30);
    }

    // --- helpers -------------------------------------------------------------------------------------------

    private Optional<TokenRefusal> checkOn(TokenChecker node, String raw) {
        return node.check(raw, RequestFacts.restApi("GET", "127.0.0.1"), TokenPolicy.defaults(), clock.instant()).refusal();
    }

    /** What {@link CheckResult#refusal()} is for an accepted token. */
    private static final Optional<TokenRefusal> ACCEPTED = Optional.empty();

    private static Optional<TokenRefusal> refused(TokenRefusal refusal) {
        return Optional.of(refusal);
    }

    private static void pause() {
        try {
            Thread.sleep(java.util.concurrent.ThreadLocalRandom.current().nextInt(3));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private CheckResult check(IssuedToken issued, String method) {
        return check(issued.rawToken(), RequestFacts.restApi(method, "127.0.0.1"), clock.instant());
    }

    /** The check a Bearer request runs, over this test's store and users, under the policy in force. */
    private CheckResult check(String presented, RequestFacts request, Instant now) {
        return checker.check(presented, request, policy.policy(), now);
    }

    private AccessToken create(Actor actor, String name, Integer days) {
        return service.create(actor, TokenRequest.named(name, days)).value().token();
    }

    private TokenPage search(java.util.function.Consumer<TokenSearch.Builder> criteria) {
        TokenSearch.Builder builder = TokenSearch.builder().sort(SortField.CREATED_AT, true);
        criteria.accept(builder);
        return service.search(admin, builder.build()).value();
    }

    private TokenPage sorted(SortField field, boolean ascending) {
        return service.search(admin, TokenSearch.builder().sort(field, ascending).build()).value();
    }

    private static List<Long> ids(AccessToken... tokens) {
        return Arrays.stream(tokens).map(AccessToken::id).collect(Collectors.toList());
    }

    private static List<Long> ids(TokenPage page) {
        return page.values().stream().map(AccessToken::id).collect(Collectors.toList());
    }

    private static void assertRejected(Rejection expected, Outcome<?> outcome) {
        assertRejected("", expected, outcome);
    }

    private static void assertRejected(String why, Rejection expected, Outcome<?> outcome) {
        assertTrue(why + ": expected " + expected + " but was " + outcome, outcome.isRejected());
        assertEquals(why, expected, outcome.rejection());
    }

    private int rowCount() {
        try {
            return entityManager.count(TokenEntity.class);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<String> allCellValues() throws Exception {
        List<String> values = new ArrayList<>();
        try (Connection c = entityManager.getProvider().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT * FROM " + entityManager.getProvider().withSchema(StoreTestSupport.tokenTable()))) {
            ResultSetMetaData meta = rs.getMetaData();
            while (rs.next()) {
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    values.add(String.valueOf(rs.getObject(i)));
                }
            }
        }
        assertFalse(values.isEmpty());
        return values;
    }

    /** The real store, counting hash look-ups so a test can prove a path never reached the database. */
    static final class CountingStore extends ForwardingTokenStore {
        final AtomicInteger lookups = new AtomicInteger();

        CountingStore(dev.jirapat.token.TokenStore delegate) {
            super(delegate);
        }

        @Override
        public java.util.Optional<AccessToken> findByHash(String hash) {
            lookups.incrementAndGet();
            return super.findByHash(hash);
        }
    }
}
