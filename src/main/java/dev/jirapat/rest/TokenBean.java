package dev.jirapat.rest;

import dev.jirapat.token.AccessToken;
import dev.jirapat.token.IpRange;
import dev.jirapat.token.TokenOrigin;
import dev.jirapat.token.TokenStatus;

import java.util.ArrayList;
import java.util.List;

/**
 * A token as {@code GET /tokens} and {@code GET /tokens/{id}} show it: the built-in app's fields ({@code id},
 * {@code name}, {@code createdAt}, {@code expiringAt}, {@code lastAccessedAt} once used) and ours
 * ({@code lastAccessedIp}, {@code scope}, {@code allowedIps} when the token has an allowlist, {@code createdBy},
 * {@code status} and {@code neverExpires}, so that no client computes either from the dates; {@code origin}
 * {@code "builtin"} for a token imported from the built-in app, omitted for ours, so a client that compares our
 * objects field by field with the built-in app's sees nothing new). Null fields are omitted. Never the raw token.
 * {@code name} and {@code createdBy} are text a user chose ({@link JsonWriter#userText(String)}).
 */
public class TokenBean implements JsonWritable {
    private final long id;
    private final String name;
    private final String createdAt;
    private final String expiringAt;
    private final String lastAccessedAt;
    private final String lastAccessedIp;
    private final String scope;
    private final List<String> allowedIps;
    private final String createdBy;
    private final String status;
    private final boolean neverExpires;
    private final String origin;

    /**
     * @param createdBy the username of whoever minted the token
     * @param status    the token's status by the server's clock and the policy's warning window
     */
    TokenBean(AccessToken token, String createdBy, TokenStatus status) {
        this.id = token.id();
        this.name = token.name();
        this.createdAt = Wire.date(token.createdAt());
        this.expiringAt = token.expiresAt().map(Wire::date).orElse(Wire.NEVER);
        this.lastAccessedAt = token.lastUsedAt().map(Wire::date).orElse(null);
        this.lastAccessedIp = token.lastUsedAt().isPresent() ? token.lastUsedIp().orElse(null) : null;
        this.scope = token.scope().wireName();
        List<String> ranges = new ArrayList<>();
        for (IpRange range : token.allowedIps()) {
            ranges.add(range.toString());
        }
        this.allowedIps = ranges.isEmpty() ? null : ranges;
        this.createdBy = createdBy;
        this.status = Wire.status(status);
        this.neverExpires = !token.expiresAt().isPresent();
        this.origin = token.origin() == TokenOrigin.JPAT ? null : token.origin().wireName();
    }

    public long id() {
        return id;
    }

    @Override
    public final void writeJson(JsonWriter out) {
        out.beginObject();
        writeFields(out);
        out.endObject();
    }

    /** This token's properties in wire order; a subclass adds its own after them. */
    void writeFields(JsonWriter out) {
        out.field("id", id)
                .userTextField("name", name)
                .field("createdAt", createdAt)
                .field("expiringAt", expiringAt)
                .field("lastAccessedAt", lastAccessedAt)
                .field("lastAccessedIp", lastAccessedIp)
                .field("scope", scope)
                .stringsField("allowedIps", allowedIps)
                .userTextField("createdBy", createdBy)
                .field("status", status)
                .field("neverExpires", neverExpires)
                .field("origin", origin);
    }
}
