// Host API declaration (never shipped): follows docs/host-api.md, entry "MailQueue".
// We never call or implement it: it is the parameter type of MailQueue.addItem.
package com.atlassian.mail.queue;

public interface MailQueueItem {
}
