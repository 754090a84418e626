package dev.jirapat.token;

import java.util.Locale;
import java.util.Optional;

/** What a token may do. A read token may only use safe HTTP methods. */
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

    public boolean permits(String httpMethod) {
        if (this == WRITE) {
            return true;
        }
        return "GET".equals(httpMethod) || "HEAD".equals(httpMethod) || "OPTIONS".equals(httpMethod);
    }
}
