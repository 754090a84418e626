package dev.jirapat.token;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * What a new or renewed token may be: the one place for the rules a token is made under, for create and rotate
 * alike. A new token's name and allowlist are read here; a renewed token keeps its own and must not have expired.
 * Both then pass the same limits: a lifetime the policy allows, and, when a token authenticates the request, no
 * more than the calling token may do (no wider scope, an allowlist inside its own, no later expiry).
 */
final class TokenTerms {
    /** At most this many IP ranges per token (keeps the stored list within one indexed-size column). */
    static final int MAX_IP_RANGES = 10;

    private final String name;
    private final Scope scope;
    private final List<IpRange> allowedIps;
    private final Instant expiresAt;

    private TokenTerms(String name, Scope scope, List<IpRange> allowedIps, Instant expiresAt) {
        this.name = name;
        this.scope = scope;
        this.allowedIps = Collections.unmodifiableList(new ArrayList<>(allowedIps));
        this.expiresAt = expiresAt;
    }

    /** The terms of a token to create: its name, allowlist and lifetime as asked for, within the limits. */
    static Outcome<TokenTerms> forNew(Actor actor, TokenRequest request, TokenPolicy policy, Instant now) {
        Outcome<String> name = TokenNames.validate(request.name(), policy.nameMaxLength());
        if (name.isRejected()) {
            return Outcome.rejected(name.rejection());
        }
        Outcome<List<IpRange>> ranges = parseRanges(request.allowedIps());
        if (ranges.isRejected()) {
            return Outcome.rejected(ranges.rejection());
        }
        return within(actor, name.value(), request.scope(), ranges.value(), request.expirationDays(), now, policy);
    }

    /**
     * The terms of a token's next secret: same name, scope, allowlist and lifetime (counted from now), within the
     * limits in force now. An expired token is refused: once expired, a token never works again.
     */
    static Outcome<TokenTerms> forRenewal(Actor actor, AccessToken old, TokenPolicy policy, Instant now) {
        if (old.isExpired(now)) {
            return Outcome.rejected(Rejection.TOKEN_EXPIRED);
        }
        Integer days = old.expiresAt().isPresent()
                ? Integer.valueOf((int) Math.max(1, Duration.between(old.createdAt(), old.expiresAt().get()).toDays()))
                : null;
        return within(actor, old.name(), old.scope(), old.allowedIps(), days, now, policy);
    }

    AccessToken.Builder applyTo(AccessToken.Builder token) {
        return token.name(name).scope(scope).allowedIps(allowedIps).expiresAt(expiresAt);
    }

    private static Outcome<TokenTerms> within(Actor actor, String name, Scope scope, List<IpRange> ranges, Integer days,
                                              Instant now, TokenPolicy policy) {
        Outcome<List<IpRange>> confined = confine(actor, scope, ranges);
        if (confined.isRejected()) {
            return Outcome.rejected(confined.rejection());
        }
        Outcome<Optional<Instant>> expiry = expiry(actor, days, now, policy);
        if (expiry.isRejected()) {
            return Outcome.rejected(expiry.rejection());
        }
        return Outcome.of(new TokenTerms(name, scope, confined.value(), expiry.value().orElse(null)));
    }

    static Outcome<List<IpRange>> parseRanges(List<String> texts) {
        if (texts.size() > MAX_IP_RANGES) {
            return Outcome.rejected(Rejection.TOO_MANY_IP_RANGES);
        }
        List<IpRange> ranges = new ArrayList<>();
        for (String text : texts) {
            Optional<IpRange> range = IpRange.parse(text == null ? null : text.trim());
            if (!range.isPresent()) {
                return Outcome.rejected(Rejection.INVALID_IP_RANGE);
            }
            if (!ranges.contains(range.get())) {
                ranges.add(range.get());
            }
        }
        return Outcome.of(ranges);
    }

    /**
     * A token minted by a token can do no more than its caller: a read caller mints read tokens only, and a caller
     * with an IP allowlist passes it on (when none is asked for) or requires every asked-for range inside it.
     */
    static Outcome<List<IpRange>> confine(Actor actor, Scope scope, List<IpRange> requested) {
        Optional<AccessToken> caller = actor.viaToken();
        if (!caller.isPresent()) {
            return Outcome.of(requested);
        }
        if (caller.get().scope() == Scope.READ && scope != Scope.READ) {
            return Outcome.rejected(Rejection.WIDER_THAN_CALLING_TOKEN);
        }
        List<IpRange> callerRanges = caller.get().allowedIps();
        if (callerRanges.isEmpty()) {
            return Outcome.of(requested);
        }
        if (requested.isEmpty()) {
            return Outcome.of(callerRanges);
        }
        for (IpRange range : requested) {
            boolean inside = false;
            for (IpRange outer : callerRanges) {
                inside |= outer.encloses(range);
            }
            if (!inside) {
                return Outcome.rejected(Rejection.WIDER_THAN_CALLING_TOKEN);
            }
        }
        return Outcome.of(requested);
    }

    /** The expiry for a lifetime in days (null = never), under the policy and the calling token's own expiry. */
    private static Outcome<Optional<Instant>> expiry(Actor actor, Integer days, Instant now, TokenPolicy policy) {
        Optional<Instant> expiry;
        if (days == null) {
            if (!policy.eternalAllowed()) {
                return Outcome.rejected(Rejection.ETERNAL_NOT_ALLOWED);
            }
            expiry = Optional.empty();
        } else if (days < 1) {
            return Outcome.rejected(Rejection.DURATION_TOO_SHORT);
        } else if (days > policy.maxExpiryDays()) {
            return Outcome.rejected(Rejection.DURATION_TOO_LONG);
        } else {
            expiry = Optional.of(now.plus(Duration.ofDays(days)));
        }
        Optional<Instant> callerExpiry = actor.viaToken().flatMap(AccessToken::expiresAt);
        if (callerExpiry.isPresent() && (!expiry.isPresent() || expiry.get().isAfter(callerExpiry.get()))) {
            return Outcome.rejected(Rejection.OUTLIVES_CALLING_TOKEN);
        }
        return Outcome.of(expiry);
    }
}
