package dev.jirapat.token;

import java.util.Map;

/**
 * Port: the overrides an administrator stored on top of the JVM-property defaults, keyed by
 * {@link TokenPolicy.Setting#key()} with canonical values ({@link TokenPolicy.Setting#normalise}). Separate from
 * {@link Settings} so the use cases only ever read the policy in force.
 */
public interface SettingsStore {
    /** Only what was stored, not the policy in force. */
    Map<String, String> overrides();

    /** Replaces every stored override; {@link Settings#policy()} returns the result from the next call on. */
    void save(Map<String, String> overrides);
}
