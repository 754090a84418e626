package dev.jirapat.rest;

import dev.jirapat.token.AccessToken;
import dev.jirapat.token.IpRange;
import dev.jirapat.token.TokenOrigin;
import dev.jirapat.token.TokenStatus;
import org.codehaus.jackson.annotate.JsonProperty;
import org.codehaus.jackson.annotate.JsonPropertyOrder;
import org.codehaus.jackson.map.annotate.JsonSerialize;

import java.util.ArrayList;
import java.util.List;

/**
 * A token as {@code GET /tokens} and {@code GET /tokens/{id}} show it: the built-in app's fields ({@code id},
 * {@code name}, {@code createdAt}, {@code expiringAt}, {@code lastAccessedAt} once used) and ours
 * ({@code lastAccessedIp}, {@code scope}, {@code allowedIps} when the token has an allowlist, {@code createdBy},
 * {@code status} and {@code neverExpires}, so that no client computes either from the dates; {@code origin}
 * {@code "builtin"} for a token imported from the built-in app, omitted for ours, so a client that compares our
 * objects field by field with the built-in app's sees nothing new). Null fields are omitted. Never the raw token.
 */
@JsonPropertyOrder({"id", "name", "createdAt", "expiringAt", "lastAccessedAt", "lastAccessedIp", "scope", "allowedIps",
        "createdBy", "status", "neverExpires", "origin"})
public class TokenBean {
    @JsonProperty("id")
    private final long id;
    @JsonProperty("name")
    @JsonSerialize(using = Utf8Text.class)
    private final String name;
    @JsonProperty("createdAt")
    private final String createdAt;
    @JsonProperty("expiringAt")
    private final String expiringAt;
    @JsonProperty("lastAccessedAt")
    private final String lastAccessedAt;
    @JsonProperty("lastAccessedIp")
    private final String lastAccessedIp;
    @JsonProperty("scope")
    private final String scope;
    @JsonProperty("allowedIps")
    private final List<String> allowedIps;
    @JsonProperty("createdBy")
    @JsonSerialize(using = Utf8Text.class)
    private final String createdBy;
    @JsonProperty("status")
    private final String status;
    @JsonProperty("neverExpires")
    private final boolean neverExpires;
    @JsonProperty("origin")
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
}
