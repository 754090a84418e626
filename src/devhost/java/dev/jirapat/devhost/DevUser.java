package dev.jirapat.devhost;

import com.atlassian.jira.user.ApplicationUser;

/** A fixture user. Its key differs from its name, as migrated Jira keys (JIRAUSER10100) do. */
final class DevUser implements ApplicationUser {
    private final String key;
    private final String name;
    private final String displayName;
    private final boolean sysAdmin;
    private final String passwordHash;
    private volatile boolean active;
    private volatile String email;

    DevUser(String key, String name, String displayName, boolean active, boolean sysAdmin, String passwordHash) {
        this.key = key;
        this.name = name;
        this.displayName = displayName;
        this.active = active;
        this.sysAdmin = sysAdmin;
        this.passwordHash = passwordHash;
        this.email = name + "@example.com";
    }

    void setEmail(String email) {
        this.email = email;
    }

    @Override
    public String getKey() {
        return key;
    }

    @Override
    public String getUsername() {
        return name;
    }

    @Override
    public String getName() {
        return name;
    }

    @Override
    public boolean isActive() {
        return active;
    }

    void setActive(boolean active) {
        this.active = active;
    }

    @Override
    public String getEmailAddress() {
        return email;
    }

    @Override
    public String getDisplayName() {
        return displayName;
    }

    boolean isSysAdmin() {
        return sysAdmin;
    }

    boolean passwordMatches(String password) {
        return Pkcs5s2.verify(password, passwordHash);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DevUser && ((DevUser) o).key.equals(key);
    }

    @Override
    public int hashCode() {
        return key.hashCode();
    }

    @Override
    public String toString() {
        return name + "(" + key + ")";
    }
}
