package dev.jirapat.rest;

import dev.jirapat.devhost.DevHostRule;
import dev.jirapat.devhost.DevUsers;
import dev.jirapat.devhost.HttpCall;
import org.codehaus.jackson.JsonNode;
import org.junit.Before;
import org.junit.ClassRule;
import org.junit.Test;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

/**
 * Through the dev host end to end: a REST call commits, the owner's mail goes over real SMTP to the host's
 * GreenMail server ({@code /jira/devhost/mail}) and the change reaches the audit service ({@code /jira/devhost/audit}).
 */
public class OwnerMailHttpIT {
    @ClassRule
    public static final DevHostRule HOST = new DevHostRule();

    private Api api;

    @Before
    public void cleanSlate() {
        api = new Api(HOST.host(), Api.LATEST);
        api.reset();
    }

    private static List<JsonNode> devhost(String what) {
        HttpCall.Response r = HttpCall.to(HOST.host()).get("/devhost/" + what).header("Accept", "application/json").send();
        assertEquals(r.toString(), 200, r.status);
        List<JsonNode> all = new ArrayList<>();
        Api.json(r).getElements().forEachRemaining(all::add);
        return all;
    }

    private static String sha256(String text) throws Exception {
        StringBuilder hex = new StringBuilder();
        for (byte b : MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8))) {
            hex.append(String.format("%02x", b));
        }
        return hex.toString();
    }

    @Test
    public void createWhenOverRestThenSmtpMailToOwnerWithoutSecretAndAnAuditEntry() throws Exception {
        int before = devhost("mail").size();
        JsonNode created = api.create("alice", "{\"name\":\"ci <b>bold</b>\",\"expirationDuration\":30}");
        String raw = created.path("rawToken").getTextValue();

        List<JsonNode> mails = devhost("mail");
        assertEquals(before + 1, mails.size());
        JsonNode mail = mails.get(0);
        assertEquals("alice@example.com", mail.path("to").getTextValue());
        assertEquals("Personal access token \"ci <b>bold</b>\" created", mail.path("subject").getTextValue());
        String text = mail.path("text").getTextValue();
        String html = mail.path("html").getTextValue();
        assertTrue(text, text.contains("ci <b>bold</b> (jpat_"));
        assertTrue(html, html.contains("ci &lt;b&gt;bold&lt;/b&gt; (jpat_"));
        assertFalse(html, html.contains("<b>bold"));
        String profile = HOST.host().baseUri() + "/secure/ViewProfile.jspa";
        assertTrue("links under Jira's base URL: " + html, html.contains("href=\"" + profile + "\"") && text.contains(profile));
        assertTrue("the client address as the filter sees it: " + text, text.contains("127.0.0.1"));
        String every = mail.toString();
        assertFalse("no mail holds the token", every.contains(raw));
        assertFalse("no mail holds the token's hash", every.contains(sha256(raw)));
        assertFalse(every.contains(raw.substring(5, 25)));

        JsonNode entry = devhost("audit").get(0);
        assertEquals("pat.audit.action.created", entry.path("actionKey").getTextValue());
        assertEquals("Personal access token created", entry.path("action").getTextValue());
        assertEquals("SECURITY", entry.path("area").getTextValue());
        assertEquals(DevUsers.ALICE_KEY, entry.path("actor").getTextValue());
        assertEquals(DevUsers.ALICE_KEY, entry.path("affectedUser").getTextValue());
        assertEquals("ci <b>bold</b>", entry.path("attributes").path("Token name").getTextValue());
        assertFalse(entry.toString().contains(raw.substring(5, 25)));
        assertFalse(entry.toString().contains(sha256(raw)));
    }

    @Test
    public void revokeWhenAdminRevokesThenOwnerIsMailedAndWhenOwnerRevokesThenNot() {
        long mine = api.createId("alice", "mine");
        long theirs = api.createId("alice", "theirs");
        int before = devhost("mail").size();

        assertEquals(204, api.delete("/tokens/" + mine, "alice").status);
        assertEquals("the owner revoked it", before, devhost("mail").size());
        assertEquals(204, api.delete("/tokens/" + theirs, "admin").status);

        List<JsonNode> mails = devhost("mail");
        assertEquals(before + 1, mails.size());
        assertEquals("Personal access token \"theirs\" revoked", mails.get(0).path("subject").getTextValue());
        assertTrue(mails.get(0).path("text").getTextValue().contains("By: Administrator"));
        assertEquals("pat.audit.action.revoked", devhost("audit").get(0).path("actionKey").getTextValue());
    }

    @Test
    public void settingsWhenChangedThenAuditEntryHasEachOldAndNewValue() {
        assertEquals(200, api.put("/admin/settings", "admin", "{\"maxTokensPerUser\":3,\"maxExpiryDays\":90}").status);

        JsonNode entry = devhost("audit").get(0);
        assertEquals("pat.audit.action.settingsChanged", entry.path("actionKey").getTextValue());
        assertEquals(DevUsers.ADMIN_KEY, entry.path("actor").getTextValue());
        List<String> changed = new ArrayList<>();
        entry.path("changedValues").getElements().forEachRemaining(c -> changed.add(
                c.path("key").getTextValue() + ":" + c.path("from").getTextValue() + "->" + c.path("to").getTextValue()));
        assertEquals("[pat.settings.maxExpiryDays:365->90, pat.settings.maxTokensPerUser:10->3]",
                changed.stream().sorted().collect(java.util.stream.Collectors.toList()).toString());
    }

    @Test
    public void createWhenOwnerHasNoAddressOrJiraSendsNoMailOrAdminTurnedMailsOffThenTokenIsCreatedAndNoMailSent() {
        int before = devhost("mail").size();
        HOST.host().users().setEmail(DevUsers.ALICE, "");
        try {
            api.create("alice", "{\"name\":\"no-address\"}");
        } finally {
            HOST.host().users().setEmail(DevUsers.ALICE, "alice@example.com");
        }
        HOST.host().mail().setServerDefined(false);
        try {
            api.create("alice", "{\"name\":\"no-server\"}");
        } finally {
            HOST.host().mail().setServerDefined(true);
        }

        assertEquals(200, api.put("/admin/settings", "admin", "{\"mailNotificationsEnabled\":false}").status);
        api.create("alice", "{\"name\":\"switched-off\"}");

        assertEquals(before, devhost("mail").size());
        assertEquals("the creations are audited", "pat.audit.action.created", devhost("audit").get(0).path("actionKey").getTextValue());
        assertEquals("pat.audit.action.created", devhost("audit").get(2).path("actionKey").getTextValue());
    }

    @Test
    public void createWhenTheMailQueueFailsThenTheTokenIsStillCreatedAndReturned() {
        int before = devhost("mail").size();
        HOST.host().mail().setFailing(true);
        HttpCall.Response r;
        try {
            r = api.post("/tokens", "alice", "{\"name\":\"queue-down\"}");
        } finally {
            HOST.host().mail().setFailing(false);
        }

        assertEquals(r.toString(), 201, r.status);
        assertTrue(Api.json(r).path("rawToken").getTextValue().startsWith("jpat_"));
        assertEquals(before, devhost("mail").size());
        assertEquals("pat.audit.action.created", devhost("audit").get(0).path("actionKey").getTextValue());
    }

    @Test
    public void mailPageWhenBrowserAsksThenHtmlWithNamesEscaped() {
        api.create("alice", "{\"name\":\"<img src=x onerror=alert(1)>\"}");

        HttpCall.Response page = HttpCall.to(HOST.host()).get("/devhost/mail").header("Accept", "text/html,*/*").send();
        assertEquals(200, page.status);
        assertTrue(page.header("Content-Type"), page.header("Content-Type").startsWith("text/html"));
        assertFalse(page.body, page.body.contains("<img src=x"));
        assertTrue(page.body, page.body.contains("&lt;img src=x onerror=alert(1)&gt;"));
        HttpCall.Response audit = HttpCall.to(HOST.host()).get("/devhost/audit").header("Accept", "text/html").send();
        assertEquals(200, audit.status);
        assertFalse(audit.body, audit.body.contains("<img src=x"));
    }
}
