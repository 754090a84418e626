package dev.jirapat.jira;

import com.atlassian.mail.MailFactory;
import com.atlassian.mail.server.MailServerManager;
import org.junit.After;
import org.junit.Test;

import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

/** Owner mail goes out only when Jira has an SMTP server and sending is not switched off. */
public class JiraOutgoingMailTest {
    private final MailServerManager before = MailFactory.getServerManager();

    @After
    public void restore() {
        MailFactory.setServerManager(before);
        System.clearProperty("atlassian.mail.senddisabled");
    }

    @Test
    public void onWhenServerDefinedAndSendingNotDisabled() {
        MailFactory.setServerManager(() -> true);
        assertTrue(new JiraOutgoingMail().getAsBoolean());
    }

    @Test
    public void offWhenNoServerOrNoManagerOrSendingDisabledOrTheHostFails() {
        MailFactory.setServerManager(() -> false);
        assertFalse("no SMTP server", new JiraOutgoingMail().getAsBoolean());
        MailFactory.setServerManager(null);
        assertFalse("no server manager", new JiraOutgoingMail().getAsBoolean());
        MailFactory.setServerManager(() -> {
            throw new IllegalStateException("mail config unreadable");
        });
        assertFalse("cannot tell", new JiraOutgoingMail().getAsBoolean());
        MailFactory.setServerManager(() -> true);
        System.setProperty("atlassian.mail.senddisabled", "true");
        assertFalse("sending disabled", new JiraOutgoingMail().getAsBoolean());
    }
}
