package dev.jirapat.token;

import java.util.Optional;

/** What the admin search sorts by; wire names as in Jira's built-in API. */
public enum SortField {
    NAME("name"), CREATED_AT("createdAt"), EXPIRING_AT("expiringAt"), LAST_ACCESSED_AT("lastAccessedAt"), USER_KEY("userKey");

    private final String wireName;

    SortField(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static Optional<SortField> parse(String text) {
        for (SortField f : values()) {
            if (f.wireName.equals(text)) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }
}
