package dev.jirapat.token;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * One row of Jira's built-in app's table ({@code AO_81F455_PERSONAL_TOKEN}), read and validated: {@code TOKEN_ID}
 * 12 digits, {@code USER_KEY}, {@code NAME} by our rules for names but the built-in app's length (what our store
 * holds: 255 characters), {@code HASHED_TOKEN} a {@code {PKCS5S2}} hash, {@code CREATED_AT}, {@code EXPIRING_AT}
 * (9999-12-31 = never), {@code LAST_ACCESSED_AT} and {@code NOTIFICATION_STATE} optional, {@code ID} ignored (ours
 * are our own). Whether the user exists is the use case's question. Cells are only data: a name like
 * {@code =cmd|...} is stored as typed, never evaluated. Never prints its hash.
 */
public final class BuiltinRow {
    public static final String ID = "ID";
    public static final String TOKEN_ID = "TOKEN_ID";
    public static final String USER_KEY = "USER_KEY";
    public static final String NAME = "NAME";
    public static final String HASHED_TOKEN = "HASHED_TOKEN";
    public static final String CREATED_AT = "CREATED_AT";
    public static final String EXPIRING_AT = "EXPIRING_AT";
    public static final String LAST_ACCESSED_AT = "LAST_ACCESSED_AT";
    public static final String NOTIFICATION_STATE = "NOTIFICATION_STATE";
    /** The columns a file must name (case-insensitive, any order). */
    public static final List<String> REQUIRED = Collections.unmodifiableList(Arrays.asList(
            TOKEN_ID, USER_KEY, NAME, HASHED_TOKEN, CREATED_AT, EXPIRING_AT));
    /** The longest name imported: the width of the built-in app's and our name column. */
    public static final int NAME_MAX_LENGTH = 255;
    private static final Set<String> NOTIFICATION_STATES = new HashSet<>(Arrays.asList("NOT_SENT", "EXPIRE_SOON_SENT", "EXPIRED_SENT"));

    private final long line;
    private final String tokenId;
    private final String userKey;
    private final String name;
    private final Pkcs5s2Hash hash;
    private final Instant createdAt;
    private final Instant expiresAt;
    private final Instant lastAccessedAt;
    private final String notificationState;

    private BuiltinRow(long line, String tokenId, String userKey, String name, Pkcs5s2Hash hash, Instant createdAt,
                       Instant expiresAt, Instant lastAccessedAt, String notificationState) {
        this.line = line;
        this.tokenId = tokenId;
        this.userKey = userKey;
        this.name = name;
        this.hash = hash;
        this.createdAt = createdAt;
        this.expiresAt = expiresAt;
        this.lastAccessedAt = lastAccessedAt;
        this.notificationState = notificationState;
    }

    /** The required columns a header lacks (compared case-insensitively, blanks around names ignored), in order. */
    public static List<String> missingColumns(Collection<String> header) {
        Set<String> named = new HashSet<>();
        for (String column : header) {
            named.add(column == null ? "" : column.trim().toUpperCase(Locale.ROOT));
        }
        List<String> missing = new ArrayList<>();
        for (String column : REQUIRED) {
            if (!named.contains(column)) {
                missing.add(column);
            }
        }
        return missing;
    }

    /** The row read from {@code record}, or the first problem found in it. Dates without offset are in {@code zone}. */
    static Result parse(ImportRecord record, ZoneId zone) {
        long line = record.line();
        if (record.refusal().isPresent()) {
            return new Result(null, record.refusal().get());
        }
        for (String column : REQUIRED) {
            if (!column.equals(NAME) && !record.cell(column).isPresent()) {
                return Result.error(line, ImportProblem.MISSING_VALUE, column);
            }
        }
        String tokenId = record.cell(TOKEN_ID).get();
        if (!BuiltinToken.isId(tokenId)) {
            return Result.error(line, ImportProblem.TOKEN_ID_INVALID);
        }
        String rawName = record.raw(NAME);
        Outcome<String> name = TokenNames.validate(rawName == null ? "" : rawName, NAME_MAX_LENGTH);
        if (name.isRejected()) {
            switch (name.rejection()) {
                case NAME_TOO_LONG:
                    return Result.error(line, ImportProblem.NAME_TOO_LONG, Integer.toString(NAME_MAX_LENGTH));
                case NAME_INVALID_CHARACTERS:
                    return Result.error(line, ImportProblem.NAME_INVALID_CHARACTERS);
                default:
                    return Result.error(line, ImportProblem.NAME_BLANK);
            }
        }
        if (name.value().length() > NAME_MAX_LENGTH) { // 255 characters beyond the BMP are 510 UTF-16 units
            return Result.error(line, ImportProblem.NAME_TOO_LONG, Integer.toString(NAME_MAX_LENGTH));
        }
        Optional<Pkcs5s2Hash> hash = Pkcs5s2Hash.parse(record.cell(HASHED_TOKEN).get());
        if (!hash.isPresent()) {
            return Result.error(line, ImportProblem.HASH_INVALID);
        }
        Optional<Instant> created = BuiltinDates.parse(record.cell(CREATED_AT).get(), zone);
        if (!created.isPresent()) {
            return Result.error(line, ImportProblem.DATE_INVALID, CREATED_AT);
        }
        Optional<Instant> expires = BuiltinDates.parse(record.cell(EXPIRING_AT).get(), zone);
        if (!expires.isPresent()) {
            return Result.error(line, ImportProblem.DATE_INVALID, EXPIRING_AT);
        }
        Instant lastAccessed = null;
        if (record.cell(LAST_ACCESSED_AT).isPresent()) {
            Optional<Instant> at = BuiltinDates.parse(record.cell(LAST_ACCESSED_AT).get(), zone);
            if (!at.isPresent()) {
                return Result.error(line, ImportProblem.DATE_INVALID, LAST_ACCESSED_AT);
            }
            lastAccessed = at.get();
        }
        String state = record.cell(NOTIFICATION_STATE).map(s -> s.toUpperCase(Locale.ROOT)).orElse(null);
        if (state != null && !NOTIFICATION_STATES.contains(state)) {
            return Result.error(line, ImportProblem.NOTIFICATION_STATE_INVALID);
        }
        return new Result(new BuiltinRow(line, tokenId, record.cell(USER_KEY).get(), name.value(), hash.get(),
                created.get(), BuiltinDates.isNever(expires.get()) ? null : expires.get(), lastAccessed, state), null);
    }

    public long line() {
        return line;
    }

    public String tokenId() {
        return tokenId;
    }

    public String userKey() {
        return userKey;
    }

    /**
     * The built-in app's notice state ({@code NOT_SENT}, {@code EXPIRE_SOON_SENT}, {@code EXPIRED_SENT}), validated;
     * empty when the file has none.
     */
    public Optional<String> notificationState() {
        return Optional.ofNullable(notificationState);
    }

    /**
     * The token to store: full rights (a built-in token has its owner's), any address, created by its owner, its
     * built-in hash until its first use, and a hint of the first characters every token with its id starts with.
     */
    AccessToken toToken() {
        return AccessToken.builder()
                .ownerKey(userKey)
                .name(name)
                .createdAt(createdAt)
                .expiresAt(expiresAt)
                .lastUsed(lastAccessedAt, null)
                .scope(Scope.WRITE)
                .createdBy(userKey)
                .hash(hash.text(), Pkcs5s2Hash.ALGORITHM)
                .hint(BuiltinToken.hintOfId(tokenId))
                .builtinId(tokenId)
                .noticeSent(noticeSent())
                .build();
    }

    /**
     * What the built-in app already told the owner, so no notice goes twice: {@code EXPIRED_SENT} is our expired
     * notice; {@code EXPIRE_SOON_SENT} its one "expires soon" notice, taken as the last of ours (only the one at
     * expiry is still due); {@code NOT_SENT} or none, nothing yet.
     */
    private NoticeStage noticeSent() {
        if ("EXPIRED_SENT".equals(notificationState)) {
            return NoticeStage.EXPIRED;
        }
        return "EXPIRE_SOON_SENT".equals(notificationState) ? NoticeStage.expiresWithin(1) : null;
    }

    @Override
    public String toString() {
        return "BuiltinRow[line " + line + ", id=" + tokenId + ", user=" + userKey + "]";
    }

    /** A row or why it was refused. */
    static final class Result {
        final BuiltinRow row;
        final ImportRowError error;

        Result(BuiltinRow row, ImportRowError error) {
            this.row = row;
            this.error = error;
        }

        static Result error(long line, ImportProblem problem, String... arguments) {
            return new Result(null, new ImportRowError(line, problem, arguments));
        }
    }
}
