package dev.jirapat.auth;

import dev.jirapat.token.BuiltinToken;
import dev.jirapat.token.TokenString;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Objects;

/**
 * Reads our token from the {@code Authorization} header(s), and nothing else (no query or form parameters).
 * Pure: no servlet state, no store. A credential that is not ours (another scheme, another issuer's Bearer
 * token, a password) is {@link Kind#ABSENT}, so the request passes on untouched and Jira decides.
 */
public final class BearerTokenExtractor {
    private static final String BEARER = "Bearer";
    private static final String BASIC = "Basic";

    private BearerTokenExtractor() {
    }

    public enum Kind {
        /** Not ours: pass the request on untouched. */
        ABSENT,
        /** Ours, but the header cannot be read: 400 invalid_request. */
        MALFORMED,
        /** {@code Bearer jpat_...}: check it. */
        BEARER,
        /** {@code Basic base64(username:jpat_...)}: check it when the admin allows Basic. */
        BASIC,
        /**
         * {@code Bearer <token of Jira's built-in app>}: ours only when its id was imported (the filter asks the
         * checker); otherwise it passes on untouched, as before imports existed.
         */
        BUILTIN
    }

    /** What the header holds. {@link #toString()} never shows the token. */
    public static final class Extraction {
        private static final Extraction ABSENT = new Extraction(Kind.ABSENT, null, null, null);

        private final Kind kind;
        private final String reason;
        private final String token;
        private final String username;

        private Extraction(Kind kind, String reason, String token, String username) {
            this.kind = kind;
            this.reason = reason;
            this.token = token;
            this.username = username;
        }

        static Extraction malformed(String reason) {
            return new Extraction(Kind.MALFORMED, Objects.requireNonNull(reason), null, null);
        }

        public Kind kind() {
            return kind;
        }

        /** For {@link Kind#MALFORMED}: a description safe to send to the client. */
        public String reason() {
            return reason;
        }

        /** For {@link Kind#BEARER} and {@link Kind#BASIC}: the presented token text (not yet checked). */
        public String token() {
            return token;
        }

        /** For {@link Kind#BASIC}: the username the client sent with the token. */
        public String username() {
            return username;
        }

        @Override
        public String toString() {
            return "Extraction[" + kind + (reason == null ? "" : ": " + reason) + "]";
        }
    }

    /** The extraction for a request's {@code Authorization} header values (null or empty for none). */
    public static Extraction extract(Enumeration<String> headers) {
        return extract(headers == null ? Collections.<String>emptyList() : Collections.list(headers));
    }

    public static Extraction extract(List<String> headers) {
        List<Extraction> ours = new ArrayList<>();
        for (String header : headers) {
            Extraction e = extractOne(header);
            if (e.kind != Kind.ABSENT) {
                ours.add(e);
            }
        }
        if (ours.isEmpty()) {
            return Extraction.ABSENT;
        }
        if (headers.size() > 1 && ours.stream().allMatch(e -> e.kind == Kind.BUILTIN)) {
            return Extraction.ABSENT; // as before imports: a built-in token among other credentials is Jira's concern
        }
        if (headers.size() > 1) {
            // Which credential would the host use? Refuse rather than guess (RFC 6750, section 3.1, invalid_request).
            return Extraction.malformed("The request has more than one Authorization header");
        }
        return ours.get(0);
    }

    private static Extraction extractOne(String header) {
        if (header == null) {
            return Extraction.ABSENT;
        }
        String value = trim(header);
        String scheme = schemeOf(value);
        String credentials = trim(value.substring(scheme.length()));
        if (scheme.equalsIgnoreCase(BEARER)) {
            return bearer(credentials);
        }
        if (scheme.equalsIgnoreCase(BASIC)) {
            return basic(credentials);
        }
        return Extraction.ABSENT;
    }

    private static Extraction bearer(String credentials) {
        if (credentials.isEmpty()) {
            return Extraction.malformed("The Bearer credentials are empty");
        }
        if (!TokenString.looksLikeOurs(credentials)) {
            if (BuiltinToken.parse(credentials).isPresent()) {
                return new Extraction(Kind.BUILTIN, null, credentials, null); // imported, or Jira's own PAT
            }
            return Extraction.ABSENT; // OAuth 2.0 access tokens, a base64 copy of ours, ...
        }
        if (!isB64Token(credentials)) {
            return Extraction.malformed("The Bearer credentials are not a single token");
        }
        return new Extraction(Kind.BEARER, null, credentials, null);
    }

    private static Extraction basic(String credentials) {
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(credentials), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return Extraction.ABSENT; // not readable as Basic: the host's concern
        }
        int colon = decoded.indexOf(':');
        if (colon < 0 || !TokenString.looksLikeOurs(decoded.substring(colon + 1))) {
            return Extraction.ABSENT; // a password: the host's concern
        }
        return new Extraction(Kind.BASIC, null, decoded.substring(colon + 1), decoded.substring(0, colon));
    }

    /** RFC 6750 b64token: 1*( ALPHA / DIGIT / "-" / "." / "_" / "~" / "+" / "/" ) *"=". */
    private static boolean isB64Token(String s) {
        int i = 0;
        while (i < s.length() && isB64Char(s.charAt(i))) {
            i++;
        }
        while (i < s.length() && s.charAt(i) == '=') {
            i++;
        }
        return i == s.length();
    }

    private static boolean isB64Char(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                || c == '-' || c == '.' || c == '_' || c == '~' || c == '+' || c == '/';
    }

    private static String schemeOf(String value) {
        int end = 0;
        while (end < value.length() && !isSpace(value.charAt(end))) {
            end++;
        }
        return value.substring(0, end);
    }

    private static String trim(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && isSpace(s.charAt(start))) {
            start++;
        }
        while (end > start && isSpace(s.charAt(end - 1))) {
            end--;
        }
        return s.substring(start, end);
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t';
    }
}
