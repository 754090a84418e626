package dev.jirapat.jira;

import com.atlassian.audit.api.AuditService;
import com.atlassian.audit.entity.AuditAttribute;
import com.atlassian.audit.entity.AuditEvent;
import com.atlassian.audit.entity.AuditResource;
import com.atlassian.audit.entity.AuditType;
import com.atlassian.audit.entity.ChangedValue;
import com.atlassian.audit.entity.CoverageArea;
import com.atlassian.audit.entity.CoverageLevel;
import dev.jirapat.token.TokenEvent;
import dev.jirapat.token.TokenEvents;
import dev.jirapat.token.UserAccount;
import dev.jirapat.token.Users;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * Writes every token event to Jira's audit log (coverage area Security, level Base, category "Personal access
 * tokens"): created, created for another user, rotated, revoked, bulk revoked, settings changed (each changed
 * value, old and new), pruned, removed with its user. Each entry names the acting user (or Jira, for a job), the
 * affected user, the token's name, hint and id, and the client address when known; never a token or its hash
 * (events carry neither).
 *
 * <p>The audit API is optional for the bundle (its packages are imported with {@code resolution:=optional} and
 * the service is an optional reference), so when Jira has no audit service, or its API does not link, the entry
 * goes to the plugin's log instead, once per event, and nothing reaches the caller.
 */
public final class JiraAuditLog implements TokenEvents {
    static final String CATEGORY = "pat.audit.category";
    static final String USER = "USER";
    private static final Logger log = LoggerFactory.getLogger(JiraAuditLog.class);

    private final AuditService audit;
    private final Users users;

    public JiraAuditLog(AuditService audit, Users users) {
        this.audit = audit;
        this.users = users;
    }

    @Override
    public void publish(TokenEvent event) {
        try {
            audit.audit(entry(event));
        } catch (RuntimeException | LinkageError e) {
            // Gemini's proxy of an absent optional service throws when called; a Jira without the audit API fails to link.
            try {
                log.info("Audit (Jira's audit log is not available: {}): {}", e.getClass().getSimpleName(), event);
            } catch (RuntimeException ignored) {
                // a failing appender must not turn a committed change into an error
            }
        }
    }

    AuditEvent entry(TokenEvent event) {
        AuditEvent.Builder entry = AuditEvent.builder(type(action(event)));
        entry.extraAttribute(new AuditAttribute("pat.audit.attribute.actor", actor(event)));
        if (event instanceof TokenEvent.OfToken) {
            TokenEvent.OfToken t = (TokenEvent.OfToken) event;
            entry.affectedObject(user(t.ownerKey()));
            entry.extraAttribute(new AuditAttribute("pat.audit.attribute.tokenName", MailText.plain(t.name())));
            entry.extraAttribute(new AuditAttribute("pat.audit.attribute.tokenHint", t.hint()));
            entry.extraAttribute(new AuditAttribute("pat.audit.attribute.tokenId", Long.toString(t.tokenId())));
        }
        if (event instanceof TokenEvent.Pruned) {
            entry.extraAttribute(new AuditAttribute("pat.audit.attribute.expiredAt", ((TokenEvent.Pruned) event).expiredAt().toString()));
        }
        if (event instanceof TokenEvent.BulkRevoked) {
            Set<String> owners = new LinkedHashSet<>();
            StringBuilder tokens = new StringBuilder();
            for (TokenEvent.Revoked r : ((TokenEvent.BulkRevoked) event).revocations()) {
                owners.add(r.ownerKey());
                tokens.append(tokens.length() == 0 ? "" : ", ").append(r.tokenId()).append(' ')
                        .append(MailText.plain(r.name())).append(" (").append(r.hint()).append(')');
            }
            for (String owner : owners) {
                entry.affectedObject(user(owner));
            }
            entry.extraAttribute(new AuditAttribute("pat.audit.attribute.tokens", tokens.toString()));
        }
        if (event instanceof TokenEvent.Imported) {
            TokenEvent.Imported i = (TokenEvent.Imported) event;
            entry.extraAttribute(new AuditAttribute("pat.audit.attribute.imported", Integer.toString(i.imported())));
            entry.extraAttribute(new AuditAttribute("pat.audit.attribute.skipped", Integer.toString(i.skipped())));
            entry.extraAttribute(new AuditAttribute("pat.audit.attribute.failed", Integer.toString(i.failed())));
        }
        if (event instanceof TokenEvent.SettingsChanged) {
            for (Map.Entry<String, TokenEvent.Change> c : ((TokenEvent.SettingsChanged) event).changes().entrySet()) {
                entry.changedValue(ChangedValue.fromI18nKeys("pat.settings." + c.getKey())
                        .from(c.getValue().before()).to(c.getValue().after()).build());
            }
        }
        event.clientAddress().ifPresent(a -> entry.extraAttribute(new AuditAttribute("pat.audit.attribute.clientAddress", a)));
        event.viaTokenId().ifPresent(id -> entry.extraAttribute(new AuditAttribute("pat.audit.attribute.viaToken", id.toString())));
        return entry.build();
    }

    static String action(TokenEvent event) {
        if (event instanceof TokenEvent.Created) {
            TokenEvent.Created c = (TokenEvent.Created) event;
            return c.actorKey().map(c.ownerKey()::equals).orElse(true) ? "pat.audit.action.created" : "pat.audit.action.createdForUser";
        }
        if (event instanceof TokenEvent.Rotated) {
            return "pat.audit.action.rotated";
        }
        if (event instanceof TokenEvent.Revoked) {
            return "pat.audit.action.revoked";
        }
        if (event instanceof TokenEvent.BulkRevoked) {
            return "pat.audit.action.bulkRevoked";
        }
        if (event instanceof TokenEvent.SettingsChanged) {
            return "pat.audit.action.settingsChanged";
        }
        if (event instanceof TokenEvent.Pruned) {
            return "pat.audit.action.pruned";
        }
        if (event instanceof TokenEvent.RemovedWithOwner) {
            return "pat.audit.action.removedWithOwner";
        }
        if (event instanceof TokenEvent.Imported) {
            return "pat.audit.action.imported";
        }
        return "pat.audit.action." + event.getClass().getSimpleName();
    }

    private static AuditType type(String actionKey) {
        return AuditType.fromI18nKeys(CoverageArea.SECURITY, CoverageLevel.BASE, CATEGORY, actionKey).build();
    }

    private AuditResource user(String key) {
        return AuditResource.builder(displayName(key), USER).id(key).build();
    }

    private String actor(TokenEvent event) {
        return event.actorKey().map(key -> displayName(key) + " (" + key + ")").orElse("Jira");
    }

    private String displayName(String key) {
        return MailText.plain(users.byKey(key).map(UserAccount::displayName).orElse(key));
    }
}
