// Host API declaration (never shipped): follows docs/host-api.md, entry "Email".
// A class; its setters return the Email. Bodies exist only so the dev host can run it (its mail queue reads the
// getters, which the plugin never calls).
package com.atlassian.mail;

import javax.mail.Multipart;

public class Email {
    private final String to;
    private String subject;
    private String body;
    private String mimeType;
    private String encoding;
    private Multipart multipart;

    public Email(String to) {
        this.to = to;
    }

    public Email setSubject(String subject) {
        this.subject = subject;
        return this;
    }

    public Email setBody(String body) {
        this.body = body;
        return this;
    }

    public Email setMimeType(String mimeType) {
        this.mimeType = mimeType;
        return this;
    }

    public Email setEncoding(String encoding) {
        this.encoding = encoding;
        return this;
    }

    public Email setMultipart(Multipart multipart) {
        this.multipart = multipart;
        return this;
    }

    public String getTo() {
        return to;
    }

    public String getSubject() {
        return subject;
    }

    public String getBody() {
        return body;
    }

    public String getMimeType() {
        return mimeType;
    }

    public String getEncoding() {
        return encoding;
    }

    public Multipart getMultipart() {
        return multipart;
    }
}
