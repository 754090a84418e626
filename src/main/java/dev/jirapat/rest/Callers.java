package dev.jirapat.rest;

import com.atlassian.jira.security.JiraAuthenticationContext;
import com.atlassian.jira.user.ApplicationUser;
import dev.jirapat.auth.TokenRequests;
import dev.jirapat.token.AccessToken;
import dev.jirapat.token.Actor;
import dev.jirapat.token.Users;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.servlet.http.HttpServletRequest;
import java.util.Optional;

/**
 * Who is calling: Jira's logged-in user (Basic, session, or the Bearer filter's login) and the token the Bearer
 * filter recorded on the request. Every endpoint needs a login (401); admin endpoints need a system
 * administrator (403).
 */
final class Callers {
    private static final Logger log = LoggerFactory.getLogger(Callers.class);

    private final JiraAuthenticationContext authentication;
    private final Users users;
    private final Messages messages;

    Callers(JiraAuthenticationContext authentication, Users users, Messages messages) {
        this.authentication = authentication;
        this.users = users;
        this.messages = messages;
    }

    Caller require(HttpServletRequest request) {
        ApplicationUser user = authentication.getLoggedInUser();
        if (user == null) {
            throw new ApiException(401, ApiException.AUTHORISATION, messages.get(Messages.NOT_AUTHENTICATED));
        }
        Optional<AccessToken> token = TokenRequests.of(request);
        if (token.isPresent() && !token.get().ownerKey().equals(user.getKey())) {
            // Jira's user and the recorded token disagree: act as neither.
            log.warn("Refusing a REST call: the request is logged in as {} but carries token {} of another user",
                    user.getKey(), token.get().hint());
            throw new ApiException(401, ApiException.AUTHORISATION, messages.get(Messages.NOT_AUTHENTICATED));
        }
        Actor actor = token.isPresent() ? Actor.viaToken(token.get()) : Actor.user(user.getKey());
        return new Caller(actor);
    }

    Caller requireAdmin(HttpServletRequest request) {
        Caller caller = require(request);
        if (!users.isSystemAdmin(caller.userKey())) {
            throw new ApiException(403, ApiException.AUTHORISATION, messages.get(Messages.NOT_ADMIN));
        }
        return caller;
    }
}
