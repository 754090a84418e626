package dev.jirapat.devhost;

import com.atlassian.mail.Email;
import com.atlassian.mail.queue.MailQueue;
import com.atlassian.mail.queue.MailQueueItem;
import com.atlassian.mail.queue.SingleMailQueueItem;
import com.atlassian.mail.server.MailServerManager;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import javax.mail.BodyPart;
import javax.mail.Message;
import javax.mail.MessagingException;
import javax.mail.Multipart;
import javax.mail.Part;
import javax.mail.Session;
import javax.mail.Transport;
import javax.mail.internet.InternetAddress;
import javax.mail.internet.MimeBodyPart;
import javax.mail.internet.MimeMessage;
import javax.mail.internet.MimeMultipart;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * The host's outgoing mail: Jira's mail queue and mail server manager, sending every queued mail at once as a
 * real MIME message over SMTP to an in-process GreenMail server on loopback, which keeps what it received
 * ({@code GET /jira/devhost/mail}). As the dev host assumes Jira's SMTP server does, an Email with a multipart
 * gets its body as the multipart's first part (so text, then the HTML alternative).
 */
public final class DevMail implements MailQueue, MailServerManager, AutoCloseable {
    static final String FROM = "jira@devhost.invalid";

    private final GreenMail greenMail;
    private final Session session;
    private volatile boolean serverDefined = true;
    private volatile boolean failing;

    DevMail() {
        greenMail = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        greenMail.start();
        Properties props = new Properties();
        props.put("mail.smtp.host", "127.0.0.1");
        props.put("mail.smtp.port", Integer.toString(greenMail.getSmtp().getPort()));
        session = Session.getInstance(props);
    }

    /** For tests: as if Jira had no SMTP server configured (no owner mail is then sent). */
    public void setServerDefined(boolean defined) {
        this.serverDefined = defined;
    }

    /** For tests: every queued mail fails, as when Jira's queue is full or broken. */
    public void setFailing(boolean failing) {
        this.failing = failing;
    }

    @Override
    public boolean isDefaultSMTPMailServerDefined() {
        return serverDefined;
    }

    @Override
    public void addItem(MailQueueItem item) {
        if (!(item instanceof SingleMailQueueItem)) {
            throw new DevHostException("the dev host's mail queue takes SingleMailQueueItems, not " + item.getClass());
        }
        if (failing) {
            throw new IllegalStateException("the dev host's mail queue was told to fail");
        }
        Email email = ((SingleMailQueueItem) item).getEmail();
        try {
            MimeMessage message = new MimeMessage(session);
            message.setFrom(new InternetAddress(FROM));
            message.setRecipients(Message.RecipientType.TO, InternetAddress.parse(email.getTo()));
            String charset = email.getEncoding() == null ? "UTF-8" : email.getEncoding();
            message.setSubject(email.getSubject(), charset);
            message.setSentDate(new Date());
            String type = (email.getMimeType() == null ? "text/plain" : email.getMimeType()) + "; charset=" + charset;
            if (email.getMultipart() == null) {
                message.setContent(email.getBody(), type);
            } else {
                MimeMultipart parts = new MimeMultipart(subtype(email.getMultipart()));
                MimeBodyPart body = new MimeBodyPart();
                body.setContent(email.getBody(), type);
                parts.addBodyPart(body);
                Multipart given = email.getMultipart();
                List<BodyPart> rest = new ArrayList<>();
                for (int i = 0; i < given.getCount(); i++) {
                    rest.add(given.getBodyPart(i));
                }
                for (BodyPart part : rest) {
                    parts.addBodyPart(part);
                }
                message.setContent(parts);
            }
            message.saveChanges();
            Transport.send(message);
        } catch (MessagingException e) {
            throw new IllegalStateException("the dev host could not send a mail over SMTP: " + e, e);
        }
    }

    private static String subtype(Multipart multipart) {
        String type = multipart.getContentType();
        int slash = type.indexOf('/');
        int semi = type.indexOf(';');
        return slash < 0 ? "mixed" : type.substring(slash + 1, semi < 0 ? type.length() : semi).trim();
    }

    /** What arrived over SMTP, newest first: to, subject, text and HTML parts, sentAt. */
    List<Map<String, Object>> received() {
        List<Map<String, Object>> all = new ArrayList<>();
        for (MimeMessage m : greenMail.getReceivedMessages()) {
            try {
                StringBuilder text = new StringBuilder();
                StringBuilder html = new StringBuilder();
                collect(m, text, html);
                Date sent = m.getSentDate();
                all.add(Json.object("to", InternetAddress.toString(m.getRecipients(Message.RecipientType.TO)),
                        "subject", m.getSubject(), "text", text.toString(), "html", html.toString(),
                        "sentAt", sent == null ? null : sent.toInstant().toString()));
            } catch (MessagingException | IOException e) {
                all.add(Json.object("error", e.toString()));
            }
        }
        Collections.reverse(all);
        return all;
    }

    private static void collect(Part part, StringBuilder text, StringBuilder html) throws MessagingException, IOException {
        if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                collect(multipart.getBodyPart(i), text, html);
            }
        } else if (part.isMimeType("text/html")) {
            html.append(part.getContent());
        } else if (part.isMimeType("text/plain")) {
            text.append(part.getContent());
        }
    }

    @Override
    public void close() {
        greenMail.stop();
    }
}
