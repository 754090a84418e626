package dev.jirapat.token;

import java.util.Locale;

/**
 * Why one row of an import from Jira's built-in app was not imported. The REST layer turns each into a sentence
 * for a person ({@link #key()} in the i18n bundle, with the row error's arguments); the admin fixes the file and
 * imports it again (rows imported before are skipped).
 */
public enum ImportProblem {
    /** A required column is empty in this row; argument: the column. */
    MISSING_VALUE,
    /** {@code TOKEN_ID} is not 12 digits. */
    TOKEN_ID_INVALID,
    /** {@code USER_KEY} names no user Jira knows (deleted since). */
    USER_UNKNOWN,
    NAME_BLANK,
    NAME_INVALID_CHARACTERS,
    /** Argument: the longest name allowed. */
    NAME_TOO_LONG,
    /** {@code HASHED_TOKEN} is not a {@code {PKCS5S2}} hash of the built-in app. */
    HASH_INVALID,
    /** Argument: the column. */
    DATE_INVALID,
    /** {@code NOTIFICATION_STATE} is none of the built-in app's values. */
    NOTIFICATION_STATE_INVALID,
    /** The same {@code TOKEN_ID} earlier in the file; argument: that row's line. */
    DUPLICATE,
    /** A value that is not text or a number (a JSON object or array); argument: the column. */
    VALUE_NOT_TEXT,
    /** A CSV row with more or fewer cells than the header names; arguments: the header's count, the row's. */
    FIELD_COUNT,
    /** The same column twice in one JSON object (names differing in case only); argument: the column. */
    COLUMN_TWICE,
    /** The row collides with a stored token (the same built-in hash under another id). */
    CONFLICT;

    /** {@code pat.import.problem.name.too.long} for {@link #NAME_TOO_LONG}. */
    public String key() {
        return "pat.import.problem." + name().toLowerCase(Locale.ROOT).replace('_', '.');
    }
}
