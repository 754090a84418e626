package dev.jirapat.devhost;

import com.atlassian.audit.api.AuditService;
import com.atlassian.audit.entity.AuditAttribute;
import com.atlassian.audit.entity.AuditEvent;
import com.atlassian.audit.entity.AuditResource;
import com.atlassian.audit.entity.ChangedValue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Jira's audit service as the host offers it: keeps every entry, as Jira's audit log would show it (texts from
 * the plugin's i18n keys, the author as the logged-in user or "system"), for {@code GET /jira/devhost/audit}.
 */
public final class DevAudit implements AuditService {
    private final DevI18n i18n;
    private final List<Map<String, Object>> entries = new ArrayList<>();

    DevAudit(DevI18n i18n) {
        this.i18n = i18n;
    }

    @Override
    public void audit(AuditEvent event) {
        Map<String, String> attributes = new LinkedHashMap<>();
        for (AuditAttribute a : event.getExtraAttributes()) {
            attributes.put(i18n.getText(a.getName()), a.getValue());
        }
        List<Map<String, Object>> changed = new ArrayList<>();
        for (ChangedValue c : event.getChangedValues()) {
            changed.add(Json.object("key", c.getI18nKey(), "name", i18n.getText(c.getI18nKey()), "from", c.getFrom(), "to", c.getTo()));
        }
        List<String> users = new ArrayList<>();
        for (AuditResource r : event.getAffectedObjects()) {
            if ("USER".equals(r.getType())) {
                users.add(r.getId());
            }
        }
        DevUser author = CurrentUser.get();
        Map<String, Object> entry = Json.object(
                "action", i18n.getText(event.getActionI18nKey()), "actionKey", event.getActionI18nKey(),
                "category", i18n.getText(event.getCategoryI18nKey()),
                "area", String.valueOf(event.getArea()), "level", String.valueOf(event.getLevel()),
                "actor", author == null ? "system" : author.getKey(),
                "affectedUser", users.isEmpty() ? null : users.get(0), "affectedUsers", users,
                "attributes", attributes, "changedValues", changed, "at", Instant.now().toString());
        synchronized (entries) {
            entries.add(entry);
        }
    }

    /** Newest first. */
    List<Map<String, Object>> entries() {
        synchronized (entries) {
            List<Map<String, Object>> copy = new ArrayList<>(entries);
            Collections.reverse(copy);
            return copy;
        }
    }
}
