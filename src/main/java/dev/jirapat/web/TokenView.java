package dev.jirapat.web;

import dev.jirapat.token.AccessToken;
import dev.jirapat.token.TokenStatus;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * One token as the profile panel shows it. Immutable. Every text a user typed is exposed only through a
 * {@code …Html} getter that escapes it: Jira's renderer does not escape references named {@code …Html}, so the
 * text is escaped exactly once whether or not the host auto-escapes the others.
 */
public final class TokenView {
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private final long id;
    private final String name;
    private final String scope;
    private final String created;
    private final String expires;
    private final String lastUsed;
    private final String lastUsedIp;
    private final String status;
    private final boolean rotatable;

    TokenView(AccessToken token, TokenStatus status) {
        this.id = token.id();
        this.name = token.name();
        this.scope = token.scope().wireName();
        this.created = format(token.createdAt());
        this.expires = token.expiresAt().map(TokenView::format).orElse(null);
        this.lastUsed = token.lastUsedAt().map(TokenView::format).orElse(null);
        this.lastUsedIp = token.lastUsedIp().orElse(null);
        this.status = status.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        // The service refuses to rotate an expired token; the page offers only what the service would do.
        this.rotatable = status != TokenStatus.EXPIRED;
    }

    private static String format(Instant instant) {
        return DATE.format(instant);
    }

    public long getId() {
        return id;
    }

    public String getNameHtml() {
        return Html.escape(name);
    }

    /** {@code read} or {@code write}. */
    public String getScope() {
        return scope;
    }

    public String getCreated() {
        return created;
    }

    /** Null for a token that never expires. */
    public String getExpires() {
        return expires;
    }

    /** Null until first use. */
    public String getLastUsed() {
        return lastUsed;
    }

    public String getLastUsedIpHtml() {
        return Html.escape(lastUsedIp);
    }

    /** {@code active}, {@code expires-soon} or {@code expired}. */
    public String getStatus() {
        return status;
    }

    /** Whether the owner may rotate it: not once it has expired (a new token must be created then). */
    public boolean isRotatable() {
        return rotatable;
    }
}
