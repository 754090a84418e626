package dev.jirapat.token;

import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Events of every kind for tests of the mail and audit consumers, which cannot construct them. */
public final class SampleTokenEvents {
    public static final Instant AT = Instant.parse("2026-03-01T12:00:00Z");
    /** The stored hash of every sample token: a consumer that leaks it is caught. */
    public static final String HASH = "5f2b9c0d8e7a6b5c4d3e2f1a0b9c8d7e6f5a4b3c2d1e0f9a8b7c6d5e4f3a2b1c";

    private SampleTokenEvents() {
    }

    public static AccessToken token(long id, String ownerKey, String name) {
        return AccessToken.builder().id(id).ownerKey(ownerKey).name(name).createdAt(AT.minusSeconds(3600))
                .expiresAt(AT.plusSeconds(30L * 86400)).scope(Scope.WRITE).createdBy(ownerKey).hash(HASH, "SHA-256")
                .hint("jpat_\u2026" + String.format("%04d", id)).build();
    }

    public static TokenEvent created(Actor actor, AccessToken token) {
        return new TokenEvent.Created(AT, actor, token);
    }

    public static TokenEvent rotated(Actor actor, AccessToken token) {
        return new TokenEvent.Rotated(AT, actor, token, token.toBuilder().hint("jpat_\u2026prev").build());
    }

    public static TokenEvent revoked(Actor actor, AccessToken token) {
        return new TokenEvent.Revoked(AT, actor, token);
    }

    public static TokenEvent bulkRevoked(Actor actor, AccessToken... tokens) {
        return new TokenEvent.BulkRevoked(AT, actor, Arrays.asList(tokens));
    }

    public static TokenEvent pruned(AccessToken token) {
        return new TokenEvent.Pruned(AT, token);
    }

    public static TokenEvent removedWithOwner(AccessToken token) {
        return new TokenEvent.RemovedWithOwner(AT, token);
    }

    public static TokenEvent settingsChanged(Actor actor, String... keyBeforeAfter) {
        Map<String, TokenEvent.Change> changes = new LinkedHashMap<>();
        for (int i = 0; i < keyBeforeAfter.length; i += 3) {
            changes.put(keyBeforeAfter[i], new TokenEvent.Change(keyBeforeAfter[i + 1], keyBeforeAfter[i + 2]));
        }
        return new TokenEvent.SettingsChanged(AT, actor, changes);
    }

    public static TokenEvent imported(Actor admin, int imported, int skipped, int failed) {
        return new TokenEvent.Imported(AT, admin, imported, skipped, failed);
    }

    public static List<TokenEvent> everyKind(Actor admin, String ownerKey) {
        AccessToken token = token(7, ownerKey, "deploy");
        return Arrays.asList(created(admin, token), rotated(admin, token), revoked(admin, token),
                bulkRevoked(admin, token, token(8, ownerKey, "ci")), pruned(token), removedWithOwner(token),
                settingsChanged(admin, "maxTokensPerUser", "10", "3"));
    }
}
