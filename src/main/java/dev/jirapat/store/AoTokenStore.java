package dev.jirapat.store;

import com.atlassian.activeobjects.external.ActiveObjects;
import dev.jirapat.token.AccessToken;
import dev.jirapat.token.IpRange;
import dev.jirapat.token.NoticeStage;
import dev.jirapat.token.Scope;
import dev.jirapat.token.SortField;
import dev.jirapat.token.StoreConflictException;
import dev.jirapat.token.TokenOrigin;
import dev.jirapat.token.TokenPage;
import dev.jirapat.token.TokenSearch;
import dev.jirapat.token.TokenStore;
import net.java.ao.Query;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.Supplier;

/** {@link TokenStore} on Active Objects. Entities are converted to {@link AccessToken} before they leave. */
public final class AoTokenStore implements TokenStore {
    /** Stored expiry of a token that never expires (Jira's built-in app uses the same sentinel). */
    static final Instant NEVER = Instant.parse("9999-12-31T00:00:00Z");

    /** How far past the page the admin search counts exactly; beyond, it says "more" (see {@link TokenPage}). */
    static final int COUNT_REACH = 100_000;
    /** From how many skipped rows an ascending sort's page is read in index order (see againstTheTies). */
    static final int WINDOW_FROM = 1_000;

    private final ActiveObjects ao;
    private final int countReach;
    private final int windowFrom;

    public AoTokenStore(ActiveObjects ao) {
        this(ao, COUNT_REACH, WINDOW_FROM);
    }

    /** With another count reach and window threshold: tests reach them with a few rows. */
    AoTokenStore(ActiveObjects ao, int countReach, int windowFrom) {
        this.ao = ao;
        this.countReach = countReach;
        this.windowFrom = windowFrom;
    }

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        try {
            return ao.executeInTransaction(work::get);
        } catch (StoreConflictException e) {
            throw e;
        } catch (RuntimeException e) {
            // A serialisation failure (PostgreSQL under AO's serializable transactions, a concurrent revoke and
            // rotation of one row) may surface at any statement or at commit: the transaction rolled back.
            if (isConflict(e)) {
                throw new StoreConflictException("a concurrent writer changed the same rows", e);
            }
            throw e;
        }
    }

    @Override
    public Optional<AccessToken> insert(AccessToken token, int limit) {
        Set<String> taken = new HashSet<>();
        for (TokenEntity row : ao.find(TokenEntity.class, byOwner(token.ownerKey()))) {
            taken.add(row.getSlot());
        }
        if (taken.size() >= limit) {
            return Optional.empty();
        }
        String slot = null;
        for (int i = 0; slot == null; i++) {
            String candidate = slotOf(token.ownerKey(), i);
            slot = taken.contains(candidate) ? null : candidate;
        }
        return Optional.of(create(token, slot));
    }

    @Override
    public Optional<AccessToken> replace(long id, AccessToken replacement) {
        Optional<TokenEntity> found = entity(id);
        if (!found.isPresent()) {
            return Optional.empty();
        }
        TokenEntity row = found.get();
        row.setOwnerKey(replacement.ownerKey());
        row.setName(replacement.name());
        row.setNameLower(columnWidth(replacement.name().toLowerCase(Locale.ROOT)));
        row.setCreated(Date.from(replacement.createdAt()));
        row.setExpires(Date.from(replacement.expiresAt().orElse(NEVER)));
        row.setLastUsed(replacement.lastUsedAt().map(Date::from).orElse(null));
        row.setLastUsedIp(replacement.lastUsedIp().orElse(null));
        row.setScope(replacement.scope().wireName());
        row.setAllowedIps(joinRanges(replacement.allowedIps()));
        row.setCreatedBy(replacement.createdBy());
        row.setHash(replacement.hash());
        row.setHashAlg(replacement.hashAlgorithm());
        row.setHint(replacement.hint());
        row.setNoticeStage(replacement.noticeSent().map(NoticeStage::days).orElse(null));
        row.setOrigin(origin(replacement));
        row.setBuiltinId(replacement.builtinId().orElse(null));
        conflictAs("a concurrent writer changed the same token", () -> {
            row.save();
            return null;
        });
        // AO does not say whether the UPDATE found its row: a revocation that committed after our read leaves it
        // nothing to update. Only the row read back with the new hash proves the new secret is stored.
        return findById(id).filter(stored -> stored.hash().equals(replacement.hash()));
    }

    private AccessToken create(AccessToken token, String slot) {
        return toDomain(createRow(token, slot));
    }

    /** Inserts the row; reading it back ({@link #toDomain}) may cost a query per column the insert did not set. */
    private TokenEntity createRow(AccessToken token, String slot) {
        Map<String, Object> row = new HashMap<>();
        row.put(TokenEntity.OWNER_KEY, token.ownerKey());
        row.put(TokenEntity.NAME, token.name());
        row.put(TokenEntity.NAME_LOWER, columnWidth(token.name().toLowerCase(Locale.ROOT)));
        row.put(TokenEntity.CREATED, Date.from(token.createdAt()));
        row.put(TokenEntity.EXPIRES, Date.from(token.expiresAt().orElse(NEVER)));
        row.put(TokenEntity.SCOPE, token.scope().wireName());
        row.put(TokenEntity.ALLOWED_IPS, joinRanges(token.allowedIps()));
        row.put(TokenEntity.CREATED_BY, token.createdBy());
        row.put(TokenEntity.HASH, token.hash());
        row.put(TokenEntity.HASH_ALG, token.hashAlgorithm());
        row.put(TokenEntity.HINT, token.hint());
        row.put(TokenEntity.SLOT, slot);
        if (token.builtinId().isPresent()) {
            row.put(TokenEntity.ORIGIN, origin(token));
            row.put(TokenEntity.BUILTIN_ID, token.builtinId().get());
        }
        if (token.lastUsedAt().isPresent()) {
            row.put(TokenEntity.LAST_USED, Date.from(token.lastUsedAt().get()));
        }
        token.noticeSent().ifPresent(stage -> row.put(TokenEntity.NOTICE_STAGE, stage.days()));
        return conflictAs("a concurrent writer took the same slot or hash", () -> ao.create(TokenEntity.class, row));
    }

    /** Runs a write whose unique-key violation means a concurrent writer won: a {@link StoreConflictException}. */
    private static <T> T conflictAs(String message, Supplier<T> write) {
        try {
            return write.get();
        } catch (RuntimeException e) {
            if (isConflict(e)) {
                throw new StoreConflictException(message, e);
            }
            throw e;
        }
    }

    /** The stored origin: null for ours, as in the rows written before imports existed. */
    private static String origin(AccessToken token) {
        return token.origin() == TokenOrigin.JPAT ? null : token.origin().wireName();
    }

    /**
     * Each imported row takes a place of its own, {@code <digest of owner key>:b<TOKEN_ID>}: unique without reading
     * the owner's other rows (a 100,000-row import would otherwise read every owner's rows once per batch), and
     * never one of the numbered places {@link #insert} hands out, which still counts it towards the limit.
     */
    @Override
    public int insertImported(List<AccessToken> tokens) {
        int stored = 0;
        for (AccessToken token : tokens) {
            String builtinId = token.builtinId().orElseThrow(() -> new IllegalArgumentException("not an imported token"));
            createRow(token, importedSlotOf(token.ownerKey(), builtinId));
            stored++;
        }
        return stored;
    }

    static String importedSlotOf(String ownerKey, String builtinId) {
        String numbered = slotOf(ownerKey, 0);
        return numbered.substring(0, numbered.length() - 1) + "b" + builtinId;
    }

    @Override
    public Optional<AccessToken> findByBuiltinId(String builtinId) {
        return first(Query.select().where(TokenEntity.BUILTIN_ID + " = ?", builtinId));
    }

    @Override
    public boolean isImported(String builtinId) {
        return ao.count(TokenEntity.class, Query.select().where(TokenEntity.BUILTIN_ID + " = ?", builtinId)) > 0;
    }

    @Override
    public Set<String> importedAmong(Collection<String> builtinIds) {
        Set<String> found = new HashSet<>();
        List<String> ids = new ArrayList<>(builtinIds);
        for (int from = 0; from < ids.size(); from += 500) { // Oracle takes at most 1000 values in one IN list
            List<String> chunk = ids.subList(from, Math.min(ids.size(), from + 500));
            StringBuilder in = new StringBuilder(TokenEntity.BUILTIN_ID).append(" IN (");
            for (int i = 0; i < chunk.size(); i++) {
                in.append(i == 0 ? "?" : ", ?");
            }
            for (TokenEntity row : ao.find(TokenEntity.class, Query.select().where(in.append(')').toString(), chunk.toArray()))) {
                found.add(row.getBuiltinId());
            }
        }
        return found;
    }

    @Override
    public boolean upgradeHash(long id, String expectedHash, String newHash, String algorithm, String hint) {
        Optional<TokenEntity> found = entity(id);
        if (!found.isPresent() || !found.get().getHash().equals(expectedHash)) {
            return false; // revoked, rotated or upgraded meanwhile
        }
        TokenEntity row = found.get();
        row.setHash(newHash);
        row.setHashAlg(algorithm);
        row.setHint(hint);
        conflictAs("a concurrent writer changed the same token", () -> {
            row.save();
            return null;
        });
        return true;
    }

    @Override
    public Optional<AccessToken> findByHash(String hash) {
        return first(Query.select().where(TokenEntity.HASH + " = ?", hash));
    }

    @Override
    public Optional<AccessToken> findById(long id) {
        return entity(id).map(AoTokenStore::toDomain);
    }

    @Override
    public List<AccessToken> findByOwner(String ownerKey) {
        List<AccessToken> out = new ArrayList<>();
        for (TokenEntity row : ao.find(TokenEntity.class,
                byOwner(ownerKey).order(TokenEntity.CREATED + " DESC, " + TokenEntity.ID + " DESC"))) {
            out.add(toDomain(row));
        }
        return out;
    }

    @Override
    public int countByOwner(String ownerKey) {
        return ao.count(TokenEntity.class, byOwner(ownerKey));
    }

    @Override
    public boolean delete(long id) {
        Optional<TokenEntity> row = entity(id);
        row.ifPresent(r -> ao.delete(r));
        return row.isPresent();
    }

    @Override
    public int deleteByOwner(String ownerKey) {
        TokenEntity[] rows = ao.find(TokenEntity.class, byOwner(ownerKey));
        ao.delete(rows);
        return rows.length;
    }

    @Override
    public void recordUse(long id, Instant at, String ip) {
        Optional<TokenEntity> read = entity(id).filter(row -> newer(row, at));
        if (!read.isPresent()) {
            return;
        }
        // Two nodes flushing the same token at once: each read the row before the other's write committed, and the
        // later commit would win, an older use over a newer one. So take the row's write lock first (rewriting its
        // slot, which never changes), then read the row again: what another node committed before is seen now,
        // and what it writes after waits for our commit and then sees ours.
        TokenEntity lock = read.get();
        lock.setSlot(lock.getSlot());
        conflictAs("a concurrent writer changed the same token", () -> {
            lock.save();
            return null;
        });
        entity(id).filter(row -> newer(row, at)).ifPresent(row -> {
            row.setLastUsed(Date.from(at));
            row.setLastUsedIp(ip);
            row.save();
        });
    }

    /** Whether a use at {@code at} is newer than the row's last use, and of the secret it holds now. */
    private static boolean newer(TokenEntity row, Instant at) {
        if (row.getLastUsed() != null && !row.getLastUsed().toInstant().isBefore(at)) {
            return false; // another cluster node already wrote a later use
        }
        return !at.isBefore(row.getCreated().toInstant()); // else a use of the secret held before a rotation
    }

    @Override
    public TokenPage search(TokenSearch search) {
        StringBuilder where = new StringBuilder();
        List<Object> params = new ArrayList<>();
        if (!search.userKeys().isEmpty()) {
            StringBuilder in = new StringBuilder(TokenEntity.OWNER_KEY).append(" IN (");
            for (String key : search.userKeys()) {
                in.append(params.isEmpty() ? "?" : ", ?");
                params.add(key);
            }
            and(where, in.append(')').toString());
        }
        if (search.nameContains().isPresent()) {
            and(where, TokenEntity.NAME_LOWER + " LIKE ? ESCAPE '!'");
            params.add("%" + likeEscape(search.nameContains().get().toLowerCase(Locale.ROOT)) + "%");
        }
        range(where, params, TokenEntity.CREATED, search.createdFrom(), search.createdTo());
        range(where, params, TokenEntity.EXPIRES, search.expiresFrom(), search.expiresTo());
        range(where, params, TokenEntity.LAST_USED, search.lastUsedFrom(), search.lastUsedTo());
        if (search.used().isPresent()) {
            and(where, TokenEntity.LAST_USED + (search.used().get() ? " IS NOT NULL" : " IS NULL"));
        }
        // A token that never expires is stored with NEVER, after every bound: active, as the domain counts it.
        if (search.statusExpiresAfter().isPresent()) {
            and(where, TokenEntity.EXPIRES + " > ?");
            params.add(Date.from(search.statusExpiresAfter().get()));
        }
        if (search.statusExpiresUntil().isPresent()) {
            and(where, TokenEntity.EXPIRES + " <= ?");
            params.add(Date.from(search.statusExpiresUntil().get()));
        }
        String criteria = where.toString();
        Object[] values = params.toArray();
        long offset = (long) search.page() * search.limit();
        // Counting a million rows costs more than the page. Near the start, the count is exact only up to a reach
        // past the page; beyond it the page says "at least". Without the name filter, one probe in no order for a
        // row beyond the reach (an index or a short scan). With it, every name is scanned either way: one ordered
        // read of the ids up to the reach gives the page and the count in that one scan.
        if (search.nameContains().isPresent() && offset < countReach / 10) {
            int reach = (int) offset + search.limit() + countReach / 10;
            List<Integer> ids = ids(filtered(Query.select(TokenEntity.ID), criteria, values)
                    .order(order(search.sortBy(), search.ascending(), false)).limit(reach + 1));
            boolean exact = ids.size() <= reach;
            int total = exact ? ids.size() : reach + 1;
            List<Integer> page = offset >= ids.size() ? new ArrayList<>()
                    : ids.subList((int) offset, (int) Math.min(ids.size(), offset + search.limit()));
            return new TokenPage(byIds(page), search.page(), search.limit(), total, exact);
        }
        long reach = offset + search.limit() + countReach;
        if (offset < countReach && !search.nameContains().isPresent()
                && ao.find(TokenEntity.class, filtered(Query.select(TokenEntity.ID), criteria, values)
                        .limit(1).offset((int) reach)).length > 0) {
            List<Integer> ids = ids(filtered(Query.select(TokenEntity.ID), criteria, values)
                    .order(order(search.sortBy(), search.ascending(), false)).limit(search.limit()).offset((int) offset));
            return new TokenPage(byIds(ids), search.page(), search.limit(), (int) reach + 1, false);
        }
        int total = ao.count(TokenEntity.class, filtered(Query.select(), criteria, values));
        if (offset >= total) {
            return new TokenPage(new ArrayList<>(), search.page(), search.limit(), total);
        }
        int rows = (int) Math.min(search.limit(), total - offset);
        // A deep page is read from whichever end is nearer, in the reversed order: the last page of a million
        // skips nothing. The exact reverse needs a total order, which the id as last key gives.
        int fromEnd = (int) (total - offset - rows);
        boolean reversed = fromEnd < offset;
        // Ids first, in the sort's index alone (an index-only scan where the index covers the filter), then only
        // the page's rows: the rows skipped before the page are never fetched from the table.
        int skip = reversed ? fromEnd : (int) offset;
        List<Integer> ids;
        if (search.ascending() && search.sortBy() != SortField.CREATED_AT && skip >= windowFrom) {
            ids = againstTheTies(search.sortBy(), reversed, skip, rows, criteria, values);
        } else {
            ids = ids(filtered(Query.select(TokenEntity.ID), criteria, values)
                    .order(order(search.sortBy(), search.ascending(), reversed)).limit(rows).offset(skip));
        }
        if (reversed) {
            Collections.reverse(ids);
        }
        return new TokenPage(byIds(ids), search.page(), search.limit(), total);
    }

    /**
     * The search order, or its exact reverse. Ties: newest first, as Jira's built-in search does, then by id so
     * paging is stable and the order total. A column never appears twice in ORDER BY (HSQLDB lets the later
     * occurrence win).
     */
    static String order(SortField sortBy, boolean ascending, boolean reversed) {
        String direction = ascending != reversed ? " ASC" : " DESC";
        String sortColumn = column(sortBy);
        if (sortColumn.equals(TokenEntity.CREATED)) {
            return TokenEntity.CREATED + direction + ", " + TokenEntity.ID + direction;
        }
        String ties = reversed ? " ASC" : " DESC";
        return sortColumn + direction + ", " + TokenEntity.CREATED + ties + ", " + TokenEntity.ID + ties;
    }

    /**
     * The ids at {@code skip} of an ascending sort whose ties run newest first, i.e. against the sort index's
     * direction: skipping in that order makes the database sort every tie group on the way (1.8 s for 500,000 rows
     * of PostgreSQL here), skipping in the index's own order does not. Both orders put each sort value's group at
     * the same positions and differ only inside a group, where one is the other reversed. So: the window in index
     * order, then each group in it reversed; the groups cut by the window's edges are read again, each by its own
     * small ordered query.
     */
    private List<Integer> againstTheTies(SortField sortBy, boolean reversed, int skip, int rows, String criteria,
                                         Object[] values) {
        String column = column(sortBy);
        // The read's order: the sort column one way, the ties the other; the index order: everything one way.
        boolean columnAscending = !reversed;
        String along = columnAscending ? " ASC" : " DESC";
        String against = columnAscending ? " DESC" : " ASC";
        String indexOrder = column + along + ", " + TokenEntity.CREATED + along + ", " + TokenEntity.ID + along;
        List<TokenEntity> window = new ArrayList<>();
        Collections.addAll(window, ao.find(TokenEntity.class, filtered(Query.select(TokenEntity.ID + ", " + column
                + ", " + TokenEntity.CREATED), criteria, values).order(indexOrder).limit(rows).offset(skip)));
        List<List<TokenEntity>> groups = new ArrayList<>();
        for (TokenEntity row : window) {
            List<TokenEntity> last = groups.isEmpty() ? null : groups.get(groups.size() - 1);
            if (last != null && sameValue(value(sortBy, last.get(0)), value(sortBy, row))) {
                last.add(row);
            } else {
                List<TokenEntity> group = new ArrayList<>();
                group.add(row);
                groups.add(group);
            }
        }
        List<Integer> out = new ArrayList<>();
        for (int g = 0; g < groups.size(); g++) {
            List<TokenEntity> group = groups.get(g);
            Object value = value(sortBy, group.get(0));
            String same = value == null ? column + " IS NULL" : column + " = ?";
            String where = criteria.isEmpty() ? same : "(" + criteria + ") AND " + same;
            List<Object> params = new ArrayList<>(java.util.Arrays.asList(values));
            if (value != null) {
                params.add(value);
            }
            String tiesAgainst = TokenEntity.CREATED + against + ", " + TokenEntity.ID + against;
            String tiesAlong = TokenEntity.CREATED + along + ", " + TokenEntity.ID + along;
            if (groups.size() == 1) {
                // The window lies inside one group: where it starts in the group is how many of the group come
                // before its first row in index order.
                TokenEntity first = group.get(0);
                String before = columnAscending
                        ? "(" + TokenEntity.CREATED + " < ? OR (" + TokenEntity.CREATED + " = ? AND " + TokenEntity.ID + " < ?))"
                        : "(" + TokenEntity.CREATED + " > ? OR (" + TokenEntity.CREATED + " = ? AND " + TokenEntity.ID + " > ?))";
                List<Object> beforeParams = new ArrayList<>(params);
                beforeParams.add(first.getCreated());
                beforeParams.add(first.getCreated());
                beforeParams.add(first.getID());
                int earlier = ao.count(TokenEntity.class, Query.select().where(where + " AND " + before, beforeParams.toArray()));
                // Positions coincide: in the read's order too, the window starts that many rows into the group.
                out.addAll(ids(Query.select(TokenEntity.ID).where(where, params.toArray()).order(tiesAgainst)
                        .limit(rows).offset(earlier)));
            } else if (g == 0) {
                // Cut at the start: the window holds the group's last rows in the read's order, i.e. its first in
                // the index's.
                List<Integer> head = ids(Query.select(TokenEntity.ID).where(where, params.toArray()).order(tiesAlong)
                        .limit(group.size()));
                Collections.reverse(head);
                out.addAll(head);
            } else if (g == groups.size() - 1) {
                // Cut at the end: the group's first rows in the read's order.
                out.addAll(ids(Query.select(TokenEntity.ID).where(where, params.toArray()).order(tiesAgainst)
                        .limit(group.size())));
            } else {
                for (int i = group.size() - 1; i >= 0; i--) {
                    out.add(group.get(i).getID());
                }
            }
        }
        return out;
    }

    /** Equal sort values; dates by their instant (a Timestamp never equals a Date). */
    private static boolean sameValue(Object a, Object b) {
        if (a instanceof Date && b instanceof Date) {
            return ((Date) a).getTime() == ((Date) b).getTime();
        }
        return java.util.Objects.equals(a, b);
    }

    /** The row's value of the sort column (for grouping equal values). */
    private static Object value(SortField sortBy, TokenEntity row) {
        switch (sortBy) {
            case EXPIRING_AT:
                return row.getExpires();
            case LAST_ACCESSED_AT:
                return row.getLastUsed();
            case USER_KEY:
                return row.getOwnerKey();
            case CREATED_AT:
                return row.getCreated();
            case NAME:
            default:
                return row.getNameLower();
        }
    }

    private List<Integer> ids(Query idQuery) {
        List<Integer> ids = new ArrayList<>();
        for (TokenEntity row : ao.find(TokenEntity.class, idQuery)) {
            ids.add(row.getID());
        }
        return ids;
    }

    private static Query filtered(Query query, String criteria, Object[] values) {
        return criteria.isEmpty() ? query : query.where(criteria, values);
    }

    /** The rows of these ids in this order; one deleted meanwhile is left out. */
    private List<AccessToken> byIds(List<Integer> ids) {
        Map<Integer, AccessToken> found = new HashMap<>();
        for (int from = 0; from < ids.size(); from += 500) { // Oracle takes at most 1000 values in one IN list
            List<Integer> chunk = ids.subList(from, Math.min(ids.size(), from + 500));
            StringBuilder in = new StringBuilder(TokenEntity.ID).append(" IN (");
            for (int i = 0; i < chunk.size(); i++) {
                in.append(i == 0 ? "?" : ", ?");
            }
            for (TokenEntity row : ao.find(TokenEntity.class, Query.select().where(in.append(')').toString(), chunk.toArray()))) {
                found.put(row.getID(), toDomain(row));
            }
        }
        List<AccessToken> out = new ArrayList<>();
        for (Integer id : ids) {
            AccessToken token = found.get(id);
            if (token != null) {
                out.add(token);
            }
        }
        return out;
    }

    @Override
    public List<AccessToken> findNoticeCandidates(Instant expiresUntil, Instant now, int smallestDays, long afterId,
                                                  int limit) {
        String stage = TokenEntity.NOTICE_STAGE;
        return batch(Query.select().where(TokenEntity.EXPIRES + " <= ? AND " + TokenEntity.ID + " > ? AND (" + stage
                + " IS NULL OR (" + stage + " > 0 AND (" + TokenEntity.EXPIRES + " <= ? OR " + stage + " > ?)))",
                Date.from(expiresUntil), idParam(afterId), Date.from(now), smallestDays), limit);
    }

    @Override
    public List<AccessToken> findExpired(Instant expiredBy, long afterId, int limit) {
        // A never-expiring token is stored with NEVER, after every cut-off.
        return batch(Query.select().where(TokenEntity.EXPIRES + " <= ? AND " + TokenEntity.ID + " > ?",
                Date.from(expiredBy), idParam(afterId)), limit);
    }

    @Override
    public SortedSet<String> findOwnerKeys(String afterKey, int limit) {
        SortedSet<String> out = new TreeSet<>();
        // Two columns only, in owner order on the owner index: the scan reads every row once a day.
        for (TokenEntity row : ao.find(TokenEntity.class, Query.select(TokenEntity.ID + ", " + TokenEntity.OWNER_KEY)
                .where(TokenEntity.OWNER_KEY + " > ?", afterKey)
                .order(TokenEntity.OWNER_KEY + " ASC, " + TokenEntity.ID + " ASC").limit(limit))) {
            out.add(row.getOwnerKey());
        }
        return out;
    }

    @Override
    public boolean claimNotice(long id, Instant expiresAt, NoticeStage stage) {
        // Read again inside the claim's transaction: a stale candidate list (another run claimed it, a rotation
        // changed the expiry, a revocation removed the row) claims nothing. Two claims overlapping in time are
        // decided by the claim row's unique key: one insert wins, the other is a conflict and rolls back.
        Optional<TokenEntity> found = entity(id);
        if (!found.isPresent() || !found.get().getExpires().toInstant().equals(expiresAt)) {
            return false;
        }
        TokenEntity row = found.get();
        Integer sent = row.getNoticeStage();
        if (sent != null && sent >= 0 && !stage.isAfter(NoticeStage.of(sent))) {
            return false;
        }
        Map<String, Object> claim = new HashMap<>();
        claim.put(NoticeClaimEntity.CLAIM, id + ":" + expiresAt.toEpochMilli() + ":" + stage.days());
        claim.put(NoticeClaimEntity.TOKEN_ID, (int) id);
        claim.put(NoticeClaimEntity.CLAIMED, new Date());
        conflictAs("another run claimed the same notice", () -> {
            ao.create(NoticeClaimEntity.class, claim);
            row.setNoticeStage(stage.days());
            row.save();
            return null;
        });
        return true;
    }

    @Override
    public int deleteNoticeClaims(Instant claimedBefore, int limit) {
        NoticeClaimEntity[] rows = ao.find(NoticeClaimEntity.class, Query.select()
                .where(NoticeClaimEntity.CLAIMED + " < ?", Date.from(claimedBefore)).order(NoticeClaimEntity.ID + " ASC").limit(limit));
        ao.delete(rows);
        return rows.length;
    }

    @Override
    public void deleteAll(List<AccessToken> tokens) {
        if (tokens.isEmpty()) {
            return;
        }
        StringBuilder in = new StringBuilder(TokenEntity.ID).append(" IN (");
        List<Object> ids = new ArrayList<>();
        for (AccessToken token : tokens) {
            if (token.id() > 0 && token.id() <= Integer.MAX_VALUE) {
                in.append(ids.isEmpty() ? "?" : ", ?");
                ids.add((int) token.id());
            }
        }
        if (!ids.isEmpty()) {
            ao.delete(ao.find(TokenEntity.class, Query.select().where(in.append(')').toString(), ids.toArray())));
        }
    }

    private List<AccessToken> batch(Query query, int limit) {
        List<AccessToken> out = new ArrayList<>();
        for (TokenEntity row : ao.find(TokenEntity.class, query.order(TokenEntity.ID + " ASC").limit(limit))) {
            out.add(toDomain(row));
        }
        return out;
    }

    /** Ids are INTEGER columns; a keyset position beyond them matches nothing. */
    private static int idParam(long afterId) {
        return (int) Math.max(0, Math.min(afterId, Integer.MAX_VALUE));
    }

    private static String column(SortField field) {
        switch (field) {
            case CREATED_AT:
                return TokenEntity.CREATED;
            case EXPIRING_AT:
                return TokenEntity.EXPIRES;
            case LAST_ACCESSED_AT:
                return TokenEntity.LAST_USED;
            case USER_KEY:
                return TokenEntity.OWNER_KEY;
            case NAME:
            default:
                return TokenEntity.NAME_LOWER;
        }
    }

    private static void and(StringBuilder where, String clause) {
        where.append(where.length() == 0 ? "" : " AND ").append(clause);
    }

    private static void range(StringBuilder where, List<Object> params, String column, Optional<Instant> from, Optional<Instant> to) {
        if (from.isPresent()) {
            and(where, column + " >= ?");
            params.add(Date.from(from.get()));
        }
        if (to.isPresent()) {
            and(where, column + " <= ?");
            params.add(Date.from(to.get()));
        }
    }

    /**
     * At most 255 UTF-16 units, the width of a plain AO string column, never ending in half a surrogate pair. Lower
     * case can be longer than the name (U+0130 becomes two units); the policy keeps names short enough, this is the
     * store's own guard.
     */
    static String columnWidth(String text) {
        if (text.length() <= 255) {
            return text;
        }
        return text.substring(0, Character.isHighSurrogate(text.charAt(254)) ? 254 : 255);
    }

    private static String likeEscape(String text) {
        return text.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }

    private static Query byOwner(String ownerKey) {
        return Query.select().where(TokenEntity.OWNER_KEY + " = ?", ownerKey);
    }

    private Optional<TokenEntity> entity(long id) {
        if (id <= 0 || id > Integer.MAX_VALUE) {
            return Optional.empty();
        }
        TokenEntity[] rows = ao.find(TokenEntity.class, Query.select().where(TokenEntity.ID + " = ?", (int) id));
        return rows.length == 0 ? Optional.<TokenEntity>empty() : Optional.of(rows[0]);
    }

    private Optional<AccessToken> first(Query query) {
        TokenEntity[] rows = ao.find(TokenEntity.class, query);
        return rows.length == 0 ? Optional.<AccessToken>empty() : Optional.of(toDomain(rows[0]));
    }

    static AccessToken toDomain(TokenEntity row) {
        Instant expires = row.getExpires().toInstant();
        return AccessToken.builder()
                .id(row.getID())
                .ownerKey(row.getOwnerKey())
                .name(row.getName())
                .createdAt(row.getCreated().toInstant())
                .expiresAt(expires.equals(NEVER) ? null : expires)
                .lastUsed(row.getLastUsed() == null ? null : row.getLastUsed().toInstant(), row.getLastUsedIp())
                .scope(Scope.parse(row.getScope()).orElse(Scope.READ)) // an unreadable scope grants the least
                .allowedIps(splitRanges(row.getAllowedIps()))
                .createdBy(row.getCreatedBy())
                .hash(row.getHash(), row.getHashAlg())
                .hint(row.getHint())
                .noticeSent(row.getNoticeStage() == null || row.getNoticeStage() < 0 ? null : NoticeStage.of(row.getNoticeStage()))
                .builtinId(TokenOrigin.BUILTIN.wireName().equals(row.getOrigin()) ? row.getBuiltinId() : null)
                .build();
    }

    private static String joinRanges(List<IpRange> ranges) {
        StringBuilder out = new StringBuilder();
        for (IpRange range : ranges) {
            out.append(out.length() == 0 ? "" : ",").append(range);
        }
        return out.toString();
    }

    private static List<IpRange> splitRanges(String stored) {
        List<IpRange> out = new ArrayList<>();
        if (stored == null || stored.isEmpty()) {
            return out;
        }
        for (String part : stored.split(",")) {
            // A stored range we cannot read any more allows nothing rather than everything.
            out.add(IpRange.parse(part).orElse(IpRange.parse("0.0.0.0/32").get()));
        }
        return out;
    }

    static String slotOf(String ownerKey, int index) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(ownerKey.getBytes(StandardCharsets.UTF_8));
            StringBuilder out = new StringBuilder();
            for (int i = 0; i < 16; i++) {
                out.append(String.format("%02x", digest[i]));
            }
            return out.append(':').append(index).toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A unique-constraint violation or a serialisation conflict: the writer lost a race. */
    private static boolean isConflict(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException) {
                String state = ((SQLException) t).getSQLState();
                int code = ((SQLException) t).getErrorCode();
                if (state != null && (state.startsWith("23") || state.equals("40001"))) {
                    return true;
                }
                if (code == 90131 /* H2 concurrent update */ || code == -104 /* HSQLDB 1.8 unique */) {
                    return true;
                }
            }
        }
        return false;
    }
}
