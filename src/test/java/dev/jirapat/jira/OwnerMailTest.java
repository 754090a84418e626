package dev.jirapat.jira;

import com.atlassian.mail.queue.MailQueueItem;
import com.atlassian.sal.api.UrlMode;
import com.atlassian.sal.api.message.LocaleResolver;
import com.atlassian.sal.api.timezone.TimeZoneManager;
import dev.jirapat.jira.MailFixtures.MapUsers;
import dev.jirapat.jira.MailFixtures.Sent;
import dev.jirapat.token.AccessToken;
import dev.jirapat.token.InMemoryPolicy;
import dev.jirapat.token.Actor;
import dev.jirapat.token.SampleTokenEvents;
import org.junit.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.TimeZone;
import java.util.concurrent.atomic.AtomicBoolean;

import static dev.jirapat.token.SampleTokenEvents.token;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

/** Which owner hears of what, in which words, and that nothing unsafe or secret reaches a mail. */
public class OwnerMailTest {
    private static final String BASE = "https://jira.example.com/jira";
    private static final Actor ALICE = Actor.user("alice").from("203.0.113.9");
    private static final Actor ADMIN = Actor.user("admin").from("198.51.100.7");

    private final List<MailQueueItem> queued = new ArrayList<>();
    private final MapUsers users = new MapUsers()
            .add("alice", "Alice Example", "alice@example.com", true)
            .add("bob", "Bob Example", "bob@example.com", true)
            .add("admin", "Administrator", "admin@example.com", true)
            .add("nomail", "No Mail", "", true)
            .add("gone", "Inactive", "gone@example.com", false);
    private Locale locale = Locale.ENGLISH;
    private TimeZone zone = TimeZone.getTimeZone("UTC");
    private final AtomicBoolean mailOn = new AtomicBoolean(true);
    private final Map<String, String> settings = new ConcurrentHashMap<>();
    private final OwnerMail mail = new OwnerMail(users, queued::add, MailFixtures.velocity(), new MailFixtures.BundleI18n(),
            (LocaleResolver) user -> locale, (TimeZoneManager) user -> zone,
            mode -> mode == UrlMode.CANONICAL ? BASE + "/" : "http://wrong.invalid", mailOn::get, new InMemoryPolicy(settings));

    private List<Sent> sent() throws Exception {
        return Sent.of(queued);
    }

    @Test
    public void createdWhenByOwnerThenOneMailNamesTokenActorTimeAddressAndLinksToProfile() throws Exception {
        mail.publish(SampleTokenEvents.created(ALICE, token(7, "alice", "deploy")));

        List<Sent> sent = sent();
        assertEquals(1, sent.size());
        Sent m = sent.get(0);
        assertEquals("alice@example.com", m.to);
        assertEquals("Personal access token \"deploy\" created", m.subject);
        for (String part : new String[] {m.text, m.html}) {
            assertTrue("[" + part + "]", part.contains("deploy (jpat_\u20260007)"));
            assertTrue(part, part.contains("Alice Example"));
            assertTrue(part, part.contains("203.0.113.9"));
            assertTrue("time in the owner's zone, named: " + part, part.contains("(UTC)"));
            assertTrue(part, part.contains(BASE + "/secure/ViewProfile.jspa"));
        }
        assertTrue(m.html, m.html.contains("<a href=\"" + BASE + "/secure/ViewProfile.jspa\">"));
        assertFalse("the base URL is SAL's canonical one", m.all().contains("wrong.invalid"));
    }

    @Test
    public void mailWhenTokenNameIsHostileThenBothPartsShowItAsTextOnly() throws Exception {
        String script = "<script>alert(1)</script>";
        String bidi = "abc\u202Egpj.exe";
        String longName = String.join("", Collections.nCopies(50, "long-name-"));
        mail.publish(SampleTokenEvents.created(ALICE, token(1, "alice", script)));
        mail.publish(SampleTokenEvents.created(ALICE, token(2, "alice", bidi)));
        mail.publish(SampleTokenEvents.created(ALICE, token(3, "alice", longName)));

        List<Sent> sent = sent();
        assertEquals(3, sent.size());
        Sent s = sent.get(0);
        assertFalse("no markup from a name in the HTML part: " + s.html, s.html.contains("<script"));
        assertTrue(s.html, s.html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
        assertTrue("the text part shows the name as typed: " + s.text, s.text.contains(script));
        for (Sent m : sent) {
            assertFalse("no bidi override anywhere: " + m.all(), m.all().contains("\u202E"));
            assertFalse("no line break in a subject", m.subject.contains("\n"));
        }
        assertTrue(sent.get(1).text, sent.get(1).text.contains("abc\uFFFDgpj.exe"));
        Sent l = sent.get(2);
        assertFalse("a 500-character name is cut", l.all().contains(longName));
        assertTrue(l.subject, l.subject.contains(longName.substring(0, MailText.MAX_CODE_POINTS) + "\u2026"));
        assertTrue(l.html, l.html.contains(longName.substring(0, MailText.MAX_CODE_POINTS) + "\u2026"));
    }

    @Test
    public void mailWhenAnyKindThenNeverTheTokenHash() throws Exception {
        for (dev.jirapat.token.TokenEvent event : SampleTokenEvents.everyKind(ADMIN, "alice")) {
            mail.publish(event);
        }
        AccessToken token = token(9, "alice", "x");
        mail.expiresSoon(token, 5);
        mail.expired(token);

        List<Sent> sent = sent();
        assertEquals("created, rotated, revoked, bulk revoked (one mail), pruned, expires soon, expired", 7, sent.size());
        for (Sent m : sent) {
            assertFalse(m.all(), m.all().contains(SampleTokenEvents.HASH));
            assertFalse(m.all(), m.all().contains(SampleTokenEvents.HASH.substring(0, 16)));
        }
    }

    @Test
    public void revokedWhenByOwnerThenNoMailAndWhenByAdminThenTheOwnerHears() throws Exception {
        mail.publish(SampleTokenEvents.revoked(ALICE, token(1, "alice", "mine")));
        assertEquals("the owner revoked it: nothing to tell", 0, queued.size());

        mail.publish(SampleTokenEvents.revoked(ADMIN, token(1, "alice", "mine")));
        Sent m = sent().get(0);
        assertEquals("alice@example.com", m.to);
        assertEquals("Personal access token \"mine\" revoked", m.subject);
        assertTrue(m.text, m.text.contains("Administrator"));
        assertTrue(m.text, m.text.contains("198.51.100.7"));
    }

    @Test
    public void bulkRevokedWhenSeveralOwnersThenOneMailPerOwnerListingTheirTokens() throws Exception {
        mail.publish(SampleTokenEvents.bulkRevoked(ADMIN, token(1, "alice", "a1"), token(2, "bob", "b1"),
                token(3, "alice", "a2"), token(4, "admin", "own")));

        List<Sent> sent = sent();
        assertEquals("alice and bob; not the admin, who revoked their own token", 2, sent.size());
        assertEquals("alice@example.com", sent.get(0).to);
        assertEquals("2 personal access tokens revoked", sent.get(0).subject);
        assertTrue(sent.get(0).text, sent.get(0).text.contains("a1 (") && sent.get(0).text.contains("a2 ("));
        assertFalse(sent.get(0).text, sent.get(0).text.contains("b1"));
        assertEquals("bob@example.com", sent.get(1).to);
        assertEquals("Personal access token \"b1\" revoked", sent.get(1).subject);
    }

    @Test
    public void prunedWhenJobThenOwnerHearsFromJiraAndRemovedWithOwnerOrSettingsThenNothing() throws Exception {
        mail.publish(SampleTokenEvents.removedWithOwner(token(1, "alice", "x")));
        mail.publish(SampleTokenEvents.settingsChanged(ADMIN, "maxTokensPerUser", "10", "3"));
        assertEquals(0, queued.size());

        mail.publish(SampleTokenEvents.pruned(token(2, "alice", "old")));
        Sent m = sent().get(0);
        assertEquals("Expired personal access token \"old\" deleted", m.subject);
        assertTrue("the system acts as Jira: " + m.text, m.text.contains("By: Jira"));
    }

    @Test
    public void expiryNoticesWhenDueThenDaysAndExpiryAreNamed() throws Exception {
        AccessToken token = token(5, "bob", "nightly");
        mail.expiresSoon(token, 5);
        mail.expired(token);

        List<Sent> sent = sent();
        assertEquals("Personal access token \"nightly\" expires within 5 days", sent.get(0).subject);
        assertTrue(sent.get(0).text, sent.get(0).text.contains("expires within 5 days"));
        assertTrue(sent.get(0).text, sent.get(0).text.contains("Expires: "));
        assertEquals("Personal access token \"nightly\" has expired", sent.get(1).subject);
    }

    @Test
    public void expiryNoticeWhenOneDayThenSingular() throws Exception {
        mail.expiresSoon(token(6, "bob", "nightly"), 1);

        assertEquals("Personal access token \"nightly\" expires within a day", sent().get(0).subject);
    }

    @Test
    public void mailWhenOwnerHasNoAddressOrIsInactiveOrIsUnknownThenNone() {
        mail.publish(SampleTokenEvents.created(ADMIN, token(1, "nomail", "x")));
        mail.publish(SampleTokenEvents.created(ADMIN, token(2, "gone", "x")));
        mail.publish(SampleTokenEvents.created(ADMIN, token(3, "nobody", "x")));
        mail.expired(token(4, "nomail", "x"));

        assertEquals(0, queued.size());
    }

    @Test
    public void mailWhenJiraSendsNoMailThenNone() {
        mailOn.set(false);
        mail.publish(SampleTokenEvents.created(ALICE, token(1, "alice", "x")));
        mail.expiresSoon(token(1, "alice", "x"), 5);

        assertEquals(0, queued.size());
    }

    @Test
    public void mailWhenAdminTurnedOwnerMailsOffThenNoneAndWhenBackOnThenAgain() {
        settings.put("mailNotificationsEnabled", "false");
        mail.publish(SampleTokenEvents.created(ALICE, token(1, "alice", "x")));
        mail.expired(token(1, "alice", "x"));
        assertEquals(0, queued.size());

        settings.remove("mailNotificationsEnabled");
        mail.expired(token(1, "alice", "x"));
        assertEquals(1, queued.size());
    }

    @Test
    public void mailWhenQueueFailsThenNothingReachesTheCaller() {
        OwnerMail failing = new OwnerMail(users, item -> {
            throw new IllegalStateException("queue full");
        }, MailFixtures.velocity(), new MailFixtures.BundleI18n(), user -> locale, user -> zone, mode -> BASE, () -> true, new InMemoryPolicy());

        failing.publish(SampleTokenEvents.created(ALICE, token(1, "alice", "x"))); // must not throw
        failing.expired(token(1, "alice", "x"));
    }

    @Test
    public void mailWhenOwnerReadsGermanInBerlinThenTheirLanguageAndZone() throws Exception {
        locale = Locale.GERMAN;
        zone = TimeZone.getTimeZone("Europe/Berlin");
        mail.publish(SampleTokenEvents.created(ALICE, token(1, "alice", "deploy")));

        Sent m = sent().get(0);
        assertTrue(m.subject, m.subject.startsWith("DE:"));
        assertTrue("12:00 UTC is 13:00 in Berlin in March: " + m.text, m.text.contains("13:00") && m.text.contains("(Europe/Berlin)"));
        assertTrue(m.html, m.html.contains("lang=\"de\""));
    }

    @Test
    public void mailWhenZoneOrLocaleCannotBeHadThenUtcAndTheDefaultBundle() throws Exception {
        OwnerMail fallback = new OwnerMail(users, queued::add, MailFixtures.velocity(), new MailFixtures.BundleI18n(),
                user -> {
                    throw new IllegalStateException("no locale");
                }, user -> {
                    throw new AbstractMethodError("older SAL");
                }, mode -> BASE, () -> true, new InMemoryPolicy());
        fallback.publish(SampleTokenEvents.created(ALICE, token(1, "alice", "deploy")));

        Sent m = sent().get(0);
        assertEquals("Personal access token \"deploy\" created", m.subject);
        assertTrue(m.text, m.text.contains("12:00") && m.text.contains("(Z)"));
    }
}
