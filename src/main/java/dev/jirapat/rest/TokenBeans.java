package dev.jirapat.rest;

import dev.jirapat.token.AccessToken;
import dev.jirapat.token.IssuedToken;
import dev.jirapat.token.TokenPage;
import dev.jirapat.token.UserAccount;
import dev.jirapat.token.Users;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Domain tokens to response beans; resolves user keys to users once per response. */
public final class TokenBeans {
    private final Users users;

    public TokenBeans(Users users) {
        this.users = users;
    }

    TokenBean token(AccessToken token) {
        return new TokenBean(token, new Lookup().username(token.createdBy()));
    }

    List<TokenBean> tokens(List<AccessToken> tokens) {
        Lookup lookup = new Lookup();
        List<TokenBean> out = new ArrayList<>();
        for (AccessToken token : tokens) {
            out.add(new TokenBean(token, lookup.username(token.createdBy())));
        }
        return out;
    }

    CreatedTokenBean created(IssuedToken issued) {
        return new CreatedTokenBean(issued, new Lookup().username(issued.token().createdBy()));
    }

    TokenPageBean page(TokenPage page) {
        Lookup lookup = new Lookup();
        List<AdminTokenBean> values = new ArrayList<>();
        for (AccessToken token : page.values()) {
            Optional<UserAccount> owner = lookup.user(token.ownerKey());
            values.add(new AdminTokenBean(token, lookup.username(token.createdBy()),
                    owner.isPresent() ? new UserBean(owner.get()) : new UserBean(token.ownerKey())));
        }
        return new TokenPageBean(values, page.page(), page.size(), page.isLastPage(), page.totalPages());
    }

    List<UserBean> users(List<UserAccount> accounts) {
        List<UserBean> out = new ArrayList<>();
        for (UserAccount account : accounts) {
            out.add(new UserBean(account));
        }
        return out;
    }

    private final class Lookup {
        private final Map<String, Optional<UserAccount>> byKey = new HashMap<>();

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
    }
}
