package dev.jirapat.auth;

import dev.jirapat.token.PathKind;

import javax.servlet.http.HttpServletRequest;
import java.util.Locale;

/**
 * Where a request goes, decided on what the container routes ({@code getServletPath()} + {@code getPathInfo()},
 * decoded and normalised by Tomcat and Jetty alike), never on the raw URI alone. The raw path must agree with it
 * and be plain: a dot-segment in any encoding ({@code ..}, {@code %2e%2e}, {@code .%2E}), an encoded slash or
 * backslash, a raw backslash, an encoded percent (a second decoding elsewhere), an encoded NUL, an empty segment
 * or a path parameter ({@code ;jsessionid=...}) makes the path {@link PathKind#AMBIGUOUS}: containers, proxies and
 * Jira's own filters do not all read such paths the same way, and a read token is never sent down one of them.
 */
final class RoutedPath {
    private static final String REST = "/rest/";

    private RoutedPath() {
    }

    static PathKind of(HttpServletRequest request) {
        return classify(request.getRequestURI(), request.getContextPath(), request.getServletPath(), request.getPathInfo());
    }

    /**
     * @param requestUri  the raw request URI, as sent (no query)
     * @param contextPath the context path the container matched (raw, "" for the root context)
     * @param servletPath the routed servlet path (decoded, normalised)
     * @param pathInfo    the routed path info (decoded, normalised), or null
     */
    static PathKind classify(String requestUri, String contextPath, String servletPath, String pathInfo) {
        String context = contextPath == null ? "" : contextPath;
        if (requestUri == null || !requestUri.startsWith(context) || !isPlain(requestUri.substring(context.length()))) {
            return PathKind.AMBIGUOUS;
        }
        String raw = requestUri.substring(context.length());
        String routed = (servletPath == null ? "" : servletPath) + (pathInfo == null ? "" : pathInfo);
        boolean rawRest = raw.startsWith(REST);
        boolean routedRest = routed.startsWith(REST);
        if (rawRest != routedRest) {
            return PathKind.AMBIGUOUS; // the container routed it elsewhere than the raw path says
        }
        return routedRest ? PathKind.REST_API : PathKind.OTHER;
    }

    /** An absolute path of non-empty segments, none of them a dot-segment, with nothing a decoder could turn into one. */
    static boolean isPlain(String rawPath) {
        if (rawPath.isEmpty() || rawPath.charAt(0) != '/') {
            return false;
        }
        String lower = rawPath.toLowerCase(Locale.ROOT);
        if (lower.indexOf(';') >= 0 || lower.indexOf('\\') >= 0 || lower.contains("%2e") || lower.contains("%2f")
                || lower.contains("%5c") || lower.contains("%25") || lower.contains("%00")) {
            return false;
        }
        int start = 1;
        while (start <= rawPath.length()) {
            int end = rawPath.indexOf('/', start);
            if (end < 0) {
                end = rawPath.length();
            }
            String segment = rawPath.substring(start, end);
            boolean last = end == rawPath.length();
            if ((segment.isEmpty() && !last) || segment.equals(".") || segment.equals("..")) {
                return false;
            }
            start = end + 1;
        }
        return true;
    }
}
