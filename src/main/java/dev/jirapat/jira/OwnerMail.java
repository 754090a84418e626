package dev.jirapat.jira;

import com.atlassian.mail.Email;
import com.atlassian.mail.queue.MailQueue;
import com.atlassian.mail.queue.SingleMailQueueItem;
import com.atlassian.sal.api.ApplicationProperties;
import com.atlassian.sal.api.UrlMode;
import com.atlassian.sal.api.message.I18nResolver;
import com.atlassian.sal.api.message.LocaleResolver;
import com.atlassian.sal.api.timezone.TimeZoneManager;
import com.atlassian.sal.api.user.UserKey;
import com.atlassian.templaterenderer.TemplateRenderer;
import dev.jirapat.token.AccessToken;
import dev.jirapat.token.ExpiryNotices;
import dev.jirapat.token.PolicySource;
import dev.jirapat.token.TokenEvent;
import dev.jirapat.token.TokenEvents;
import dev.jirapat.token.UserAccount;
import dev.jirapat.token.Users;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.mail.MessagingException;
import javax.mail.internet.MimeBodyPart;
import javax.mail.internet.MimeMultipart;
import java.io.IOException;
import java.io.Serializable;
import java.io.StringWriter;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TimeZone;
import java.util.function.BooleanSupplier;

/**
 * Mails a token's owner about their tokens, through Jira's mail queue: created (by them or for them), rotated,
 * revoked by someone else (one mail per owner for a bulk revocation), pruned, about to expire and expired. Nothing
 * when a token is removed with its owner (nobody to tell), when the owner revoked it themself, has no address or is
 * inactive, when Jira sends no mail, or when the policy's {@code mailNotificationsEnabled} is off.
 *
 * <p>Each mail is HTML (template {@value #TEMPLATE}) with a plain-text alternative, in the owner's language and
 * time zone (SAL's LocaleResolver and TimeZoneManager; UTC when the zone cannot be had), and links to the owner's
 * profile page under Jira's base URL. Names typed by users are neutralised ({@link MailText}) and HTML-escaped in
 * the HTML part. A mail never contains a token or its hash: events and stored tokens carry only names and hints.
 * The plain text is assembled here rather than by a second template: a host renderer that HTML-escapes what a
 * template inserts (Jira's convention for names not ending in {@code Html}) would garble a text part. The HTML
 * template receives every value escaped already, under names ending in {@code Html}, which is right whether the
 * renderer escapes the others or not.
 *
 * <p>Events arrive after their change committed; the mail is only queued here (Jira sends it later). Nothing here
 * throws into the caller: a failure is logged, with the token's id, never its secret.
 */
public final class OwnerMail implements TokenEvents, ExpiryNotices {
    static final String TEMPLATE = "templates/mail/owner-notice.vm";
    static final String PROFILE_PATH = "/secure/ViewProfile.jspa";
    private static final Logger log = LoggerFactory.getLogger(OwnerMail.class);

    private final Users users;
    private final MailQueue queue;
    private final TemplateRenderer renderer;
    private final I18nResolver i18n;
    private final LocaleResolver locales;
    private final TimeZoneManager zones;
    private final ApplicationProperties application;
    private final BooleanSupplier outgoingMail;
    private final PolicySource policy;

    public OwnerMail(Users users, MailQueue queue, TemplateRenderer renderer, I18nResolver i18n, LocaleResolver locales,
                     TimeZoneManager zones, ApplicationProperties application, BooleanSupplier outgoingMail,
                     PolicySource policy) {
        this.users = users;
        this.queue = queue;
        this.renderer = renderer;
        this.i18n = i18n;
        this.locales = locales;
        this.zones = zones;
        this.application = application;
        this.outgoingMail = outgoingMail;
        this.policy = policy;
    }

    @Override
    public void publish(TokenEvent event) {
        List<OwnerNotice> notices;
        try {
            notices = noticesFor(event);
        } catch (RuntimeException e) {
            log.warn("No owner notice for {}: {}", event, e.toString());
            return;
        }
        for (OwnerNotice notice : notices) {
            send(notice);
        }
    }

    @Override
    public void expiresSoon(AccessToken token, int thresholdDays) {
        send(new OwnerNotice(OwnerNotice.Kind.EXPIRES_SOON, token.ownerKey(), Collections.singletonList(of(token)), null,
                null, null, token.expiresAt().orElse(null), thresholdDays));
    }

    @Override
    public void expired(AccessToken token) {
        send(new OwnerNotice(OwnerNotice.Kind.EXPIRED, token.ownerKey(), Collections.singletonList(of(token)), null,
                null, null, token.expiresAt().orElse(null), 0));
    }

    /** Which owners hear of this event, and what. */
    static List<OwnerNotice> noticesFor(TokenEvent event) {
        if (event instanceof TokenEvent.Created) {
            return one(OwnerNotice.Kind.CREATED, (TokenEvent.OfToken) event, ((TokenEvent.Created) event).expiresAt().orElse(null));
        }
        if (event instanceof TokenEvent.Rotated) {
            return one(OwnerNotice.Kind.ROTATED, (TokenEvent.OfToken) event, ((TokenEvent.Rotated) event).expiresAt().orElse(null));
        }
        if (event instanceof TokenEvent.Revoked) {
            TokenEvent.Revoked revoked = (TokenEvent.Revoked) event;
            return byOwner(revoked) ? Collections.<OwnerNotice>emptyList() : one(OwnerNotice.Kind.REVOKED, revoked, null);
        }
        if (event instanceof TokenEvent.Pruned) {
            return one(OwnerNotice.Kind.PRUNED, (TokenEvent.OfToken) event, ((TokenEvent.Pruned) event).expiredAt());
        }
        if (event instanceof TokenEvent.BulkRevoked) {
            // One mail per owner, listing all of their tokens this revocation took.
            Map<String, List<OwnerNotice.Token>> byOwner = new LinkedHashMap<>();
            for (TokenEvent.Revoked r : ((TokenEvent.BulkRevoked) event).revocations()) {
                if (!byOwner(r)) {
                    byOwner.computeIfAbsent(r.ownerKey(), k -> new ArrayList<>()).add(of(r));
                }
            }
            List<OwnerNotice> notices = new ArrayList<>();
            for (Map.Entry<String, List<OwnerNotice.Token>> e : byOwner.entrySet()) {
                notices.add(new OwnerNotice(e.getValue().size() == 1 ? OwnerNotice.Kind.REVOKED : OwnerNotice.Kind.REVOKED_MANY,
                        e.getKey(), e.getValue(), event.actorKey().orElse(null), event.at(),
                        event.clientAddress().orElse(null), null, 0));
            }
            return notices;
        }
        return Collections.emptyList(); // removed with its owner (nobody to tell), settings changed
    }

    private static boolean byOwner(TokenEvent.OfToken event) {
        return event.actorKey().map(event.ownerKey()::equals).orElse(false);
    }

    private static List<OwnerNotice> one(OwnerNotice.Kind kind, TokenEvent.OfToken event, Instant expiresAt) {
        return Collections.singletonList(new OwnerNotice(kind, event.ownerKey(), Collections.singletonList(of(event)),
                event.actorKey().orElse(null), event.at(), event.clientAddress().orElse(null), expiresAt, 0));
    }

    private static OwnerNotice.Token of(TokenEvent.OfToken event) {
        return new OwnerNotice.Token(event.tokenId(), event.name(), event.hint());
    }

    private static OwnerNotice.Token of(AccessToken token) {
        return new OwnerNotice.Token(token.id(), token.name(), token.hint());
    }

    private void send(OwnerNotice notice) {
        try {
            if (!policy.policy().mailNotificationsEnabled()) {
                log.debug("{} not sent: owner e-mails are turned off", notice);
                return;
            }
            if (!outgoingMail.getAsBoolean()) {
                log.debug("{} not sent: Jira sends no mail", notice);
                return;
            }
            Optional<UserAccount> owner = users.byKey(notice.ownerKey);
            if (!owner.isPresent() || !owner.get().active() || owner.get().email().trim().isEmpty()) {
                log.debug("{} not sent: the owner is unknown, inactive or has no e-mail address", notice);
                return;
            }
            queue.addItem(new SingleMailQueueItem(compose(notice, owner.get())));
        } catch (RuntimeException | LinkageError e) {
            log.warn("{} not sent: {}", notice, e.toString());
        }
    }

    Email compose(OwnerNotice notice, UserAccount owner) {
        Locale locale = localeOf(owner.key());
        ZoneId zone = zoneOf(owner.key());
        OwnerNotice.Token first = notice.tokens.get(0);
        String subject = text(locale, "pat.mail.subject." + notice.kind.key,
                notice.kind == OwnerNotice.Kind.REVOKED_MANY ? Integer.valueOf(notice.tokens.size()) : MailText.plain(first.name),
                notice.days);
        String intro = text(locale, "pat.mail.intro." + notice.kind.key, notice.days);

        List<String[]> rows = new ArrayList<>();
        for (OwnerNotice.Token token : notice.tokens) {
            rows.add(row(locale, "pat.mail.label.token", MailText.plain(token.name) + " (" + MailText.plain(token.hint) + ")"));
        }
        if (notice.at != null) {
            String actor = notice.actorKey == null ? text(locale, "pat.mail.actor.system")
                    : MailText.plain(users.byKey(notice.actorKey).map(UserAccount::displayName).orElse(notice.actorKey));
            rows.add(row(locale, "pat.mail.label.actor", actor));
            rows.add(row(locale, "pat.mail.label.at", when(notice.at, locale, zone)));
        }
        if (notice.clientAddress != null) {
            rows.add(row(locale, "pat.mail.label.address", MailText.plain(notice.clientAddress)));
        }
        if (notice.expiresAt != null) {
            rows.add(row(locale, "pat.mail.label.expires", when(notice.expiresAt, locale, zone)));
        }
        String profileUrl = baseUrl() + PROFILE_PATH;
        String link = text(locale, "pat.mail.link");
        String footer = text(locale, "pat.mail.footer");

        StringBuilder plain = new StringBuilder().append(subject).append("\n\n").append(intro).append("\n\n");
        for (String[] r : rows) {
            plain.append(r[0]).append(": ").append(r[1]).append('\n');
        }
        plain.append('\n').append(link).append(": ").append(profileUrl).append("\n\n-- \n").append(footer).append('\n');

        Map<String, Object> context = new HashMap<>();
        context.put("langHtml", MailText.html(locale.toLanguageTag()));
        context.put("subjectHtml", MailText.html(subject));
        context.put("introHtml", MailText.html(intro));
        List<Map<String, String>> htmlRows = new ArrayList<>();
        for (String[] r : rows) {
            Map<String, String> cells = new HashMap<>();
            cells.put("labelHtml", MailText.html(r[0]));
            cells.put("valueHtml", MailText.html(r[1]));
            htmlRows.add(cells);
        }
        context.put("rows", htmlRows);
        context.put("profileUrlHtml", MailText.html(profileUrl));
        context.put("linkHtml", MailText.html(link));
        context.put("footerHtml", MailText.html(footer));
        StringWriter html = new StringWriter();
        try {
            renderer.render(TEMPLATE, context, html);
        } catch (IOException e) {
            throw new IllegalStateException("cannot render " + TEMPLATE, e);
        }

        // The text is the body; the HTML travels as the multipart's alternative (docs/host-api.md, "Email").
        MimeMultipart alternative = new MimeMultipart("alternative");
        try {
            MimeBodyPart htmlPart = new MimeBodyPart();
            htmlPart.setContent(html.toString(), "text/html; charset=UTF-8");
            alternative.addBodyPart(htmlPart);
        } catch (MessagingException e) {
            throw new IllegalStateException("cannot build the HTML part", e);
        }
        return new Email(owner.email()).setSubject(subject).setBody(plain.toString()).setMimeType("text/plain")
                .setEncoding("UTF-8").setMultipart(alternative);
    }

    private String[] row(Locale locale, String labelKey, String value) {
        return new String[] {text(locale, labelKey), value};
    }

    private String text(Locale locale, String key, Serializable... args) {
        return i18n.getText(locale, key, args);
    }

    /** The instant in the owner's zone, as the owner's locale writes it, with the zone named. */
    static String when(Instant at, Locale locale, ZoneId zone) {
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM).withLocale(locale).format(at.atZone(zone))
                + " (" + zone.getId() + ")";
    }

    private Locale localeOf(String userKey) {
        try {
            Locale locale = locales.getLocale(new UserKey(userKey));
            return locale == null ? Locale.ROOT : locale;
        } catch (RuntimeException | LinkageError e) {
            return Locale.ROOT;
        }
    }

    private ZoneId zoneOf(String userKey) {
        try {
            TimeZone zone = zones.getUserTimeZone(new UserKey(userKey));
            return zone == null ? ZoneOffset.UTC : zone.toZoneId();
        } catch (RuntimeException | LinkageError e) {
            return ZoneOffset.UTC;
        }
    }

    private String baseUrl() {
        String base = application.getBaseUrl(UrlMode.CANONICAL);
        return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }
}
