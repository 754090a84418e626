package dev.jirapat.rest;

import dev.jirapat.token.AccessToken;
import dev.jirapat.token.Actor;
import dev.jirapat.token.PolicySource;
import dev.jirapat.token.Rejection;
import dev.jirapat.token.TokenPolicy;
import dev.jirapat.token.TokenService;
import dev.jirapat.token.UserAccount;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The one place a {@link Rejection} becomes an HTTP status, an {@code exception} name, a message and the request
 * field it is about. The messages are written for the person who reads them on a page (no wire names; "you" when
 * the token is the caller's own, the owner's name when an administrator acts for someone else; counts through
 * the bundle's choice formats); the field is the wire name, so a page can mark its own field.
 *
 * <p>Message arguments: {@code {0}} a number (a {@code Long}, for {@code {0,choice,...}}), {@code {1}} the owner's
 * display name or the username the caller gave.
 */
public final class Refusals {
    /** Rejections whose message names the owner: the key gets {@code .owner} when the owner is not the caller. */
    private static final Set<Rejection> ABOUT_OWNER = EnumSet.of(Rejection.TOKEN_LIMIT_REACHED, Rejection.OWNER_INACTIVE);
    /** The request field (wire name) each rejection is about. */
    private static final Map<Rejection, String> FIELDS = new EnumMap<>(Rejection.class);

    static {
        for (Rejection r : EnumSet.of(Rejection.NAME_BLANK, Rejection.NAME_TOO_LONG, Rejection.NAME_INVALID_CHARACTERS)) {
            FIELDS.put(r, "name");
        }
        for (Rejection r : EnumSet.of(Rejection.DURATION_TOO_SHORT, Rejection.DURATION_TOO_LONG,
                Rejection.ETERNAL_NOT_ALLOWED, Rejection.OUTLIVES_CALLING_TOKEN)) {
            FIELDS.put(r, "expirationDuration");
        }
        FIELDS.put(Rejection.INVALID_IP_RANGE, "allowedIps");
        FIELDS.put(Rejection.TOO_MANY_IP_RANGES, "allowedIps");
        FIELDS.put(Rejection.OWNER_UNKNOWN, "username");
        FIELDS.put(Rejection.OWNER_INACTIVE, "username");
    }

    private final Messages messages;
    private final PolicySource policySource;

    public Refusals(Messages messages, PolicySource policySource) {
        this.messages = messages;
        this.policySource = policySource;
    }

    /** A refusal of something the caller asked for on their own tokens. */
    ApiException of(Rejection rejection, Actor actor) {
        return refusal(rejection, actor, null, null);
    }

    /** A refusal of something the caller asked for on {@code owner}'s tokens (the caller may be the owner). */
    ApiException of(Rejection rejection, Actor actor, UserAccount owner) {
        boolean you = owner.key().equals(actor.userKey());
        return refusal(rejection, actor, you ? null : owner.displayName(), null);
    }

    /** No user has the username an administrator gave for a new token's owner. */
    ApiException unknownOwner(String username) {
        return refusal(Rejection.OWNER_UNKNOWN, null, null, Messages.quote(username));
    }

    /** Whether the message for this rejection says "you" or names someone else. */
    static String key(Rejection rejection, boolean aboutSomeoneElse) {
        return Messages.key(rejection) + (aboutSomeoneElse && ABOUT_OWNER.contains(rejection) ? ".owner" : "");
    }

    /** The wire name of the field this rejection is about, or null. */
    static String field(Rejection rejection) {
        return FIELDS.get(rejection);
    }

    private ApiException refusal(Rejection rejection, Actor actor, String otherOwner, String username) {
        TokenPolicy policy = policySource.policy();
        String name = otherOwner != null ? otherOwner : username;
        String message = messages.get(key(rejection, otherOwner != null), count(rejection, policy, actor), name == null ? "" : name);
        switch (rejection) {
            case NOT_PERMITTED:
                return new ApiException(403, ApiException.AUTHORISATION, message);
            case TOKEN_LIMIT_REACHED:
                return new ApiException(403, ApiException.TOKEN_LIMIT, message);
            case NOT_FOUND:
                return new ApiException(404, ApiException.WEB_APPLICATION, message);
            default:
                return ApiException.badRequest(message, field(rejection));
        }
    }

    /** Argument {0}: the number the message counts, or, for an expiry, the calling token's expiry date. */
    private static Object count(Rejection rejection, TokenPolicy policy, Actor actor) {
        switch (rejection) {
            case NAME_TOO_LONG:
                return (long) policy.nameMaxLength();
            case DURATION_TOO_LONG:
            case ETERNAL_NOT_ALLOWED:
                return (long) policy.maxExpiryDays();
            case TOKEN_LIMIT_REACHED:
                return (long) policy.maxTokensPerUser();
            case TOO_MANY_IP_RANGES:
                return (long) TokenService.MAX_IP_RANGES;
            case OUTLIVES_CALLING_TOKEN:
                return actor.viaToken().flatMap(AccessToken::expiresAt).map(Wire::date).orElse(Wire.NEVER);
            default:
                return "";
        }
    }
}
