package dev.jirapat.token;

import java.security.Permission;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Supplier;

import org.junit.Assume;

/**
 * Records every host name the JDK is asked to resolve while an action runs. Before any name-service lookup,
 * {@code InetAddress} asks the security manager {@code checkConnect(host, -1)}; IP literals skip that call. So a
 * recorded call is a DNS (or hosts-file) lookup that parsing should never have made.
 *
 * <p>Needs a JDK that still lets code install a security manager (17 does, with a warning); on a newer JDK the
 * test using this is skipped rather than silently passing.
 */
final class NameLookupSpy {
    private NameLookupSpy() {
    }

    @SuppressWarnings("removal")
    static synchronized <T> List<String> lookupsDuring(Supplier<T> action) {
        List<String> lookups = Collections.synchronizedList(new ArrayList<>());
        SecurityManager previous = System.getSecurityManager();
        SecurityManager spy = new SecurityManager() {
            @Override
            public void checkPermission(Permission perm) {
                // allow everything
            }

            @Override
            public void checkPermission(Permission perm, Object context) {
                // allow everything
            }

            @Override
            public void checkConnect(String host, int port) {
                if (port == -1) {
                    lookups.add(host);
                }
            }
        };
        try {
            System.setSecurityManager(spy);
        } catch (UnsupportedOperationException e) {
            Assume.assumeNoException("this JDK cannot install a security manager to observe name lookups", e);
        }
        try {
            action.get();
        } finally {
            System.setSecurityManager(previous);
        }
        return new ArrayList<>(lookups);
    }
}
