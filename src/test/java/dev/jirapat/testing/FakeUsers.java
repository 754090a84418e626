package dev.jirapat.testing;

import dev.jirapat.token.UserAccount;
import dev.jirapat.token.Users;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/** In-memory users: the edge of the domain that tests may stand in for. */
public final class FakeUsers implements Users {
    private final Map<String, UserAccount> byKey = new ConcurrentHashMap<>();
    private final Set<String> admins = ConcurrentHashMap.newKeySet();

    /** The fixture users, named as the dev host's: admin (system admin), alice, bob, and carol (inactive). */
    public static FakeUsers fixture() {
        FakeUsers users = new FakeUsers();
        users.add("admin", true, true);
        users.add("alice", true, false);
        users.add("bob", true, false);
        users.add("carol", false, false);
        return users;
    }

    /** Adds a user whose key differs from the username, as Jira's migrated keys (JIRAUSER10100) do. */
    public void add(String username, boolean active, boolean admin) {
        String key = "key-" + username;
        byKey.put(key, new UserAccount(key, username, username.substring(0, 1).toUpperCase() + username.substring(1),
                username + "@example.com", active));
        if (admin) {
            admins.add(key);
        }
    }

    public void setActive(String username, boolean active) {
        UserAccount u = byKey.get(key(username));
        byKey.put(u.key(), new UserAccount(u.key(), u.username(), u.displayName(), u.email(), active));
    }

    public static String key(String username) {
        return "key-" + username;
    }

    @Override
    public Optional<UserAccount> byKey(String key) {
        return Optional.ofNullable(byKey.get(key));
    }

    @Override
    public Optional<UserAccount> byName(String username) {
        return byKey.values().stream().filter(u -> u.username().equals(username)).findFirst();
    }

    @Override
    public boolean isSystemAdmin(String key) {
        return admins.contains(key) && byKey(key).map(UserAccount::active).orElse(false);
    }

    @Override
    public List<UserAccount> search(String contains, int limit) {
        String text = contains == null ? "" : contains.trim().toLowerCase(Locale.ROOT);
        return byKey.values().stream()
                .filter(u -> !text.isEmpty() && (u.username().toLowerCase(Locale.ROOT).contains(text)
                        || u.displayName().toLowerCase(Locale.ROOT).contains(text)
                        || u.email().toLowerCase(Locale.ROOT).contains(text)))
                .sorted((a, b) -> a.username().compareTo(b.username()))
                .limit(Math.max(0, limit)).collect(Collectors.toList());
    }
}
