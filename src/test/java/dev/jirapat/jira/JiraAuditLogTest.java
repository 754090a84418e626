package dev.jirapat.jira;

import com.atlassian.audit.entity.AuditAttribute;
import com.atlassian.audit.entity.AuditEvent;
import com.atlassian.audit.entity.ChangedValue;
import com.atlassian.audit.entity.CoverageArea;
import com.atlassian.audit.entity.CoverageLevel;
import dev.jirapat.jira.MailFixtures.MapUsers;
import dev.jirapat.token.Actor;
import dev.jirapat.token.SampleTokenEvents;
import dev.jirapat.token.TokenEvent;
import org.junit.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static dev.jirapat.token.SampleTokenEvents.token;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

/** One audit entry per event, in Jira's Security area, naming who, whom and which token; never a secret. */
public class JiraAuditLogTest {
    private final List<AuditEvent> entries = new ArrayList<>();
    private final MapUsers users = new MapUsers()
            .add("alice", "Alice Example", "alice@example.com", true)
            .add("admin", "Administrator", "admin@example.com", true);
    private final JiraAuditLog audit = new JiraAuditLog(entries::add, users);
    private static final Actor ADMIN = Actor.user("admin").from("198.51.100.7");

    private static Map<String, String> attributes(AuditEvent e) {
        Map<String, String> out = new LinkedHashMap<>();
        for (AuditAttribute a : e.getExtraAttributes()) {
            out.put(a.getName(), a.getValue());
        }
        return out;
    }

    @Test
    public void publishWhenEveryKindThenOneSecurityEntryEachNamingActorAndAffectedUser() {
        for (TokenEvent event : SampleTokenEvents.everyKind(ADMIN, "alice")) {
            audit.publish(event);
        }
        List<String> actions = new ArrayList<>();
        for (AuditEvent e : entries) {
            actions.add(e.getActionI18nKey());
            assertEquals(CoverageArea.SECURITY, e.getArea());
            assertEquals(CoverageLevel.BASE, e.getLevel());
            assertEquals("pat.audit.category", e.getCategoryI18nKey());
            String all = e.getExtraAttributes().toString() + attributes(e) + e.getAffectedObjects();
            assertFalse(all, all.contains(SampleTokenEvents.HASH));
        }
        assertEquals(Arrays.asList("pat.audit.action.createdForUser", "pat.audit.action.rotated", "pat.audit.action.revoked",
                "pat.audit.action.bulkRevoked", "pat.audit.action.pruned", "pat.audit.action.removedWithOwner",
                "pat.audit.action.settingsChanged"), actions);
        for (int i = 0; i < 6; i++) {
            AuditEvent e = entries.get(i);
            assertEquals(e.getActionI18nKey(), "alice", e.getAffectedObjects().get(0).getId());
            assertEquals("Alice Example", e.getAffectedObjects().get(0).getName());
        }
        Map<String, String> created = attributes(entries.get(0));
        assertEquals("Administrator (admin)", created.get("pat.audit.attribute.actor"));
        assertEquals("deploy", created.get("pat.audit.attribute.tokenName"));
        assertEquals("jpat_\u20260007", created.get("pat.audit.attribute.tokenHint"));
        assertEquals("198.51.100.7", created.get("pat.audit.attribute.clientAddress"));
        assertEquals("Jira", attributes(entries.get(4)).get("pat.audit.attribute.actor"));
        assertTrue(attributes(entries.get(3)).get("pat.audit.attribute.tokens"), attributes(entries.get(3))
                .get("pat.audit.attribute.tokens").contains("7 deploy (jpat_\u20260007), 8 ci (jpat_\u20260008)"));
    }

    @Test
    public void importedThenOneEntryWithTheCountsAndTheAdmin() {
        audit.publish(SampleTokenEvents.imported(ADMIN, 40, 3, 2));

        assertEquals(1, entries.size());
        assertEquals("pat.audit.action.imported", entries.get(0).getActionI18nKey());
        Map<String, String> attributes = attributes(entries.get(0));
        assertEquals("Administrator (admin)", attributes.get("pat.audit.attribute.actor"));
        assertEquals("40", attributes.get("pat.audit.attribute.imported"));
        assertEquals("3", attributes.get("pat.audit.attribute.skipped"));
        assertEquals("2", attributes.get("pat.audit.attribute.failed"));
    }

    @Test
    public void createdWhenByOwnerThenCreatedNotForAnotherUser() {
        audit.publish(SampleTokenEvents.created(Actor.user("alice"), token(1, "alice", "x")));

        assertEquals("pat.audit.action.created", entries.get(0).getActionI18nKey());
        assertFalse("no address known: none named", attributes(entries.get(0)).containsKey("pat.audit.attribute.clientAddress"));
    }

    @Test
    public void settingsChangedThenEachChangedValueWithOldAndNew() {
        audit.publish(SampleTokenEvents.settingsChanged(ADMIN, "maxTokensPerUser", "10", "3", "enabled", "true", "false"));

        List<ChangedValue> changed = entries.get(0).getChangedValues();
        assertEquals(2, changed.size());
        assertEquals("pat.settings.maxTokensPerUser", changed.get(0).getI18nKey());
        assertEquals("10", changed.get(0).getFrom());
        assertEquals("3", changed.get(0).getTo());
        assertEquals("pat.settings.enabled", changed.get(1).getI18nKey());
        assertEquals("true", changed.get(1).getFrom());
        assertEquals("false", changed.get(1).getTo());
    }

    @Test
    public void publishWhenNameIsHostileThenAttributeIsNeutralised() {
        audit.publish(SampleTokenEvents.revoked(ADMIN, token(1, "alice", "a\u202Eb\nc")));

        assertEquals("a\uFFFDb\uFFFDc", attributes(entries.get(0)).get("pat.audit.attribute.tokenName"));
    }

    @Test
    public void publishWhenAuditServiceIsAbsentThenTheEntryGoesToTheLogAndNothingThrows() {
        TokenEvent event = SampleTokenEvents.revoked(ADMIN, token(1, "alice", "deploy"));
        // Gemini's proxy of an absent optional service throws ServiceUnavailableException, a RuntimeException.
        JiraAuditLog absent = new JiraAuditLog(e -> {
            throw new IllegalStateException("service unavailable");
        }, users);
        JiraAuditLog unlinked = new JiraAuditLog(e -> {
            throw new NoClassDefFoundError("com/atlassian/audit/entity/AuditEvent");
        }, users);

        List<String> lines = dev.jirapat.testing.StderrCapture.lines(() -> {
            absent.publish(event);
            unlinked.publish(event);
        });

        long logged = lines.stream().filter(l -> l.contains("Audit (Jira's audit log is not available")
                && l.contains(event.toString())).count();
        assertEquals(String.join("\n", lines), 2, logged);
    }
}
