package dev.jirapat.auth;

import com.atlassian.annotations.security.UnrestrictedAccess;
import dev.jirapat.auth.BearerTokenExtractor.Extraction;
import dev.jirapat.auth.BearerTokenExtractor.Kind;
import dev.jirapat.token.AccessToken;
import dev.jirapat.token.ClientAddress;
import dev.jirapat.token.CheckResult;
import dev.jirapat.token.PolicySource;
import dev.jirapat.token.RequestFacts;
import dev.jirapat.token.TokenChecker;
import dev.jirapat.token.TokenPolicy;
import dev.jirapat.token.TokenRefusal;
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
 * {@code Authorization: Bearer jpat_...} (or, when the admin allows it, {@code Basic user:jpat_...}), or a Bearer
 * token of Jira's built-in app whose id was imported, logs the request in as the token's owner, for this request only: extract, check ({@link TokenChecker}), then log in or
 * refuse ({@link AuthFailure}). Not ours: the request passes on untouched, unless its session was started by a
 * token request, which keeps it bound to that token ({@link TokenSessions}). Ours and bad: refused, never served
 * anonymously; a check that cannot be made (database, users, policy) is a 503. A client that causes too many
 * failed checks waits ({@link FailureThrottle}) before any look-up; refusals are logged aggregated
 * ({@link RefusalLog}). Mounted at {@code before-login} so Seraph sees the login; {@code @UnrestrictedAccess}
 * keeps Jira 10 from skipping it.
 */
@UnrestrictedAccess
public final class BearerAuthenticationFilter implements Filter {
    private static final Logger log = LoggerFactory.getLogger(BearerAuthenticationFilter.class);

    private final TokenChecker checker;
    private final PolicySource policies;
    private final RequestLogin login;
    private final AuthFailureResponder responder;
    private final LastUsedRecorder lastUsed;
    private final Clock clock;
    private final FailureThrottle throttle;
    private final RefusalLog refusals;

    public BearerAuthenticationFilter(TokenChecker checker, PolicySource policies, RequestLogin login,
                                      AuthFailureResponder responder, LastUsedRecorder lastUsed, Clock clock) {
        this.checker = checker;
        this.policies = policies;
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
        Attempt attempt;
        try {
            attempt = attempt(request);
        } catch (RuntimeException e) {
            attempt = Attempt.refused(unavailable(request, e));
        }
        if (attempt.notOurs) {
            chain.doFilter(req, resp);
            return;
        }
        if (attempt.failure != null) {
            responder.respond(response, attempt.failure);
            return;
        }
        AccessToken token = attempt.accepted.token().get();
        HttpServletRequest loggedIn;
        try {
            loggedIn = attempt.onTokenSession ? request
                    : login.logIn(request, response, attempt.accepted.owner().get(), token, attempt.keepSession);
        } catch (RuntimeException e) {
            responder.respond(response, unavailable(request, e));
            return;
        }
        AuthenticatedToken.record(loggedIn, token);
        lastUsed.record(token, attempt.at, attempt.ip);
        log.debug("Token {} authenticated a {} request from {}", token.hint(), request.getMethod(), attempt.ip);
        try {
            chain.doFilter(loggedIn, resp);
        } finally {
            login.end(loggedIn);
        }
    }

    /** Extract and check: whether the request is ours, and if so who it is or why it is refused. */
    private Attempt attempt(HttpServletRequest request) {
        Extraction presented = BearerTokenExtractor.extract(request.getHeaders("Authorization"));
        if (presented.kind() == Kind.ABSENT) {
            Optional<String> sessionToken = TokenSessions.tokenHashOf(request);
            return sessionToken.isPresent() ? continueTokenSession(request, sessionToken.get()) : Attempt.NOT_OURS;
        }
        if (presented.kind() == Kind.BUILTIN && !checker.isImportedBuiltin(presented.token())) {
            return Attempt.NOT_OURS; // a token of Jira's built-in app that was never imported: Jira's concern
        }
        TokenPolicy policy = policies.policy();
        if (presented.kind() == Kind.BASIC && !policy.allowBasicAuth()) {
            return Attempt.NOT_OURS; // Basic stays a password: Jira refuses it as one
        }
        String ip = ClientAddress.normalise(request.getRemoteAddr());
        long wait = throttle.secondsToWait(ClientKey.of(ip), policy.failedChecksPerMinute());
        if (wait > 0) {
            refusals.refused(ip, "too many failed token checks from this client", null);
            return Attempt.refused(AuthFailure.throttled(wait));
        }
        if (presented.kind() == Kind.MALFORMED) {
            failed(ip, policy, presented.reason(), null);
            return Attempt.refused(AuthFailure.invalidRequest(presented.reason()));
        }
        Instant now = clock.instant();
        CheckResult result = checker.check(presented.token(), facts(request, ip, presented.username()), policy, now);
        if (!result.isAccepted()) {
            TokenRefusal refusal = result.refusal().get();
            if (refusal.isBeyondScope()) {
                refusals.refused(ip, refusal.name(), hint(result)); // a working token used where it may not be
            } else {
                failed(ip, policy, refusal.name(), hint(result));
            }
            return Attempt.refused(AuthFailure.of(refusal));
        }
        return Attempt.logIn(result, now, ip, keepsSession(request, policy));
    }

    /**
     * A request on a session that a token request started (only with session invalidation off): it is still that
     * token's request, checked like one on every request, so it keeps the token's scope, allowlist and minting
     * limits, and the session ends the moment the token is revoked, rotated, expired, its owner deactivated or
     * tokens turned off.
     */
    private Attempt continueTokenSession(HttpServletRequest request, String hash) {
        String ip = ClientAddress.normalise(request.getRemoteAddr());
        Instant now = clock.instant();
        CheckResult result = checker.checkHash(hash, facts(request, ip, null), policies.policy(), now);
        if (!result.isAccepted()) {
            TokenRefusal refusal = result.refusal().get();
            refusals.refused(ip, "session of a token: " + refusal.name(), hint(result));
            if (!refusal.isBeyondScope()) {
                TokenSessions.end(request); // the token no longer works, so neither does its session
            }
            return Attempt.refused(AuthFailure.of(refusal));
        }
        return Attempt.onTokenSession(result, now, ip);
    }

    private void failed(String ip, TokenPolicy policy, String reason, String hint) {
        throttle.failed(ClientKey.of(ip), policy.failedChecksPerMinute());
        refusals.refused(ip, reason, hint);
    }

    private static AuthFailure unavailable(HttpServletRequest request, RuntimeException e) {
        log.warn("Could not check a token from {}; answering 503: {}", request.getRemoteAddr(), e.toString());
        return AuthFailure.unavailable();
    }

    private static String hint(CheckResult result) {
        return result.token().map(AccessToken::hint).orElse(null);
    }

    private static RequestFacts facts(HttpServletRequest request, String ip, String basicUsername) {
        return new RequestFacts(request.getMethod(), ip, RoutedPath.of(request), basicUsername);
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

    /** What extracting and checking came to: not ours, refused, or an accepted token to serve the request as. */
    private static final class Attempt {
        static final Attempt NOT_OURS = new Attempt(true, null, null, null, null, false, false);

        final boolean notOurs;
        final AuthFailure failure;
        final CheckResult accepted;
        final Instant at;
        final String ip;
        /** The request's own session is the token's: it is logged in already. */
        final boolean onTokenSession;
        final boolean keepSession;

        private Attempt(boolean notOurs, AuthFailure failure, CheckResult accepted, Instant at, String ip,
                        boolean onTokenSession, boolean keepSession) {
            this.notOurs = notOurs;
            this.failure = failure;
            this.accepted = accepted;
            this.at = at;
            this.ip = ip;
            this.onTokenSession = onTokenSession;
            this.keepSession = keepSession;
        }

        static Attempt refused(AuthFailure failure) {
            return new Attempt(false, failure, null, null, null, false, false);
        }

        static Attempt logIn(CheckResult accepted, Instant at, String ip, boolean keepSession) {
            return new Attempt(false, null, accepted, at, ip, false, keepSession);
        }

        static Attempt onTokenSession(CheckResult accepted, Instant at, String ip) {
            return new Attempt(false, null, accepted, at, ip, true, false);
        }
    }
}
