package dev.jirapat.token;

import java.util.Locale;
import java.util.Optional;

/** What a token may do. A read token may only use safe HTTP methods on the REST API. */
public enum Scope {
    READ, WRITE;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Scope> parse(String text) {
        for (Scope scope : values()) {
            if (scope.wireName().equals(text)) {
                return Optional.of(scope);
            }
        }
        return Optional.empty();
    }

    /**
     * Whether a request may use a token of this scope. A read token may only use safe methods, and only on the
     * REST API: elsewhere in Jira (web actions, servlets) a GET can change data.
     */
    public boolean permits(String httpMethod, PathKind path) {
        if (this == WRITE) {
            return true;
        }
        boolean safe = "GET".equals(httpMethod) || "HEAD".equals(httpMethod) || "OPTIONS".equals(httpMethod);
        return safe && path == PathKind.REST_API;
    }
}
