package dev.jirapat.token;

import java.util.Map;
import java.util.Set;

/**
 * Port: the overrides an administrator stored on top of the JVM-property defaults, keyed by
 * {@link TokenPolicy.Setting#key()} with canonical values ({@link TokenPolicy.Setting#normalise}). Separate from
 * {@link PolicySource} so the use cases only ever read the policy in force.
 */
public interface PolicyStore {
    /** Only what was stored, not the policy in force. */
    Map<String, String> overrides();

    /**
     * Stores the settings in {@code set} and puts those in {@code reset} back to their defaults, each setting on
     * its own: concurrent changes of different settings never undo one another. {@link PolicySource#policy()} returns
     * the result from the next call on.
     *
     * @throws IllegalArgumentException before storing anything, for an unknown key, a value that is not valid for
     *                                  its setting, or a key both set and reset
     */
    void apply(Map<String, String> set, Set<String> reset);
}
