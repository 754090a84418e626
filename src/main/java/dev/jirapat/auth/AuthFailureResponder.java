package dev.jirapat.auth;

import com.atlassian.sal.api.ApplicationProperties;
import com.atlassian.sal.api.UrlMode;

import javax.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.PrintWriter;

/**
 * Writes an {@link AuthFailure}: the Bearer filter's one answer to a request it refuses. A challenge (RFC 6750,
 * section 3) is {@code WWW-Authenticate: Bearer realm="<Jira's base URL>", error="<code>", error_description=...};
 * the JSON body has Jira's REST error shape, so clients that print Jira errors print ours:
 * {@code {"error":"<description>","errorCode":"<code>","errorMessages":["<description>"],"errors":{}}}. The RFC
 * 6750 code is in the header, where the RFC puts it, and in {@code errorCode}; {@code error} holds the message,
 * as in the REST API's own bodies on the same URLs.
 */
public final class AuthFailureResponder {
    private final ApplicationProperties applicationProperties;

    public AuthFailureResponder(ApplicationProperties applicationProperties) {
        this.applicationProperties = applicationProperties;
    }

    public void respond(HttpServletResponse response, AuthFailure failure) throws IOException {
        if (failure.challenges()) {
            response.setHeader("WWW-Authenticate", challenge(failure));
        }
        if (failure.retryAfterSeconds() > 0) {
            response.setHeader("Retry-After", Long.toString(failure.retryAfterSeconds()));
        }
        response.setStatus(failure.status());
        response.setHeader("Cache-Control", "no-store");
        response.setContentType("application/json;charset=UTF-8");
        String text = json(failure.description());
        PrintWriter out = response.getWriter();
        out.write("{\"error\":\"" + text + "\",\"errorCode\":\"" + failure.errorCode() + "\",\"errorMessages\":[\""
                + text + "\"],\"errors\":{}}");
        out.flush();
    }

    /** The challenge header value, e.g. {@code Bearer realm="https://jira.example.com", error="invalid_token", ...}. */
    String challenge(AuthFailure failure) {
        String scope = failure.scope() == null ? "" : ", scope=\"" + failure.scope() + "\"";
        return "Bearer realm=\"" + quoted(realm()) + "\", error=\"" + failure.errorCode() + "\", error_description=\""
                + quoted(failure.description()) + "\"" + scope;
    }

    private String realm() {
        try {
            String base = applicationProperties.getBaseUrl(UrlMode.CANONICAL);
            return base == null || base.isEmpty() ? "Jira" : base;
        } catch (RuntimeException e) {
            return "Jira"; // an error answer must not fail because the base URL is unreadable
        }
    }

    /** RFC 7230 quoted-string content: backslash-escape '"' and '\', drop control characters (no header splitting). */
    static String quoted(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c >= 0x20 && c != 0x7f) {
                out.append(c);
            }
        }
        return out.toString();
    }

    static String json(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
