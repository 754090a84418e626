package dev.jirapat.auth;

import dev.jirapat.token.AccessToken;

import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpSession;
import java.util.Optional;

/**
 * A container session started by a token request (only with session invalidation off) remembers the token's hash
 * (never the token), so every later request on its cookie is checked as that token's request. The hash, not the
 * id: a rotation changes it, so the session of a rotated token ends like that of a revoked one.
 */
final class TokenSessions {
    static final String ATTRIBUTE = "dev.jirapat.session.tokenHash";

    private TokenSessions() {
    }

    static void bind(HttpSession session, AccessToken token) {
        session.setAttribute(ATTRIBUTE, token.hash());
    }

    /** The hash of the token that started this request's session, if a token started it. */
    static Optional<String> tokenHashOf(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session == null) {
            return Optional.empty();
        }
        try {
            Object hash = session.getAttribute(ATTRIBUTE);
            return hash instanceof String ? Optional.of((String) hash) : Optional.<String>empty();
        } catch (IllegalStateException invalidated) {
            return Optional.empty();
        }
    }

    /** Ends the session: its login goes with it. */
    static void end(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            try {
                session.invalidate();
            } catch (IllegalStateException alreadyInvalid) {
                // nothing left to end
            }
        }
    }
}
