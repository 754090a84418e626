package dev.jirapat.jira;

import com.atlassian.mail.Email;
import com.atlassian.mail.queue.MailQueueItem;
import com.atlassian.mail.queue.SingleMailQueueItem;
import com.atlassian.sal.api.message.I18nResolver;
import com.atlassian.sal.api.message.Message;
import com.atlassian.templaterenderer.TemplateRenderer;
import dev.jirapat.token.UserAccount;
import dev.jirapat.token.Users;
import org.apache.velocity.Template;
import org.apache.velocity.VelocityContext;
import org.apache.velocity.app.VelocityEngine;
import org.apache.velocity.app.event.EventCartridge;
import org.apache.velocity.app.event.ReferenceInsertionEventHandler;
import org.apache.velocity.runtime.RuntimeConstants;
import org.apache.velocity.runtime.resource.loader.ClasspathResourceLoader;

import javax.mail.BodyPart;
import javax.mail.Multipart;
import java.io.IOException;
import java.io.Serializable;
import java.io.Writer;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.ResourceBundle;

/** Test doubles at the mail adapter's edges: users, the plugin's real bundle and template, a capturing queue. */
final class MailFixtures {
    private MailFixtures() {
    }

    /** Users by key, each with the address given (blank: none). */
    static final class MapUsers implements Users {
        final Map<String, UserAccount> byKey = new LinkedHashMap<>();

        MapUsers add(String key, String displayName, String email, boolean active) {
            byKey.put(key, new UserAccount(key, key, displayName, email, active));
            return this;
        }

        @Override
        public Optional<UserAccount> byKey(String key) {
            return Optional.ofNullable(byKey.get(key));
        }

        @Override
        public Optional<UserAccount> byName(String username) {
            return byKey(username);
        }

        @Override
        public boolean isSystemAdmin(String key) {
            return false;
        }

        @Override
        public List<UserAccount> search(String contains, int limit) {
            return Collections.emptyList();
        }
    }

    /** The plugin's pat.properties; in German every text is prefixed "DE:" (there is no German bundle). */
    static final class BundleI18n implements I18nResolver {
        private final ResourceBundle bundle = ResourceBundle.getBundle("dev.jirapat.i18n.pat", Locale.ROOT);

        @Override
        public String getText(String key, Serializable... arguments) {
            return new MessageFormat(bundle.getString(key), Locale.ROOT).format(arguments);
        }

        @Override
        public String getText(Locale locale, String key, Serializable... arguments) {
            return (Locale.GERMAN.getLanguage().equals(locale.getLanguage()) ? "DE:" : "") + getText(key, arguments);
        }

        @Override
        public Message createMessage(String key, Serializable... arguments) {
            throw new UnsupportedOperationException();
        }
    }

    /** Real Velocity over the plugin's templates, escaping every reference not named ...Html, as Jira's renderer. */
    static TemplateRenderer velocity() {
        VelocityEngine engine = new VelocityEngine();
        engine.setProperty(RuntimeConstants.RESOURCE_LOADER, "classpath");
        engine.setProperty("classpath.resource.loader.class", ClasspathResourceLoader.class.getName());
        engine.setProperty(RuntimeConstants.RUNTIME_LOG_LOGSYSTEM_CLASS, "org.apache.velocity.runtime.log.NullLogChute");
        engine.init();
        return new TemplateRenderer() {
            @Override
            public void render(String templateName, Map<String, Object> context, Writer writer) throws IOException {
                Template template = engine.getTemplate(templateName, "UTF-8");
                VelocityContext vc = new VelocityContext(new LinkedHashMap<>(context));
                EventCartridge cartridge = new EventCartridge();
                cartridge.addEventHandler((ReferenceInsertionEventHandler) (reference, value) ->
                        value == null || reference.replaceAll("[${}!]", "").endsWith("Html") ? value
                                : MailText.html(String.valueOf(value)));
                cartridge.attachToContext(vc);
                template.merge(vc, writer);
            }
        };
    }

    /** A queued mail as its owner would read it. */
    static final class Sent {
        final String to;
        final String subject;
        final String text;
        final String html;

        Sent(MailQueueItem item) throws Exception {
            Email email = ((SingleMailQueueItem) item).getEmail();
            to = email.getTo();
            subject = email.getSubject();
            text = email.getBody();
            Multipart parts = email.getMultipart();
            StringBuilder h = new StringBuilder();
            for (int i = 0; i < parts.getCount(); i++) {
                BodyPart part = parts.getBodyPart(i);
                if (part.getDataHandler().getContentType().startsWith("text/html")) { // headers are set on save
                    h.append(part.getContent());
                }
            }
            html = h.toString();
            if (!"text/plain".equals(email.getMimeType()) || !parts.getContentType().startsWith("multipart/alternative")) {
                throw new AssertionError("expected a text body with an HTML alternative, got " + email.getMimeType()
                        + " and " + parts.getContentType());
            }
        }

        String all() {
            return subject + "\n" + text + "\n" + html;
        }

        static List<Sent> of(List<MailQueueItem> items) throws Exception {
            List<Sent> sent = new ArrayList<>();
            for (MailQueueItem item : items) {
                sent.add(new Sent(item));
            }
            return sent;
        }
    }
}
