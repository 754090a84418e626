package dev.jirapat.testing;

import dev.jirapat.token.UserAccount;
import dev.jirapat.token.Users;

import java.util.List;
import java.util.Optional;

/** {@link Users} that forwards every call; a test overrides the one it watches or changes. */
public class ForwardingUsers implements Users {
    private final Users delegate;

    public ForwardingUsers(Users delegate) {
        this.delegate = delegate;
    }

    @Override
    public Optional<UserAccount> byKey(String key) {
        return delegate.byKey(key);
    }

    @Override
    public Optional<UserAccount> byName(String username) {
        return delegate.byName(username);
    }

    @Override
    public boolean isSystemAdmin(String key) {
        return delegate.isSystemAdmin(key);
    }

    @Override
    public List<UserAccount> search(String contains, int limit) {
        return delegate.search(contains, limit);
    }
}
