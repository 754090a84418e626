package dev.jirapat.store;

import dev.jirapat.devhost.EntityManagerActiveObjects;
import dev.jirapat.testing.AtlassianTableNames;
import dev.jirapat.token.AccessToken;
import dev.jirapat.token.SortField;
import dev.jirapat.token.TokenPage;
import dev.jirapat.token.TokenSearch;
import dev.jirapat.token.TokenStatus;
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

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

/**
 * The admin search's pages on a real database (HSQLDB, H2, PostgreSQL as the store tier runs it): a page read from
 * the far end in the reversed order, or as ids first, holds exactly the rows of the same offset in one full read;
 * ties are broken newest first, then by id; counts and filters hold on every sort.
 */
@RunWith(ActiveObjectsJUnitRunner.class)
@Jdbc(DynamicJdbcConfiguration.class)
@Data(StoreTestSupport.Schema.class)
@NameConverters(table = AtlassianTableNames.class, field = UpperCaseFieldNameConverter.class)
public class SearchPagesTest {
    private static final Instant T0 = Instant.parse("2026-03-01T10:15:30.123Z");
    private static final int TOKENS = 29;

    private EntityManager entityManager; // injected by the runner
    private AoTokenStore store;
    private List<AccessToken> stored;

    /**
     * 29 tokens of 3 owners: names from 4 values in mixed case (ties), created in pairs at one instant (ties within a
     * name), one in 5 never expiring, one in 3 never used; the rest used at 7 distinct instants (ties again).
     */
    @Before
    public void setUp() throws Exception {
        entityManager.deleteWithSQL(TokenEntity.class, TokenEntity.ID + " > ?", 0);
        store = new AoTokenStore(new EntityManagerActiveObjects(entityManager));
        stored = new ArrayList<>();
        String[] names = {"deploy", "Backup", "ci", "DEPLOY"};
        for (int i = 0; i < TOKENS; i++) {
            Instant created = T0.plus(Duration.ofHours(i / 2));
            AccessToken.Builder token = AccessToken.builder()
                    .ownerKey("owner-" + (i % 3))
                    .name(names[i % 4] + (i % 7 == 0 ? " " + i : ""))
                    .createdAt(created)
                    .expiresAt(i % 5 == 0 ? null : created.plus(Duration.ofDays(i % 11)))
                    .createdBy("owner-" + (i % 3))
                    .hash(String.format("%064x", i), "SHA-256")
                    .hint("jpat_...x" + i);
            if (i % 3 != 0) {
                token.lastUsed(T0.plus(Duration.ofDays(30 + i % 7)), "10.0.0.1");
            }
            stored.add(store.insert(token.build(), 1000).get());
        }
    }

    @Test
    @NonTransactional
    public void searchWhenPagedFromEitherEndThenEveryPageIsTheSliceOfTheFullOrder() {
        assertEverySliceOfTheFullOrder(store);
    }

    /** Every page read through the window in index order (from the first skipped row on) is the same slice. */
    @Test
    @NonTransactional
    public void searchWhenPagedInIndexOrderAndGroupsReversedThenEveryPageIsTheSliceOfTheFullOrder() {
        assertEverySliceOfTheFullOrder(new AoTokenStore(new EntityManagerActiveObjects(entityManager), AoTokenStore.COUNT_REACH, 1));
    }

    private void assertEverySliceOfTheFullOrder(AoTokenStore pages) {
        for (SortField field : SortField.values()) {
            for (boolean ascending : new boolean[] {true, false}) {
                List<Long> all = ids(store.search(TokenSearch.builder().sort(field, ascending).page(0, 1000).build()));
                assertEquals(field + " " + ascending, TOKENS, all.size());
                for (int limit : new int[] {1, 4, 7, 10, 29}) {
                    List<Long> joined = new ArrayList<>();
                    for (int page = 0; page * limit < TOKENS; page++) {
                        TokenPage found = pages.search(TokenSearch.builder().sort(field, ascending).page(page, limit).build());
                        assertEquals(TOKENS, found.total());
                        List<Long> expected = all.subList(page * limit, Math.min(TOKENS, (page + 1) * limit));
                        assertEquals(field + " " + ascending + " page " + page + " of " + limit, expected, ids(found));
                        joined.addAll(ids(found));
                    }
                    assertEquals(all, joined);
                }
            }
        }
    }

    @Test
    @NonTransactional
    public void searchWhenSortedThenTiesAreNewestFirstThenByIdAndNullsTogether() {
        Map<SortField, Function<AccessToken, Comparable<?>>> keys = new LinkedHashMap<>();
        keys.put(SortField.NAME, t -> t.name().toLowerCase(Locale.ROOT));
        keys.put(SortField.CREATED_AT, AccessToken::createdAt);
        keys.put(SortField.EXPIRING_AT, t -> t.expiresAt().orElse(AoTokenStore.NEVER));
        keys.put(SortField.LAST_ACCESSED_AT, t -> t.lastUsedAt().orElse(null));
        keys.put(SortField.USER_KEY, AccessToken::ownerKey);
        for (Map.Entry<SortField, Function<AccessToken, Comparable<?>>> key : keys.entrySet()) {
            for (boolean ascending : new boolean[] {true, false}) {
                List<AccessToken> found = store.search(TokenSearch.builder().sort(key.getKey(), ascending).page(0, 1000).build()).values();
                // Where the database puts never-used tokens (first or last) is its own; they stay together.
                boolean nullsFirst = key.getKey() == SortField.LAST_ACCESSED_AT && !found.get(0).lastUsedAt().isPresent();
                List<AccessToken> expected = new ArrayList<>(stored);
                expected.sort(expectedOrder(key.getKey(), key.getValue(), ascending, nullsFirst));
                assertEquals(key.getKey() + " " + ascending, ids(expected), ids(found));
            }
        }
    }

    @Test
    @NonTransactional
    public void searchWhenFilteredThenCountAndDeepPagesMatchTheFilterOnEverySort() {
        Instant now = T0.plus(Duration.ofDays(3));
        List<Consumer<TokenSearch.Builder>> filters = new ArrayList<>();
        List<java.util.function.Predicate<AccessToken>> matches = new ArrayList<>();
        filters.add(b -> b.used(false));
        matches.add(t -> !t.lastUsedAt().isPresent());
        filters.add(b -> b.used(true));
        matches.add(t -> t.lastUsedAt().isPresent());
        filters.add(b -> b.nameContains("PLO"));
        matches.add(t -> t.name().toLowerCase(Locale.ROOT).contains("plo"));
        filters.add(b -> b.userKeys(new TreeSet<>(List.of("owner-1", "owner-2"))));
        matches.add(t -> !t.ownerKey().equals("owner-0"));
        filters.add(b -> b.status(TokenStatus.EXPIRED, now, 5));
        matches.add(t -> t.expiresAt().isPresent() && !t.expiresAt().get().isAfter(now));
        filters.add(b -> b.created(T0.plus(Duration.ofHours(3)), T0.plus(Duration.ofHours(9))));
        matches.add(t -> !t.createdAt().isBefore(T0.plus(Duration.ofHours(3))) && !t.createdAt().isAfter(T0.plus(Duration.ofHours(9))));
        AoTokenStore windowed = new AoTokenStore(new EntityManagerActiveObjects(entityManager), AoTokenStore.COUNT_REACH, 1);
        for (int f = 0; f < filters.size(); f++) {
            Set<Long> expected = stored.stream().filter(matches.get(f)).map(AccessToken::id).collect(Collectors.toCollection(HashSet::new));
            assertTrue("filter " + f + " selects some but not all", !expected.isEmpty() && expected.size() < TOKENS);
            for (SortField field : SortField.values()) {
                for (boolean ascending : new boolean[] {true, false}) {
                    TokenSearch.Builder full = TokenSearch.builder().sort(field, ascending).page(0, 1000);
                    filters.get(f).accept(full);
                    List<Long> all = ids(store.search(full.build()));
                    assertEquals("filter " + f + " " + field, expected, new HashSet<>(all));
                    int limit = 3;
                    int last = (expected.size() - 1) / limit;
                    TokenSearch.Builder deep = TokenSearch.builder().sort(field, ascending).page(last, limit);
                    filters.get(f).accept(deep);
                    TokenPage page = store.search(deep.build());
                    assertEquals(expected.size(), page.total());
                    assertEquals("filter " + f + " " + field + " " + ascending, all.subList(last * limit, all.size()), ids(page));
                    for (int p = 0; p <= last; p++) { // every page again, read in index order with groups reversed
                        TokenSearch.Builder each = TokenSearch.builder().sort(field, ascending).page(p, limit);
                        filters.get(f).accept(each);
                        assertEquals("filter " + f + " " + field + " " + ascending + " page " + p,
                                all.subList(p * limit, Math.min(all.size(), (p + 1) * limit)), ids(windowed.search(each.build())));
                    }
                    TokenSearch.Builder beyond = TokenSearch.builder().sort(field, ascending).page(last + 1, limit);
                    filters.get(f).accept(beyond);
                    assertEquals(0, store.search(beyond.build()).size());
                }
            }
        }
    }

    @Test
    @NonTransactional
    public void searchWhenMoreMatchThanTheCountReachesThenTotalIsALowerBoundAndThePageStillRight() {
        AoTokenStore near = new AoTokenStore(new EntityManagerActiveObjects(entityManager), 5, AoTokenStore.WINDOW_FROM);
        List<Long> all = ids(store.search(TokenSearch.builder().sort(SortField.NAME, true).page(0, 1000).build()));

        TokenPage first = near.search(TokenSearch.builder().sort(SortField.NAME, true).page(0, 3).build());
        assertEquals(all.subList(0, 3), ids(first));
        assertFalse(first.totalExact());
        assertEquals(3 + 5 + 1, first.total()); // a row exists beyond the page and the reach
        assertEquals(3, first.totalPages());
        assertFalse(first.isLastPage());

        TokenPage second = near.search(TokenSearch.builder().sort(SortField.NAME, true).page(1, 3).build());
        assertEquals(all.subList(3, 6), ids(second));
        assertFalse(second.totalExact());

        // Past the reach, the count is exact (and pays for the deep page's read from the nearer end).
        TokenPage deep = near.search(TokenSearch.builder().sort(SortField.NAME, true).page(8, 3).build());
        assertTrue(deep.totalExact());
        assertEquals(TOKENS, deep.total());
        assertEquals(all.subList(24, 27), ids(deep));

        TokenPage more = near.search(TokenSearch.builder().userKeys(new TreeSet<>(List.of("owner-1"))).page(0, 3).build());
        assertFalse(more.totalExact());
        // The name filter counts within a tenth of the reach, in the same read as the page.
        AoTokenStore names = new AoTokenStore(new EntityManagerActiveObjects(entityManager), 40, AoTokenStore.WINDOW_FROM);
        List<Long> deploys = ids(store.search(TokenSearch.builder().nameContains("PLO").page(0, 1000).build()));
        assertTrue(deploys.size() > 3 + 3 + 4 + 1);
        TokenPage capped = names.search(TokenSearch.builder().nameContains("PLO").page(1, 3).build());
        assertEquals(deploys.subList(3, 6), ids(capped));
        assertFalse(capped.totalExact());
        assertEquals(3 + 3 + 4 + 1, capped.total());
        TokenPage one = names.search(TokenSearch.builder().nameContains("ci").page(0, 3).build());
        assertTrue(one.totalExact());
        assertEquals(stored.stream().filter(t -> t.name().contains("ci")).count(), one.total());
        assertEquals(ids(store.search(TokenSearch.builder().nameContains("ci").page(0, 3).build())), ids(one));
        TokenPage small = near.search(TokenSearch.builder().created(T0, T0.plus(Duration.ofHours(3))).page(0, 3).build());
        assertTrue(small.totalExact());
        assertEquals(8, small.total());
        assertTrue(near.search(TokenSearch.builder().created(T0, T0.plus(Duration.ofHours(3))).page(2, 3).build()).isLastPage());
    }

    /** The admin search's indexes exist, each over its sort column, then created and id (ties' order). */
    @Test
    @NonTransactional
    public void schemaWhenMigratedThenEachSortColumnHasAnIndexEndingWithCreatedAndId() throws Exception {
        Map<String, List<String>> indexes = StoreTestSupport.indexes(entityManager);
        Set<List<String>> shapes = new HashSet<>(indexes.values());
        for (String column : new String[] {TokenEntity.NAME_LOWER, TokenEntity.EXPIRES, TokenEntity.LAST_USED, TokenEntity.OWNER_KEY}) {
            assertTrue(column + " in " + indexes, shapes.contains(List.of(column, TokenEntity.CREATED, TokenEntity.ID)));
        }
        assertTrue("CREATED in " + indexes, shapes.contains(List.of(TokenEntity.CREATED, TokenEntity.ID)));
        // The single-column indexes from before stay (additions only).
        for (String column : new String[] {TokenEntity.OWNER_KEY, TokenEntity.EXPIRES, TokenEntity.BUILTIN_ID, TokenEntity.HASH, TokenEntity.SLOT}) {
            assertTrue(column + " alone in " + indexes, shapes.contains(List.of(column)));
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Comparator<AccessToken> expectedOrder(SortField field, Function<AccessToken, Comparable<?>> key,
                                                         boolean ascending, boolean nullsFirst) {
        Comparator<AccessToken> byKey = (a, b) -> {
            Comparable ka = key.apply(a);
            Comparable kb = key.apply(b);
            if (ka == null || kb == null) {
                int nulls = ka == null ? (kb == null ? 0 : -1) : 1; // null first, then flipped as a whole below
                return nullsFirst ? nulls : -nulls;
            }
            return ascending ? ka.compareTo(kb) : kb.compareTo(ka);
        };
        Comparator<AccessToken> newestFirst = Comparator.comparing(AccessToken::createdAt).reversed();
        Comparator<AccessToken> byId = Comparator.comparingLong(AccessToken::id);
        if (field == SortField.CREATED_AT) {
            return ascending ? byKey.thenComparing(byId) : byKey.thenComparing(byId.reversed());
        }
        return byKey.thenComparing(newestFirst).thenComparing(byId.reversed());
    }

    private static List<Long> ids(TokenPage page) {
        return ids(page.values());
    }

    private static List<Long> ids(List<AccessToken> tokens) {
        return tokens.stream().map(AccessToken::id).collect(Collectors.toList());
    }
}
