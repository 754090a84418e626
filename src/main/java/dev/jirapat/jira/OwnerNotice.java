package dev.jirapat.jira;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** One mail to one token owner: what happened to which of their tokens, who did it, when and from where. */
final class OwnerNotice {
    enum Kind {
        CREATED("created"), ROTATED("rotated"), REVOKED("revoked"), REVOKED_MANY("revokedMany"), PRUNED("pruned"),
        EXPIRES_SOON("expiresSoon"), EXPIRED("expired");

        final String key;

        Kind(String key) {
            this.key = key;
        }
    }

    /** A token as a mail names it: id, name and hint, never a secret. */
    static final class Token {
        final long id;
        final String name;
        final String hint;

        Token(long id, String name, String hint) {
            this.id = id;
            this.name = name;
            this.hint = hint;
        }
    }

    final Kind kind;
    final String ownerKey;
    final List<Token> tokens;
    final String actorKey; // null: the system (Jira)
    final Instant at;
    final String clientAddress; // null: not known
    final Instant expiresAt; // null: not shown
    final int days;

    OwnerNotice(Kind kind, String ownerKey, List<Token> tokens, String actorKey, Instant at, String clientAddress,
                Instant expiresAt, int days) {
        this.kind = kind;
        this.ownerKey = ownerKey;
        this.tokens = Collections.unmodifiableList(new ArrayList<>(tokens));
        this.actorKey = actorKey;
        this.at = at;
        this.clientAddress = clientAddress;
        this.expiresAt = expiresAt;
        this.days = days;
    }

    @Override
    public String toString() {
        List<Long> ids = new ArrayList<>();
        for (Token t : tokens) {
            ids.add(t.id);
        }
        return "OwnerNotice[" + kind.key + ", owner=" + ownerKey + ", tokens=" + ids + "]";
    }
}
