package dev.jirapat.auth;

import com.atlassian.annotations.security.UnrestrictedAccess;
import com.atlassian.jira.user.ApplicationUser;
import dev.jirapat.auth.BearerTokenExtractor.Extraction;
import dev.jirapat.auth.BearerTokenExtractor.Kind;
import dev.jirapat.token.AccessToken;
import dev.jirapat.token.CheckResult;
import dev.jirapat.token.RequestFacts;
import dev.jirapat.token.PolicySource;
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
 * ours: the request passes on untouched, unless its session was started by a token request, which keeps it bound
 * to that token ({@link TokenSessions}). Ours and bad: refused, never served anonymously. Mounted at
 * {@code before-login} so Seraph sees the login; {@code @UnrestrictedAccess} keeps Jira 10 from skipping it.
 */
@UnrestrictedAccess
public final class BearerAuthenticationFilter implements Filter {
    private static final Logger log = LoggerFactory.getLogger(BearerAuthenticationFilter.class);

    private final TokenService tokens;
    private final PolicySource settings;
    private final RequestLogin login;
    private final AuthFailureResponder responder;
    private final LastUsedRecorder lastUsed;
    private final Clock clock;
    private final FailureThrottle throttle;
    private final RefusalLog refusals;

    public BearerAuthenticationFilter(TokenService tokens, PolicySource settings, RequestLogin login,
                                      AuthFailureResponder responder, LastUsedRecorder lastUsed, Clock clock) {
        this.tokens = tokens;
        this.settings = settings;
        this.login = login;
        this.responder = responder;
        this.lastUsed = lastUsed;
        this.clock = clock;
        this.throttle = new FailureThrottle(clock);
        this.refusals = new RefusalLog(log, clock);
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse resp, FilterChain chain) throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) req;
        HttpServletResponse response = (HttpServletResponse) resp;
        Extraction presented = BearerTokenExtractor.extract(request.getHeaders("Authorization"));
        if (presented.kind() == Kind.ABSENT) {
            Optional<String> sessionToken = TokenSessions.tokenHashOf(request);
            if (sessionToken.isPresent()) {
                continueTokenSession(request, response, chain, sessionToken.get());
            } else {
                chain.doFilter(req, resp);
            }
            return;
        }
        String ip = ClientAddress.normalise(request.getRemoteAddr());
        String client = ClientKey.of(ip);
        TokenPolicy policy;
        try {
            policy = settings.policy();
        } catch (RuntimeException e) {
            unavailable(request, response, e);
            return;
        }
        if (presented.kind() == Kind.BASIC && !policy.allowBasicAuth()) {
            chain.doFilter(req, resp); // Basic stays a password: Jira refuses it as one
            return;
        }
        long wait = throttle.secondsToWait(client, policy.failedChecksPerMinute());
        if (wait > 0) {
            refusals.refused(ip, "too many failed token checks from this client", null);
            responder.throttled(response, wait);
            return;
        }
        if (presented.kind() == Kind.MALFORMED) {
            failed(ip, policy, presented.reason(), null);
            responder.invalidRequest(response, presented.reason());
            return;
        }
        if (!policy.enabled()) {
            failed(ip, policy, "personal access tokens are turned off", null);
            responder.invalidToken(response, AuthFailureResponder.DISABLED);
            return;
        }
        Instant now = clock.instant();
        CheckResult result;
        Optional<ApplicationUser> owner = Optional.empty();
        try {
            result = tokens.check(presented.token(), facts(request, ip), now);
            if (result.isValid()) {
                owner = login.activeOwner(result.token().get());
            }
        } catch (RuntimeException e) {
            unavailable(request, response, e);
            return;
        }
        String hint = result.token().map(AccessToken::hint).orElse(null);
        if (!result.isValid() || !owner.isPresent()) {
            TokenCheck outcome = result.isValid() ? TokenCheck.OWNER_INACTIVE : result.outcome();
            if (isUse(outcome)) {
                refusals.refused(ip, outcome.name(), hint); // a working token used where it may not be
            } else {
                failed(ip, policy, outcome.name(), hint);
            }
            responder.rejected(response, outcome);
            return;
        }
        if (presented.kind() == Kind.BASIC && !owner.get().getName().equalsIgnoreCase(presented.username())) {
            failed(ip, policy, "the Basic username is not the token's owner", hint);
            responder.invalidToken(response, AuthFailureResponder.INVALID);
            return;
        }
        AccessToken token = result.token().get();
        HttpServletRequest loggedIn;
        try {
            loggedIn = login.logIn(request, response, owner.get(), token, keepsSession(request, policy));
        } catch (RuntimeException e) {
            unavailable(request, response, e);
            return;
        }
        AuthenticatedToken.record(loggedIn, token);
        lastUsed.record(token, now, ip);
        log.debug("Token {} authenticated a {} request from {}", hint, request.getMethod(), request.getRemoteAddr());
        try {
            chain.doFilter(loggedIn, resp);
        } finally {
            login.end(loggedIn);
        }
    }

    /**
     * A request on a session that a token request started (only with session invalidation off): it is still that
     * token's request, checked like one on every request, so it keeps the token's scope, allowlist and minting
     * limits, and the session ends the moment the token is revoked, rotated, expired or its owner deactivated.
     */
    private void continueTokenSession(HttpServletRequest request, HttpServletResponse response, FilterChain chain,
                                      String hash) throws IOException, ServletException {
        String ip = ClientAddress.normalise(request.getRemoteAddr());
        Instant now = clock.instant();
        CheckResult result;
        try {
            result = tokens.checkHash(hash, facts(request, ip), now);
        } catch (RuntimeException e) {
            unavailable(request, response, e);
            return;
        }
        String hint = result.token().map(AccessToken::hint).orElse(null);
        if (!result.isValid()) {
            refusals.refused(ip, "session of a token: " + result.outcome().name(), hint);
            if (!isUse(result.outcome())) {
                TokenSessions.end(request); // the token no longer works, so neither does its session
            }
            responder.rejected(response, result.outcome());
            return;
        }
        AuthenticatedToken.record(request, result.token().get());
        lastUsed.record(result.token().get(), now, ip);
        chain.doFilter(request, response);
    }

    /** Outcomes of a working token used beyond its limits: not failures of the client to present a token. */
    private static boolean isUse(TokenCheck outcome) {
        return outcome == TokenCheck.INSUFFICIENT_SCOPE || outcome == TokenCheck.AMBIGUOUS_PATH;
    }

    private void failed(String ip, TokenPolicy policy, String reason, String hint) {
        throttle.failed(ClientKey.of(ip), policy.failedChecksPerMinute());
        refusals.refused(ip, reason, hint);
    }

    private void unavailable(HttpServletRequest request, HttpServletResponse response, RuntimeException e) throws IOException {
        log.warn("Could not check a token from {}; answering 503: {}", request.getRemoteAddr(), e.toString());
        responder.unavailable(response);
    }

    private static RequestFacts facts(HttpServletRequest request, String ip) {
        return new RequestFacts(request.getMethod(), ip, RoutedPath.of(request));
    }

    /**
     * Whether the login may go into the container session (whose cookie then outlives the request): only when the
     * admin turned session invalidation off, and only on a request without a session of its own (a browser session
     * never changes user). Such a session stays bound to the token ({@link TokenSessions}).
     */
    private static boolean keepsSession(HttpServletRequest request, TokenPolicy policy) {
        return !policy.invalidateSession() && request.getSession(false) == null;
    }

    @Override
    public void init(FilterConfig filterConfig) {
    }

    @Override
    public void destroy() {
    }
}
