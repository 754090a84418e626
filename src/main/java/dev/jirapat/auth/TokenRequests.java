package dev.jirapat.auth;

import dev.jirapat.token.AccessToken;

import javax.servlet.ServletRequest;
import java.util.Optional;

/**
 * The old name of {@link AuthenticatedToken} (it collided with the domain's {@code TokenRequest}), kept only until
 * the REST layer's {@code Callers} uses the new name; then delete this class.
 *
 * @deprecated use {@link AuthenticatedToken}
 */
@Deprecated
public final class TokenRequests {
    private TokenRequests() {
    }

    public static void record(ServletRequest request, AccessToken token) {
        AuthenticatedToken.record(request, token);
    }

    public static Optional<AccessToken> of(ServletRequest request) {
        return AuthenticatedToken.of(request);
    }
}
