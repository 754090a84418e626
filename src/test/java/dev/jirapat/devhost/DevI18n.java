package dev.jirapat.devhost;

import com.atlassian.sal.api.message.I18nResolver;
import com.atlassian.sal.api.message.Message;

import java.io.Serializable;
import java.util.Arrays;

/** SAL's I18nResolver, as far as the plugin uses it: messages by key. */
final class DevI18n implements I18nResolver {
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
