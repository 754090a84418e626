package dev.jirapat.token;

import java.time.Instant;
import java.util.Collections;

/** Events for tests of consumers outside the domain package, which cannot construct them. */
public final class SampleEvents {
    private SampleEvents() {
    }

    public static TokenEvent settingsChanged() {
        return new TokenEvent.SettingsChanged(Instant.parse("2026-01-01T00:00:00Z"), Actor.user("admin"),
                Collections.singletonMap("maxTokensPerUser", new TokenEvent.Change("10", "3")));
    }
}
