// Host API declaration (never shipped): follows docs/host-api.md, entry "SingleMailQueueItem".
// A class built from an Email. getEmail() is for the dev host's queue only; the plugin never calls it.
package com.atlassian.mail.queue;

import com.atlassian.mail.Email;

public class SingleMailQueueItem implements MailQueueItem {
    private final Email email;

    public SingleMailQueueItem(Email email) {
        this.email = email;
    }

    public Email getEmail() {
        return email;
    }
}
