// Host API declaration (never shipped): follows docs/host-api.md, entry "MailQueue".
// Only the member we call.
package com.atlassian.mail.queue;

public interface MailQueue {
    void addItem(MailQueueItem item);
}
