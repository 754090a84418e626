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
 * SAL's I18nResolver over the plugin's own {@code <resource type="i18n">} bundles, formatted with
 * {@link MessageFormat} as Jira formats them. An unknown key comes back as the key itself, as in Jira.
 */
final class DevI18n implements I18nResolver {
    private final List<ResourceBundle> bundles = new ArrayList<>();

    DevI18n(List<String> locations) {
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
        for (ResourceBundle bundle : bundles) {
            if (bundle.containsKey(key)) {
                return new MessageFormat(bundle.getString(key), Locale.ROOT).format(arguments);
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
