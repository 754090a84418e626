package dev.jirapat.rest;

import dev.jirapat.token.AccessToken;
import dev.jirapat.token.IpRange;
import dev.jirapat.token.IssuedToken;
import dev.jirapat.token.TokenOrigin;
import dev.jirapat.token.TokenPolicy;
import dev.jirapat.token.TokenStatus;
import dev.jirapat.token.UserAccount;
import org.codehaus.jackson.JsonGenerator;
import org.codehaus.jackson.annotate.JsonAnyGetter;
import org.codehaus.jackson.annotate.JsonProperty;
import org.codehaus.jackson.annotate.JsonPropertyOrder;
import org.codehaus.jackson.jaxrs.JacksonJsonProvider;
import org.codehaus.jackson.map.DeserializationConfig;
import org.codehaus.jackson.map.JsonSerializer;
import org.codehaus.jackson.map.ObjectMapper;
import org.codehaus.jackson.map.SerializationConfig;
import org.codehaus.jackson.map.SerializerProvider;
import org.codehaus.jackson.map.annotate.JsonSerialize;

import javax.ws.rs.core.MediaType;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The response beans as they were before the plugin wrote its own JSON: annotated for codehaus Jackson 1 and
 * written by its JAX-RS provider configured as Atlassian REST v1 configures it (and as the dev host's Jersey 1
 * mount did): no auto-detection of getters or fields, null fields omitted. Kept here, unchanged but for their
 * names, as the reference the plugin's own {@link JsonWriter} must match byte for byte.
 */
final class Jackson1Beans {
    private Jackson1Beans() {
    }

    /** What the host's Jackson 1 provider wrote for {@code value} declared as {@code type}. */
    static byte[] write(Object value, Type type) {
        ObjectMapper mapper = new ObjectMapper();
        mapper.configure(SerializationConfig.Feature.AUTO_DETECT_GETTERS, false);
        mapper.configure(SerializationConfig.Feature.AUTO_DETECT_FIELDS, false);
        mapper.configure(DeserializationConfig.Feature.AUTO_DETECT_SETTERS, false);
        mapper.configure(DeserializationConfig.Feature.AUTO_DETECT_FIELDS, false);
        mapper.setSerializationInclusion(JsonSerialize.Inclusion.NON_NULL);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            new JacksonJsonProvider(mapper).writeTo(value, value.getClass(), type, new Annotation[0],
                    MediaType.APPLICATION_JSON_TYPE, null, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static byte[] write(Object value) {
        return write(value, value.getClass());
    }

    /** Writes text a user chose raw when it holds surrogates (Jackson 1 escapes both halves of a 4-byte character). */
    public static final class Utf8Text extends JsonSerializer<String> {
        private static final char[] HEX = "0123456789ABCDEF".toCharArray();

        @Override
        public void serialize(String value, JsonGenerator generator, SerializerProvider provider) throws IOException {
            if (!hasSupplementary(value)) {
                generator.writeString(value);
                return;
            }
            byte[] utf8 = escape(value).getBytes(StandardCharsets.UTF_8);
            try {
                generator.writeRawUTF8String(utf8, 0, utf8.length);
            } catch (UnsupportedOperationException notAUtf8Generator) {
                generator.writeString(value);
            }
        }

        private static boolean hasSupplementary(String value) {
            for (int i = 0; i < value.length(); i++) {
                if (Character.isSurrogate(value.charAt(i))) {
                    return true;
                }
            }
            return false;
        }

        static String escape(String value) {
            StringBuilder out = new StringBuilder(value.length() + 8);
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                boolean pair = Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1));
                if (pair) {
                    out.append(c).append(value.charAt(++i));
                } else if (c == '"' || c == '\\') {
                    out.append('\\').append(c);
                } else if (c < 0x20 || Character.isSurrogate(c)) {
                    out.append("\\u").append(HEX[c >> 12 & 0xF]).append(HEX[c >> 8 & 0xF]).append(HEX[c >> 4 & 0xF]).append(HEX[c & 0xF]);
                } else {
                    out.append(c);
                }
            }
            return out.toString();
        }
    }

    @JsonPropertyOrder({"id", "name", "createdAt", "expiringAt", "lastAccessedAt", "lastAccessedIp", "scope", "allowedIps",
            "createdBy", "status", "neverExpires", "origin"})
    public static class TokenBean {
        @JsonProperty("id")
        private final long id;
        @JsonProperty("name")
        @JsonSerialize(using = Utf8Text.class)
        private final String name;
        @JsonProperty("createdAt")
        private final String createdAt;
        @JsonProperty("expiringAt")
        private final String expiringAt;
        @JsonProperty("lastAccessedAt")
        private final String lastAccessedAt;
        @JsonProperty("lastAccessedIp")
        private final String lastAccessedIp;
        @JsonProperty("scope")
        private final String scope;
        @JsonProperty("allowedIps")
        private final List<String> allowedIps;
        @JsonProperty("createdBy")
        @JsonSerialize(using = Utf8Text.class)
        private final String createdBy;
        @JsonProperty("status")
        private final String status;
        @JsonProperty("neverExpires")
        private final boolean neverExpires;
        @JsonProperty("origin")
        private final String origin;

        TokenBean(AccessToken token, String createdBy, TokenStatus status) {
            this.id = token.id();
            this.name = token.name();
            this.createdAt = Wire.date(token.createdAt());
            this.expiringAt = token.expiresAt().map(Wire::date).orElse(Wire.NEVER);
            this.lastAccessedAt = token.lastUsedAt().map(Wire::date).orElse(null);
            this.lastAccessedIp = token.lastUsedAt().isPresent() ? token.lastUsedIp().orElse(null) : null;
            this.scope = token.scope().wireName();
            List<String> ranges = new ArrayList<>();
            for (IpRange range : token.allowedIps()) {
                ranges.add(range.toString());
            }
            this.allowedIps = ranges.isEmpty() ? null : ranges;
            this.createdBy = createdBy;
            this.status = Wire.status(status);
            this.neverExpires = !token.expiresAt().isPresent();
            this.origin = token.origin() == TokenOrigin.JPAT ? null : token.origin().wireName();
        }
    }

    @JsonPropertyOrder({"id", "name", "createdAt", "expiringAt", "lastAccessedAt", "lastAccessedIp", "scope", "allowedIps",
            "createdBy", "status", "neverExpires", "origin", "userProfileResource", "ownerActive"})
    public static final class AdminTokenBean extends TokenBean {
        @JsonProperty("userProfileResource")
        private final UserBean userProfileResource;

        @JsonProperty("ownerActive")
        private final boolean ownerActive;

        AdminTokenBean(AccessToken token, String createdBy, TokenStatus status, UserBean owner, boolean ownerActive) {
            super(token, createdBy, status);
            this.userProfileResource = owner;
            this.ownerActive = ownerActive;
        }
    }

    @JsonPropertyOrder({"id", "name", "createdAt", "expiringAt", "lastAccessedAt", "lastAccessedIp", "scope", "allowedIps",
            "createdBy", "status", "neverExpires", "origin", "rawToken"})
    public static final class CreatedTokenBean extends TokenBean {
        @JsonProperty("rawToken")
        private final String rawToken;

        CreatedTokenBean(IssuedToken issued, String createdBy, TokenStatus status) {
            super(issued.token(), createdBy, status);
            this.rawToken = issued.rawToken();
        }
    }

    @JsonPropertyOrder({"values", "page", "size", "isLastPage", "totalPages", "totalPagesAtLeast"})
    public static final class TokenPageBean {
        @JsonProperty("values")
        private final List<AdminTokenBean> values;
        @JsonProperty("page")
        private final int page;
        @JsonProperty("size")
        private final int size;
        @JsonProperty("isLastPage")
        private final boolean lastPage;
        @JsonProperty("totalPages")
        private final int totalPages;
        @JsonProperty("totalPagesAtLeast")
        private final Boolean totalPagesAtLeast;

        TokenPageBean(List<AdminTokenBean> values, int page, int size, boolean lastPage, int totalPages, boolean exact) {
            this.values = values;
            this.page = page;
            this.size = size;
            this.lastPage = lastPage;
            this.totalPages = totalPages;
            this.totalPagesAtLeast = exact ? null : Boolean.TRUE;
        }
    }

    public static final class PolicyBean {
        private final Map<String, Object> values = new LinkedHashMap<>();

        PolicyBean(TokenPolicy policy) {
            for (TokenPolicy.Setting setting : TokenPolicy.Setting.values()) {
                String value = policy.value(setting);
                values.put(setting.key(), setting.isBoolean() ? (Object) Boolean.valueOf(value)
                        : setting.isDayList() ? policy.expiryNoticeDays().days() : (Object) Integer.valueOf(value));
            }
        }

        @JsonAnyGetter
        public Map<String, Object> values() {
            return values;
        }
    }

    @JsonPropertyOrder({"userKey", "username", "fullName", "email"})
    public static final class UserBean {
        @JsonProperty("userKey")
        @JsonSerialize(using = Utf8Text.class)
        private final String userKey;
        @JsonProperty("username")
        @JsonSerialize(using = Utf8Text.class)
        private final String username;
        @JsonProperty("fullName")
        @JsonSerialize(using = Utf8Text.class)
        private final String fullName;
        @JsonProperty("email")
        @JsonSerialize(using = Utf8Text.class)
        private final String email;

        UserBean(UserAccount user) {
            this.userKey = user.key();
            this.username = user.username();
            this.fullName = user.displayName();
            this.email = user.email();
        }

        UserBean(String userKey) {
            this.userKey = userKey;
            this.username = null;
            this.fullName = null;
            this.email = null;
        }
    }

    @JsonPropertyOrder({"exception", "error", "errors"})
    public static final class ErrorBean {
        @JsonProperty("exception")
        private final String exception;
        @JsonProperty("error")
        private final String error;
        @JsonProperty("errors")
        private final Map<String, String> errors;

        ErrorBean(String exception, String error, String field) {
            this.exception = exception;
            this.error = error;
            this.errors = field == null ? null : Collections.singletonMap(field, error);
        }
    }

    @JsonPropertyOrder({"imported", "skipped", "failed", "dryRun", "errors"})
    public static final class ImportReportBean {
        @JsonProperty("imported")
        private final int imported;
        @JsonProperty("skipped")
        private final int skipped;
        @JsonProperty("failed")
        private final int failed;
        @JsonProperty("dryRun")
        private final boolean dryRun;
        @JsonProperty("errors")
        private final List<RowError> errors;

        ImportReportBean(int imported, int skipped, int failed, boolean dryRun, List<RowError> errors) {
            this.imported = imported;
            this.skipped = skipped;
            this.failed = failed;
            this.dryRun = dryRun;
            this.errors = errors;
        }

        @JsonPropertyOrder({"line", "reason"})
        public static final class RowError {
            @JsonProperty("line")
            private final long line;
            @JsonProperty("reason")
            @JsonSerialize(using = Utf8Text.class)
            private final String reason;

            RowError(long line, String reason) {
                this.line = line;
                this.reason = reason;
            }
        }
    }
}
