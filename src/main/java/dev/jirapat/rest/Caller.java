package dev.jirapat.rest;

import dev.jirapat.token.AccessToken;
import dev.jirapat.token.Actor;

import java.util.Optional;

/** The logged-in user of a request and, for a token-authenticated request, the token. */
final class Caller {
    private final Actor actor;

    Caller(Actor actor) {
        this.actor = actor;
    }

    /** What the use cases need; carries the calling token so a token cannot mint a longer-lived one. */
    Actor actor() {
        return actor;
    }

    String userKey() {
        return actor.userKey();
    }

    Optional<AccessToken> token() {
        return actor.viaToken();
    }
}
