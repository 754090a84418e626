package dev.jirapat.token;

/** Which app issued a token's secret: ours ({@code jpat_...}) or Jira's built-in PAT app (imported). */
public enum TokenOrigin {
    JPAT("jpat"),
    BUILTIN("builtin");

    private final String wireName;

    TokenOrigin(String wireName) {
        this.wireName = wireName;
    }

    /** The name in REST token objects ({@code "origin"}). */
    public String wireName() {
        return wireName;
    }
}
