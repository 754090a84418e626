package dev.jirapat.token;

import java.util.Objects;
import java.util.Optional;

/**
 * Who is calling a use case: a user (by key), possibly through the token that authenticated the request, or the
 * system, for work no user started (jobs).
 *
 * <p>The system actor may read every user's tokens ({@code get}, {@code listOf}, {@code search}) and revoke any
 * ({@code revoke}, {@code revokeIfExists}, {@code revokeAll}, {@code revokeAllOf}): what a job that prunes
 * expired tokens, removes a deleted user's tokens or reminds owners of an expiry needs. Nothing else: it owns no
 * tokens ({@code list} is empty), may not create one (a token is minted by a person, named as its creator) or
 * rotate one (a rotation hands the new secret to its caller), and may not change the policy (an
 * administrator's decision). It has no user key, so it never passes for a user, not even one whose key is
 * "system", and a permission check that asks for a user key fails instead of guessing.
 *
 * <p>A user actor may carry the client address its request came from ({@link #from(String)}), so the events of
 * what it did can name it (owner mails, audit); it plays no part in any permission.
 */
public final class Actor {
    private static final Actor SYSTEM = new Actor(null, null, null);

    private final String userKey;
    private final AccessToken viaToken;
    private final String clientAddress;

    private Actor(String userKey, AccessToken viaToken, String clientAddress) {
        this.userKey = userKey;
        this.viaToken = viaToken;
        this.clientAddress = clientAddress;
    }

    public static Actor user(String userKey) {
        return new Actor(Objects.requireNonNull(userKey, "userKey"), null, null);
    }

    public static Actor viaToken(AccessToken token) {
        return new Actor(token.ownerKey(), token, null);
    }

    /**
     * The same actor, calling from this client address (normalised by {@link ClientAddress}); a blank address
     * leaves it without one. The system calls from nowhere: it stays itself.
     */
    public Actor from(String remoteAddr) {
        String address = ClientAddress.normalise(remoteAddr);
        return isSystem() ? this : new Actor(userKey, viaToken, address.isEmpty() ? null : address);
    }

    /** The client address of the request the actor acted through, when known. */
    public Optional<String> clientAddress() {
        return Optional.ofNullable(clientAddress);
    }

    /** Work no user started, such as a scheduled job. */
    public static Actor system() {
        return SYSTEM;
    }

    public boolean isSystem() {
        return userKey == null;
    }

    /**
     * The acting user's key.
     *
     * @throws IllegalStateException for the system actor, which is no user
     */
    public String userKey() {
        if (userKey == null) {
            throw new IllegalStateException("the system actor has no user key");
        }
        return userKey;
    }

    public Optional<AccessToken> viaToken() {
        return Optional.ofNullable(viaToken);
    }

    @Override
    public String toString() {
        return userKey == null ? "Actor[system]"
                : "Actor[" + userKey + (viaToken == null ? "" : " via " + viaToken.hint()) + "]";
    }
}
