package dev.jirapat.rest;

import dev.jirapat.token.AccessToken;
import dev.jirapat.token.IssuedToken;
import dev.jirapat.token.PolicySource;
import dev.jirapat.token.TokenPage;
import dev.jirapat.token.TokenStatus;
import dev.jirapat.token.UserAccount;
import dev.jirapat.token.Users;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Domain tokens to response beans. Per response, user keys are resolved to users once, and every token's status is
 * computed at one instant of the server's clock under the policy's warning window, read once.
 */
public final class TokenBeans {
    private final Users users;
    private final PolicySource policySource;
    private final Clock clock;

    public TokenBeans(Users users, PolicySource policySource, Clock clock) {
        this.users = users;
        this.policySource = policySource;
        this.clock = clock;
    }

    TokenBean token(AccessToken token) {
        Batch batch = new Batch();
        return new TokenBean(token, batch.username(token.createdBy()), batch.status(token));
    }

    List<TokenBean> tokens(List<AccessToken> tokens) {
        Batch batch = new Batch();
        List<TokenBean> out = new ArrayList<>();
        for (AccessToken token : tokens) {
            out.add(new TokenBean(token, batch.username(token.createdBy()), batch.status(token)));
        }
        return out;
    }

    CreatedTokenBean created(IssuedToken issued) {
        Batch batch = new Batch();
        return new CreatedTokenBean(issued, batch.username(issued.token().createdBy()), batch.status(issued.token()));
    }

    TokenPageBean page(TokenPage page) {
        Batch batch = new Batch();
        List<AdminTokenBean> values = new ArrayList<>();
        for (AccessToken token : page.values()) {
            Optional<UserAccount> owner = batch.user(token.ownerKey());
            values.add(new AdminTokenBean(token, batch.username(token.createdBy()), batch.status(token),
                    owner.isPresent() ? new UserBean(owner.get()) : new UserBean(token.ownerKey()),
                    owner.isPresent() && owner.get().active()));
        }
        return new TokenPageBean(values, page.page(), page.size(), page.isLastPage(), page.totalPages(), page.totalExact());
    }

    List<UserBean> users(List<UserAccount> accounts) {
        List<UserBean> out = new ArrayList<>();
        for (UserAccount account : accounts) {
            out.add(new UserBean(account));
        }
        return out;
    }

    /** The current instant as statuses are computed and searched by: milliseconds, what the database keeps. */
    static Instant now(Clock clock) {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    /** What one response reads once: its users, the instant and the warning window of its statuses. */
    private final class Batch {
        private final Map<String, Optional<UserAccount>> byKey = new HashMap<>();
        private final Instant now = now(clock);
        private final int warningDays = policySource.policy().expiryWarningDays();

        Optional<UserAccount> user(String key) {
            Optional<UserAccount> user = byKey.get(key);
            if (user == null) {
                user = users.byKey(key);
                byKey.put(key, user);
            }
            return user;
        }

        /** The username, or the key itself for a user Jira no longer knows. */
        String username(String key) {
            return user(key).map(UserAccount::username).orElse(key);
        }

        TokenStatus status(AccessToken token) {
            return token.status(now, warningDays);
        }
    }
}
