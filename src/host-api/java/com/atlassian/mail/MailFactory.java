// Host API declaration (never shipped): follows docs/host-api.md, entry "MailFactory".
// A class with static members. The bodies follow the old public atlassian-mail source so the dev host can run
// them: the server manager is whatever was set (the dev host sets its own), sending is disabled by a system
// property.
package com.atlassian.mail;

import com.atlassian.mail.server.MailServerManager;

public class MailFactory {
    private static volatile MailServerManager serverManager;

    public static MailServerManager getServerManager() {
        return serverManager;
    }

    public static void setServerManager(MailServerManager manager) {
        serverManager = manager;
    }

    public static boolean isSendingDisabled() {
        return Boolean.getBoolean("atlassian.mail.senddisabled");
    }
}
