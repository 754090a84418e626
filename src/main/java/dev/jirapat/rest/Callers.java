package dev.jirapat.rest;

import dev.jirapat.token.AccessToken;
import dev.jirapat.token.RequestToken;
import dev.jirapat.token.Actor;
import dev.jirapat.token.CurrentUser;
import dev.jirapat.token.UserAccount;
import dev.jirapat.token.Users;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.servlet.http.HttpServletRequest;
import java.util.Optional;

/**
 * Who is calling, as the use cases' {@link Actor}: the host's logged-in user (Basic, session, or the Bearer filter's
 * login) and, for a token-authenticated request, the token the Bearer filter recorded on the request, so that a
 * token cannot mint one that can do more. Every endpoint needs a login (401); admin endpoints need a system
 * administrator (403). The actor carries the request's client address for the events it causes. This is the one
 * place access is decided, on every Jira line: the resources are {@code @UnrestrictedAccess}, so that Jira 10's
 * and 11's defaults neither turn callers away before this check nor answer them in the platform's words.
 */
public final class Callers {
    private static final Logger log = LoggerFactory.getLogger(Callers.class);

    private final CurrentUser currentUser;
    private final Users users;
    private final Messages messages;

    public Callers(CurrentUser currentUser, Users users, Messages messages) {
        this.currentUser = currentUser;
        this.users = users;
        this.messages = messages;
    }

    Actor require(HttpServletRequest request) {
        Optional<UserAccount> user = currentUser.get();
        if (!user.isPresent()) {
            throw new ApiException(401, ApiException.AUTHORISATION, messages.get(Messages.NOT_AUTHENTICATED));
        }
        String userKey = user.get().key();
        Optional<AccessToken> token = Optional.ofNullable(RequestToken.from(request.getAttribute(RequestToken.ATTRIBUTE)));
        if (token.isPresent() && !token.get().ownerKey().equals(userKey)) {
            // The host's user and the recorded token disagree: act as neither.
            log.warn("Refusing a REST call: the request is logged in as {} but carries token {} of another user",
                    userKey, token.get().hint());
            throw new ApiException(401, ApiException.AUTHORISATION, messages.get(Messages.NOT_AUTHENTICATED));
        }
        // The client address as the Bearer filter sees it, so owner mails and the audit log can name it.
        return (token.isPresent() ? Actor.viaToken(token.get()) : Actor.user(userKey)).from(request.getRemoteAddr());
    }

    Actor requireAdmin(HttpServletRequest request) {
        Actor actor = require(request);
        if (!users.isSystemAdmin(actor.userKey())) {
            throw new ApiException(403, ApiException.AUTHORISATION, messages.get(Messages.NOT_ADMIN));
        }
        return actor;
    }
}
