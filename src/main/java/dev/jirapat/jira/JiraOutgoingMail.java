package dev.jirapat.jira;

import com.atlassian.mail.MailFactory;
import com.atlassian.mail.server.MailServerManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.function.BooleanSupplier;

/**
 * Whether Jira sends mail at all: a default SMTP server is configured and sending is not disabled (the checks
 * Atlassian's own PAT app makes; docs/host-api.md, "MailFactory"). A failure to ask for the server counts as "no":
 * a notice not sent is better than an exception in the request that caused it. Only the sending switch, a static
 * member older atlassian-mail has, may be missing without that: then the server check decides alone.
 */
public final class JiraOutgoingMail implements BooleanSupplier {
    private static final Logger log = LoggerFactory.getLogger(JiraOutgoingMail.class);

    @Override
    public boolean getAsBoolean() {
        try {
            MailServerManager servers = MailFactory.getServerManager();
            return servers != null && servers.isDefaultSMTPMailServerDefined() && !sendingDisabled();
        } catch (RuntimeException | LinkageError e) {
            log.warn("Cannot tell whether Jira sends mail ({}); owner notices are not sent", e.toString());
            return false;
        }
    }

    private static boolean sendingDisabled() {
        try {
            return MailFactory.isSendingDisabled();
        } catch (LinkageError e) {
            return false;
        }
    }
}
