package dev.jirapat.devhost;

import com.atlassian.sal.api.message.I18nResolver;
import com.atlassian.sal.api.message.Message;

import java.io.Serializable;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The plugin's {@code <resource type="i18n">} bundles as the host offers them: SAL's I18nResolver, and
 * {@code $i18n} in Velocity views (Jira's I18nHelper). Formatted with {@link MessageFormat} as Jira formats
 * them; an unknown key comes back as the key itself, as in Jira.
 */
public final class DevI18n implements I18nResolver {
    private final List<ResourceBundle> bundles = new ArrayList<>();
    private final List<String> locations;

    DevI18n(List<String> locations) {
        this.locations = new ArrayList<>(locations);
        for (String location : locations) {
            try {
                bundles.add(ResourceBundle.getBundle(location, Locale.ROOT, DevI18n.class.getClassLoader()));
            } catch (MissingResourceException e) {
                throw new DevHostException("<resource type=\"i18n\" location=\"" + location + "\"> names no bundle on the classpath", e);
            }
        }
    }

    @Override
    public String getText(String key, Serializable... arguments) {
        return new MessageFormat(getRaw(key), Locale.ROOT).format(arguments);
    }

    /** In a locale: the bundles' files for it where the plugin has them, else the base files (as Jira falls back). */
    @Override
    public String getText(Locale locale, String key, Serializable... arguments) {
        for (String location : locations) {
            ResourceBundle bundle = ResourceBundle.getBundle(location, locale, DevI18n.class.getClassLoader(),
                    ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_DEFAULT));
            if (bundle.containsKey(key)) {
                return new MessageFormat(bundle.getString(key), locale).format(arguments);
            }
        }
        return getText(key, arguments);
    }

    /** {@code $i18n.getText("key")} in a view. */
    public String getText(String key) {
        return getText(key, new Serializable[0]);
    }

    /** The unformatted text, as the jsI18n transformer inlines it. */
    String getRaw(String key) {
        for (ResourceBundle bundle : bundles) {
            if (bundle.containsKey(key)) {
                return bundle.getString(key);
            }
        }
        return key;
    }

    @Override
    public Message createMessage(String key, Serializable... arguments) {
        return new DevMessage(key, arguments);
    }

    static final class DevMessage implements Message {
        private static final long serialVersionUID = 1L;
        private final String key;
        private final Serializable[] arguments;

        DevMessage(String key, Serializable[] arguments) {
            this.key = key;
            this.arguments = arguments.clone();
        }

        @Override
        public String toString() {
            return key + Arrays.toString(arguments);
        }
    }
}
