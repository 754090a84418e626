// Host API declaration (never shipped): follows docs/host-api.md, entry "UserKey".
// A final class over a string; the body exists only so the dev host can run it.
package com.atlassian.sal.api.user;

import java.io.Serializable;

public final class UserKey implements Serializable {
    private static final long serialVersionUID = 1L;

    private final String userkey;

    public UserKey(String userkey) {
        if (userkey == null) {
            throw new NullPointerException("userkey");
        }
        this.userkey = userkey;
    }

    public String getStringValue() {
        return userkey;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof UserKey && ((UserKey) o).userkey.equals(userkey);
    }

    @Override
    public int hashCode() {
        return userkey.hashCode();
    }

    @Override
    public String toString() {
        return userkey;
    }
}
