package dev.jirapat.devhost;

import com.atlassian.sal.api.auth.AuthenticationListener;
import com.atlassian.sal.api.auth.Authenticator;

import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import javax.servlet.http.HttpSession;

/**
 * SAL's AuthenticationListener as sal-core's SeraphAuthenticationListener behaves (docs/host-api.md, "Seraph
 * login"): the principal into Seraph's session attribute, the logged-out mark removed, the request marked as
 * logged in and already filtered. Like SAL's, it does not set Seraph 4's user-id attribute.
 */
final class DevAuthenticationListener implements AuthenticationListener {
    @Override
    public void authenticationSuccess(Authenticator.Result result, HttpServletRequest request, HttpServletResponse response) {
        HttpSession session = request.getSession();
        session.setAttribute(Seraph.LOGGED_IN_KEY, result.getPrincipal());
        session.setAttribute(Seraph.LOGGED_OUT_KEY, null);
        request.setAttribute(Seraph.OS_AUTHSTATUS, "success");
        request.setAttribute(Seraph.ALREADY_FILTERED, Boolean.TRUE);
    }
}
