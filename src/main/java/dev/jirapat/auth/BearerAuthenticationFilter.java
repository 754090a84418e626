package dev.jirapat.auth;

import com.atlassian.annotations.security.UnrestrictedAccess;
import com.atlassian.jira.user.ApplicationUser;
import dev.jirapat.auth.BearerTokenExtractor.Extraction;
import dev.jirapat.auth.BearerTokenExtractor.Kind;
import dev.jirapat.token.AccessToken;
import dev.jirapat.token.CheckResult;
import dev.jirapat.token.Scope;
import dev.jirapat.token.Settings;
import dev.jirapat.token.TokenCheck;
import dev.jirapat.token.TokenPolicy;
import dev.jirapat.token.TokenService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.servlet.Filter;
import javax.servlet.FilterChain;
import javax.servlet.FilterConfig;
import javax.servlet.ServletException;
import javax.servlet.ServletRequest;
import javax.servlet.ServletResponse;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * {@code Authorization: Bearer jpat_...} (or, when the admin allows it, {@code Basic user:jpat_...}) logs the
 * request in as the token's owner, for this request only. Wiring only: extract, check, log in or refuse. Not
 * ours: the request passes on untouched. Ours and bad: refused, never served anonymously. Mounted at
 * {@code before-login} so Seraph sees the login; {@code @UnrestrictedAccess} keeps Jira 10 from skipping it.
 */
@UnrestrictedAccess
public final class BearerAuthenticationFilter implements Filter {
    private static final Logger log = LoggerFactory.getLogger(BearerAuthenticationFilter.class);

    private final TokenService tokens;
    private final Settings settings;
    private final RequestLogin login;
    private final AuthFailureResponder responder;
    private final LastUsedRecorder lastUsed;
    private final Clock clock;

    public BearerAuthenticationFilter(TokenService tokens, Settings settings, RequestLogin login,
                                      AuthFailureResponder responder, LastUsedRecorder lastUsed, Clock clock) {
        this.tokens = tokens;
        this.settings = settings;
        this.login = login;
        this.responder = responder;
        this.lastUsed = lastUsed;
        this.clock = clock;
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse resp, FilterChain chain) throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) req;
        HttpServletResponse response = (HttpServletResponse) resp;
        Extraction presented = BearerTokenExtractor.extract(request.getHeaders("Authorization"));
        if (presented.kind() == Kind.ABSENT) {
            chain.doFilter(req, resp);
            return;
        }
        if (presented.kind() == Kind.MALFORMED) {
            log.info("Refused a token request from {}: {}", request.getRemoteAddr(), presented.reason());
            responder.invalidRequest(response, presented.reason());
            return;
        }
        Instant now = clock.instant();
        String ip = ClientAddress.normalise(request.getRemoteAddr());
        TokenPolicy policy;
        CheckResult result;
        Optional<ApplicationUser> owner = Optional.empty();
        try {
            policy = settings.policy();
            if (presented.kind() == Kind.BASIC && !policy.allowBasicAuth()) {
                chain.doFilter(req, resp); // Basic stays a password: Jira refuses it as one
                return;
            }
            if (!policy.enabled()) {
                refuse(request, "personal access tokens are turned off", null);
                responder.invalidToken(response, AuthFailureResponder.DISABLED);
                return;
            }
            result = tokens.check(presented.token(), request.getMethod(), ip, now);
            if (result.isValid()) {
                owner = login.activeOwner(result.token().get());
            }
        } catch (RuntimeException e) {
            log.warn("Could not check a token from {}; answering 503: {}", request.getRemoteAddr(), e.toString());
            responder.unavailable(response);
            return;
        }
        String hint = result.token().map(AccessToken::hint).orElse(null);
        if (!result.isValid() || !owner.isPresent()) {
            TokenCheck outcome = result.isValid() ? TokenCheck.OWNER_INACTIVE : result.outcome();
            refuse(request, outcome.name(), hint);
            responder.rejected(response, outcome);
            return;
        }
        if (presented.kind() == Kind.BASIC && !owner.get().getName().equalsIgnoreCase(presented.username())) {
            refuse(request, "the Basic username is not the token's owner", hint);
            responder.invalidToken(response, AuthFailureResponder.INVALID);
            return;
        }
        AccessToken token = result.token().get();
        if (token.scope() == Scope.READ && !isRestApi(request)) {
            // GET is not always safe outside the REST API (web actions and servlets change data on GET too).
            refuse(request, "a read token outside /rest/", hint);
            responder.rejected(response, TokenCheck.INSUFFICIENT_SCOPE);
            return;
        }
        HttpServletRequest loggedIn;
        try {
            loggedIn = login.logIn(request, response, owner.get(), token, keepsSession(request, token, policy));
        } catch (RuntimeException e) {
            log.warn("Could not log a token request from {} in; answering 503: {}", request.getRemoteAddr(), e.toString());
            responder.unavailable(response);
            return;
        }
        TokenRequests.record(loggedIn, token);
        lastUsed.record(token, now, ip);
        log.debug("Token {} authenticated a {} request from {}", hint, request.getMethod(), request.getRemoteAddr());
        try {
            chain.doFilter(loggedIn, resp);
        } finally {
            login.end(loggedIn);
        }
    }

    /**
     * Whether the login may go into the container session (whose cookie then outlives the request). Only when the
     * admin turned session invalidation off, and only for a token a cookie can stand for: a write token without an
     * allowlist (a cookie carries neither scope nor addresses) on a request without a session of its own (a
     * browser session never changes user).
     */
    private static boolean keepsSession(HttpServletRequest request, AccessToken token, TokenPolicy policy) {
        return !policy.invalidateSession() && token.scope() == Scope.WRITE && token.allowedIps().isEmpty()
                && request.getSession(false) == null;
    }

    private static boolean isRestApi(HttpServletRequest request) {
        return request.getRequestURI().startsWith(request.getContextPath() + "/rest/");
    }

    private static void refuse(HttpServletRequest request, String reason, String hint) {
        log.info("Refused a token from {}: {}{}", request.getRemoteAddr(), reason, hint == null ? "" : " (token " + hint + ")");
    }

    @Override
    public void init(FilterConfig filterConfig) {
    }

    @Override
    public void destroy() {
    }
}
