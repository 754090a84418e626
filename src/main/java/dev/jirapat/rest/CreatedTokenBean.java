package dev.jirapat.rest;

import dev.jirapat.token.IssuedToken;
import dev.jirapat.token.TokenStatus;

/**
 * The 201 answer to create, rotate and service-token requests: a {@link TokenBean} plus {@code rawToken}. The only
 * bean that carries a raw token; its response is sent with {@code Cache-Control: no-store}.
 */
public final class CreatedTokenBean extends TokenBean {
    private final String rawToken;

    CreatedTokenBean(IssuedToken issued, String createdBy, TokenStatus status) {
        super(issued.token(), createdBy, status);
        this.rawToken = issued.rawToken();
    }

    @Override
    void writeFields(JsonWriter out) {
        super.writeFields(out);
        out.field("rawToken", rawToken);
    }

    @Override
    public String toString() {
        return "CreatedTokenBean[" + id() + "]";
    }
}
