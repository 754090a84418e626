package dev.jirapat.rest;

import dev.jirapat.token.IssuedToken;
import dev.jirapat.token.TokenStatus;
import org.codehaus.jackson.annotate.JsonProperty;
import org.codehaus.jackson.annotate.JsonPropertyOrder;

/**
 * The 201 answer to create, rotate and service-token requests: a {@link TokenBean} plus {@code rawToken}. The only
 * bean that carries a raw token; its response is sent with {@code Cache-Control: no-store}.
 */
@JsonPropertyOrder({"id", "name", "createdAt", "expiringAt", "lastAccessedAt", "lastAccessedIp", "scope", "allowedIps",
        "createdBy", "status", "neverExpires", "origin", "rawToken"})
public final class CreatedTokenBean extends TokenBean {
    @JsonProperty("rawToken")
    private final String rawToken;

    CreatedTokenBean(IssuedToken issued, String createdBy, TokenStatus status) {
        super(issued.token(), createdBy, status);
        this.rawToken = issued.rawToken();
    }

    @Override
    public String toString() {
        return "CreatedTokenBean[" + id() + "]";
    }
}
