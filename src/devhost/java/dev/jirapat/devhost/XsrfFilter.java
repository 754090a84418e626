package dev.jirapat.devhost;

import javax.servlet.Filter;
import javax.servlet.FilterChain;
import javax.servlet.FilterConfig;
import javax.servlet.ServletException;
import javax.servlet.ServletRequest;
import javax.servlet.ServletResponse;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;

/**
 * Atlassian REST's XSRF rule (docs/host-api.md, "XSRF rule of Atlassian REST"): a POST whose content type is
 * absent, form, multipart or {@code text/plain} (what a browser form can send cross-site) needs
 * {@code X-Atlassian-Token: no-check}; otherwise 403. Like Atlassian REST, other methods are not refused.
 */
final class XsrfFilter implements Filter {
    @Override
    public void doFilter(ServletRequest req, ServletResponse resp, FilterChain chain) throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) req;
        if ("POST".equals(request.getMethod()) && xsrfAble(request.getContentType())
                && !"no-check".equalsIgnoreCase(request.getHeader("X-Atlassian-Token"))) {
            HttpServletResponse response = (HttpServletResponse) resp;
            response.setStatus(403);
            response.setContentType("text/plain;charset=UTF-8");
            response.getWriter().write("XSRF check failed");
            return;
        }
        chain.doFilter(req, resp);
    }

    private static boolean xsrfAble(String contentType) {
        if (contentType == null || contentType.trim().isEmpty()) {
            return true;
        }
        String type = contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        return type.equals("application/x-www-form-urlencoded") || type.equals("multipart/form-data") || type.equals("text/plain");
    }

    @Override
    public void init(FilterConfig filterConfig) {
    }

    @Override
    public void destroy() {
    }
}
