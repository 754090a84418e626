package dev.jirapat.token;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** What a caller asks for when creating a token; validated by {@link TokenService} against the policy. */
public final class TokenRequest {
    private final String name;
    private final Integer expirationDays;
    private final Scope scope;
    private final List<String> allowedIps;

    /**
     * @param expirationDays days until expiry, or null for a token that never expires
     * @param allowedIps     CIDR texts as the caller sent them; parsed and validated by the service
     */
    public TokenRequest(String name, Integer expirationDays, Scope scope, List<String> allowedIps) {
        this.name = name;
        this.expirationDays = expirationDays;
        this.scope = scope == null ? Scope.WRITE : scope;
        this.allowedIps = allowedIps == null ? Collections.<String>emptyList()
                : Collections.unmodifiableList(new ArrayList<>(allowedIps));
    }

    public static TokenRequest named(String name, Integer expirationDays) {
        return new TokenRequest(name, expirationDays, Scope.WRITE, null);
    }

    public String name() {
        return name;
    }

    public Integer expirationDays() {
        return expirationDays;
    }

    public Scope scope() {
        return scope;
    }

    public List<String> allowedIps() {
        return allowedIps;
    }
}
