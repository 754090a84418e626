package dev.jirapat.jira;

import com.atlassian.mail.Email;
import com.atlassian.sal.api.UrlMode;
import com.atlassian.sal.api.message.LocaleResolver;
import com.atlassian.sal.api.timezone.TimeZoneManager;
import dev.jirapat.devhost.HostTemplates;
import dev.jirapat.jira.MailFixtures.MapUsers;
import dev.jirapat.token.InMemoryPolicy;
import dev.jirapat.token.UserAccount;
import org.junit.Test;

import javax.mail.BodyPart;
import javax.mail.Multipart;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.TimeZone;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

/**
 * Jira 10 blocks every template call not on its method allowlist: the owner mail's HTML template, rendered for
 * every kind of notice (with and without actor, address and expiry rows) by the real {@link OwnerMail} through
 * the dev host's TemplateRenderer and allowlist enforcement, calls nothing that would be blocked.
 */
public class OwnerMailTemplateAllowlistTest {
    private final MapUsers users = new MapUsers().add("alice", "Alice Example", "alice@example.com", true)
            .add("admin", "Administrator", "admin@example.com", true);
    private final HostTemplates host = HostTemplates.forPlugin();
    private final OwnerMail mail = new OwnerMail(users, item -> { }, host.renderer(), new MailFixtures.BundleI18n(),
            (LocaleResolver) user -> Locale.ENGLISH, (TimeZoneManager) user -> TimeZone.getTimeZone("UTC"),
            mode -> "https://jira.example.com/jira/", () -> true, new InMemoryPolicy());

    @Test
    public void ownerMailWhenEveryKindOfNoticeThenHtmlRendersAndNothingIsBlocked() throws Exception {
        UserAccount alice = users.byKey("alice").get();
        Instant at = Instant.parse("2026-01-02T03:04:05Z");
        List<OwnerNotice.Token> one = Collections.singletonList(new OwnerNotice.Token(7, "deploy", "jpat_\u20260007"));
        List<OwnerNotice.Token> two = Arrays.asList(new OwnerNotice.Token(7, "deploy", "jpat_\u20260007"),
                new OwnerNotice.Token(8, "ci", "jpat_\u20260008"));
        int kinds = 0;
        for (OwnerNotice.Kind kind : OwnerNotice.Kind.values()) {
            List<OwnerNotice.Token> tokens = kind == OwnerNotice.Kind.REVOKED_MANY ? two : one;
            for (OwnerNotice notice : new OwnerNotice[] {
                    new OwnerNotice(kind, "alice", tokens, "admin", at, "203.0.113.9", at.plusSeconds(86400), 3),
                    new OwnerNotice(kind, "alice", tokens, null, null, null, null, 0)}) {
                String html = html(mail.compose(notice, alice));
                assertTrue(kind + ": " + html, html.contains("deploy (jpat_\u20260007)"));
                assertTrue(kind + ": " + html, html.contains("<a href=\"https://jira.example.com/jira/secure/ViewProfile.jspa\">"));
                assertFalse(kind + ": every reference resolved: " + html, html.contains("$"));
            }
            kinds++;
        }
        assertEquals(7, kinds);
        assertEquals(Collections.singleton("templates/mail/owner-notice.vm"), host.rendered());
        assertEquals("template calls Jira 10 would block", "[]", host.violations().toString());
    }

    private static String html(Email email) throws Exception {
        Multipart parts = email.getMultipart();
        StringBuilder html = new StringBuilder();
        for (int i = 0; i < parts.getCount(); i++) {
            BodyPart part = parts.getBodyPart(i);
            if (part.getDataHandler().getContentType().startsWith("text/html")) {
                html.append(part.getContent());
            }
        }
        return html.toString();
    }
}
