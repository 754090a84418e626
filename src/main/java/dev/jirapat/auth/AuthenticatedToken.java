package dev.jirapat.auth;

import dev.jirapat.token.AccessToken;
import dev.jirapat.token.RequestToken;

import javax.servlet.ServletRequest;
import java.util.Optional;

/**
 * The token that authenticated the current request, as the Bearer filter records it on the request for the
 * REST layer ({@code GET /tokens/current}, the "may not outlive the calling token" rule).
 */
public final class AuthenticatedToken {
    /** Request attribute holding the {@link AccessToken} of a token-authenticated request. */
    public static final String ATTRIBUTE = RequestToken.ATTRIBUTE;

    private AuthenticatedToken() {
    }

    public static void record(ServletRequest request, AccessToken token) {
        request.setAttribute(ATTRIBUTE, token);
    }

    public static Optional<AccessToken> of(ServletRequest request) {
        return Optional.ofNullable(RequestToken.from(request.getAttribute(ATTRIBUTE)));
    }
}
