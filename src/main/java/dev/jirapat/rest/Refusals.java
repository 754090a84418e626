package dev.jirapat.rest;

import dev.jirapat.token.AccessToken;
import dev.jirapat.token.Actor;
import dev.jirapat.token.Rejection;
import dev.jirapat.token.PolicySource;
import dev.jirapat.token.TokenPolicy;
import dev.jirapat.token.TokenService;

/** The one place a {@link Rejection} becomes an HTTP status, an {@code exception} name and a message. */
public final class Refusals {
    private final Messages messages;
    private final PolicySource policySource;

    public Refusals(Messages messages, PolicySource policySource) {
        this.messages = messages;
        this.policySource = policySource;
    }

    ApiException of(Rejection rejection, Actor actor) {
        TokenPolicy policy = policySource.policy();
        String message = messages.get(Messages.key(rejection), arguments(rejection, policy, actor));
        switch (rejection) {
            case NOT_PERMITTED:
                return new ApiException(403, ApiException.AUTHORISATION, message);
            case TOKEN_LIMIT_REACHED:
                return new ApiException(403, ApiException.TOKEN_LIMIT, message);
            case NOT_FOUND:
                return new ApiException(404, ApiException.WEB_APPLICATION, message);
            default:
                return ApiException.badRequest(message);
        }
    }

    private static Object[] arguments(Rejection rejection, TokenPolicy policy, Actor actor) {
        switch (rejection) {
            case NAME_TOO_LONG:
                return new Object[] {policy.nameMaxLength()};
            case DURATION_TOO_LONG:
            case ETERNAL_NOT_ALLOWED:
                return new Object[] {policy.maxExpiryDays()};
            case TOKEN_LIMIT_REACHED:
                return new Object[] {policy.maxTokensPerUser()};
            case TOO_MANY_IP_RANGES:
                return new Object[] {TokenService.MAX_IP_RANGES};
            case OUTLIVES_CALLING_TOKEN:
                return new Object[] {actor.viaToken().flatMap(AccessToken::expiresAt).map(Wire::date).orElse(Wire.NEVER)};
            default:
                return new Object[0];
        }
    }
}
