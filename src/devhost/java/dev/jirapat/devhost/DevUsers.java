package dev.jirapat.devhost;

import com.atlassian.jira.bc.user.search.UserSearchParams;
import com.atlassian.jira.bc.user.search.UserSearchService;
import com.atlassian.jira.permission.GlobalPermissionKey;
import com.atlassian.jira.security.GlobalPermissionManager;
import com.atlassian.jira.user.ApplicationUser;
import com.atlassian.jira.user.util.UserManager;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The host's user directory: Jira's {@link UserManager}, {@link UserSearchService} and
 * {@link GlobalPermissionManager} over the fixture users admin/admin (system admin), alice/alice ("Alice Example",
 * alice@example.com), bob/bob ("Bob Example") and carol/carol ("Carol Example", inactive).
 */
public final class DevUsers implements UserManager, UserSearchService, GlobalPermissionManager {
    /** The fixture users: each one's password is its name; keys differ from names, as migrated Jira keys do. */
    public static final String ADMIN = "admin";
    public static final String ADMIN_KEY = "JIRAUSER10000";
    public static final String ALICE = "alice";
    public static final String ALICE_KEY = "JIRAUSER10100";
    public static final String BOB = "bob";
    public static final String BOB_KEY = "JIRAUSER10101";
    /** Inactive: login and Basic authentication are refused. */
    public static final String CAROL = "carol";
    public static final String CAROL_KEY = "JIRAUSER10102";

    private final Map<String, DevUser> byName = new LinkedHashMap<>();

    public static DevUsers fixture() {
        DevUsers users = new DevUsers();
        users.add(ADMIN_KEY, ADMIN, "Administrator", true, true);
        users.add(ALICE_KEY, ALICE, "Alice Example", true, false);
        users.add(BOB_KEY, BOB, "Bob Example", true, false);
        users.add(CAROL_KEY, CAROL, "Carol Example", false, false);
        return users;
    }

    private void add(String key, String name, String displayName, boolean active, boolean admin) {
        byName.put(name, new DevUser(key, name, displayName, active, admin, Pkcs5s2.hash(name)));
    }

    /** The user with this name and password, active or not (the caller decides what inactive means). */
    Optional<DevUser> authenticate(String name, String password) {
        DevUser user = name == null ? null : byName.get(name);
        return user != null && user.passwordMatches(password) ? Optional.of(user) : Optional.<DevUser>empty();
    }

    /** For tests: (de)activate a fixture user. */
    public void setActive(String name, boolean active) {
        byName.get(name).setActive(active);
    }

    Collection<DevUser> all() {
        return byName.values();
    }

    @Override
    public ApplicationUser getUserByKey(String userKey) {
        for (DevUser u : byName.values()) {
            if (u.getKey().equals(userKey)) {
                return u;
            }
        }
        return null;
    }

    @Override
    public ApplicationUser getUserByName(String userName) {
        return userName == null ? null : byName.get(userName);
    }

    /**
     * Jira's user picker search as the plugin asks for it (active and inactive users, e-mail included; the
     * parameters are taken as the plugin passes them): case-insensitive, at the start of the username, of a word
     * of the display name, or of the e-mail address, in the directory's order. Blank text finds nobody.
     */
    @Override
    public List<ApplicationUser> findUsers(String query, UserSearchParams params) {
        String q = query == null ? "" : query.trim().toLowerCase(Locale.ROOT);
        List<ApplicationUser> found = new ArrayList<>();
        if (q.isEmpty()) {
            return found;
        }
        for (DevUser u : byName.values()) {
            boolean word = false;
            for (String w : u.getDisplayName().toLowerCase(Locale.ROOT).split("\\s+")) {
                word |= w.startsWith(q);
            }
            if (word || u.getDisplayName().toLowerCase(Locale.ROOT).startsWith(q)
                    || u.getName().toLowerCase(Locale.ROOT).startsWith(q)
                    || u.getEmailAddress().toLowerCase(Locale.ROOT).startsWith(q)) {
                found.add(u);
            }
        }
        return found;
    }

    @Override
    public boolean hasPermission(GlobalPermissionKey permissionKey, ApplicationUser user) {
        return permissionKey == GlobalPermissionKey.SYSTEM_ADMIN && user instanceof DevUser
                && ((DevUser) user).isSysAdmin() && user.isActive();
    }
}
