package dev.jirapat.devhost;

import javax.servlet.Filter;
import javax.servlet.FilterChain;
import javax.servlet.FilterConfig;
import javax.servlet.ServletException;
import javax.servlet.ServletInputStream;
import javax.servlet.ServletRequest;
import javax.servlet.ServletResponse;
import java.io.IOException;

/**
 * Tomcat's {@code maxSwallowSize} (2 MiB by default), which Jira's Tomcat has and Jetty lacks: whatever a request
 * left unread of its body, up to 2 MiB, is read and dropped before the response goes out, so a client that is
 * still sending gets the response (a 413, a 403) instead of a reset connection. A body declared larger than that is
 * not read; the connection then closes after the response, as in Tomcat.
 */
final class BodySwallow implements Filter {
    static final long MAX_SWALLOW = 2L * 1024 * 1024;

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain) throws IOException, ServletException {
        try {
            chain.doFilter(request, response);
        } finally {
            swallow(request);
        }
    }

    private static void swallow(ServletRequest request) {
        if (request.getContentLengthLong() > MAX_SWALLOW) {
            return;
        }
        ServletInputStream in;
        try {
            in = request.getInputStream();
        } catch (IllegalStateException readThroughAReader) {
            return;
        } catch (IOException e) {
            return;
        }
        byte[] buffer = new byte[8192];
        long swallowed = 0;
        try {
            int n;
            while (swallowed <= MAX_SWALLOW && (n = in.read(buffer)) >= 0) {
                swallowed += n;
            }
        } catch (IOException clientGone) {
            // nothing to answer to
        }
    }

    @Override
    public void init(FilterConfig config) {
    }

    @Override
    public void destroy() {
    }
}
