package dev.jirapat.auth;

import com.atlassian.sal.api.auth.AuthenticationListener;
import com.atlassian.sal.api.auth.Authenticator;
import com.atlassian.sal.api.message.I18nResolver;
import dev.jirapat.token.AccessToken;
import dev.jirapat.token.UserAccount;

import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import java.security.Principal;

/**
 * The one adapter to Jira's login machinery (docs/host-api.md, "Seraph login"): SAL's AuthenticationListener puts
 * the user into the session Seraph reads; we add Seraph 4's user-id attribute (which wins over a session's earlier
 * user), the web-sudo exemption Atlassian's own token filters set (docs/host-api.md, "Web-sudo exemption for token
 * requests"), and Seraph's "already filtered" mark so Seraph never retries a {@code Basic user:jpat_...} header as
 * a password. It logs in the host's own user object that the token check found active
 * ({@link UserAccount#principal()}), so it needs no user look-up and no host user type of its own.
 */
public final class RequestLogin {
    static final String LOGGED_IN_USER_ID_KEY = "seraph_defaultauthenticator_user_id";
    static final String ACCESS_TOKEN_REQUEST = "access.token.request";
    static final String ALREADY_FILTERED = "loginfilter.already.filtered";
    static final String MESSAGE_KEY = "pat.auth.success";

    private final AuthenticationListener authenticationListener;
    private final I18nResolver i18n;

    public RequestLogin(AuthenticationListener authenticationListener, I18nResolver i18n) {
        this.authenticationListener = authenticationListener;
        this.i18n = i18n;
    }

    /**
     * Makes {@code owner} the user of this request, as Seraph will read it further down the chain, and returns the
     * request to pass down. Normally the login lives in a session private to this request
     * ({@link RequestScopedSession}): the container never creates one, so there is no cookie to replay. With
     * {@code keepSession} SAL's listener writes to the container session instead, which outlives the request and
     * stays bound to the token.
     *
     * @throws IllegalStateException when the account carries no host user object (a user adapter that cannot
     *                               log anyone in): the caller fails closed
     */
    public HttpServletRequest logIn(HttpServletRequest request, HttpServletResponse response, UserAccount owner,
                                    AccessToken token, boolean keepSession) {
        Principal user = owner.principal().orElseThrow(
                () -> new IllegalStateException("no host user object to log in for " + owner));
        HttpServletRequest loggedIn = keepSession ? request : RequestScopedSession.wrap(request, token.id());
        authenticationListener.authenticationSuccess(
                new Authenticator.Result.Success(i18n.createMessage(MESSAGE_KEY), user), loggedIn, response);
        loggedIn.getSession().setAttribute(LOGGED_IN_USER_ID_KEY, user.getName());
        if (keepSession) {
            TokenSessions.bind(loggedIn.getSession(), token);
        }
        loggedIn.setAttribute(ACCESS_TOKEN_REQUEST, Boolean.TRUE);
        loggedIn.setAttribute(ALREADY_FILTERED, Boolean.TRUE);
        return loggedIn;
    }

    /** After the request: a request-scoped session ends (its bound values are told); a kept one stays. */
    public void end(HttpServletRequest loggedIn) {
        RequestScopedSession.end(loggedIn);
    }
}
