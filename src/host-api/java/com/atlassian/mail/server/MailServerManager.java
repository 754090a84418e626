// Host API declaration (never shipped): follows docs/host-api.md, entry "MailServerManager".
// Only the member we call.
package com.atlassian.mail.server;

public interface MailServerManager {
    boolean isDefaultSMTPMailServerDefined();
}
