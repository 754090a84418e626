package dev.jirapat.devhost;

import javax.servlet.Filter;
import javax.servlet.FilterChain;
import javax.servlet.FilterConfig;
import javax.servlet.ServletException;
import javax.servlet.ServletRequest;
import javax.servlet.ServletResponse;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.function.Function;

/**
 * Jira 10's secure-by-default rules, as the host enforces them on the lines that have them
 * ({@link Platform#secureByDefault()}): a REST resource, servlet or servlet filter says who may reach it with an
 * access annotation, and one without is for licensed users only (every logged-in user is licensed here).
 *
 * <p>The annotations are recognised by their class names, as the platform's own types would be (the host links to
 * none of them): REST resources by {@value #REST_PACKAGE}, servlets and filters by {@value #SERVLET_PACKAGE}. An
 * annotation of the other package does not count. Anonymous access to the site is off here, so
 * {@code AnonymousSiteAccess} lets in only logged-in users; {@code UnrestrictedAccess} lets in everyone.
 */
final class AccessRules {
    /** REST v2's access annotations. */
    static final String REST_PACKAGE = "com.atlassian.plugins.rest.api.security.annotation";
    /** The access annotations of servlets, servlet filters and webwork actions. */
    static final String SERVLET_PACKAGE = "com.atlassian.annotations.security";

    private AccessRules() {
    }

    /** Who may reach an endpoint, from the most open to the most closed. */
    enum Access {
        UNRESTRICTED("UnrestrictedAccess"),
        ANONYMOUS_SITE("AnonymousSiteAccess"),
        UNLICENSED_SITE("UnlicensedSiteAccess"),
        LICENSED("LicensedOnly"),
        ADMIN("AdminOnly"),
        SYSTEM_ADMIN("SystemAdminOnly");

        final String annotation;

        Access(String annotation) {
            this.annotation = annotation;
        }

        /** Whether this caller ({@code null}: anonymous) gets through. */
        boolean allows(DevUser user) {
            if (this == UNRESTRICTED) {
                return true;
            }
            if (user == null || !user.isActive()) {
                return false; // anonymous access to the site is off in the dev host
            }
            // Every fixture user is licensed; the admin user is the (system) administrator.
            return this.compareTo(LICENSED) <= 0 || user.isSysAdmin();
        }
    }

    /**
     * The access the first annotated element asks for (most specific first: a method, then its class), by
     * annotation class name in {@code pkg}; none: {@link Access#LICENSED}, the secure default.
     */
    static Access of(String pkg, AnnotatedElement... mostSpecificFirst) {
        for (AnnotatedElement element : mostSpecificFirst) {
            for (Annotation a : element.getAnnotations()) {
                Class<? extends Annotation> type = a.annotationType();
                if (type.getPackage() != null && pkg.equals(type.getPackage().getName())) {
                    for (Access access : Access.values()) {
                        if (access.annotation.equals(type.getSimpleName())) {
                            return access;
                        }
                    }
                }
            }
        }
        return Access.LICENSED;
    }

    /**
     * A servlet module on a secure-by-default line: callers its annotation does not let in never reach it; an
     * anonymous one is sent to the login page (Jira's exact answer is not documented), a logged-in one gets 403.
     */
    static HttpServlet servlet(HttpServlet servlet) {
        Access access = of(SERVLET_PACKAGE, servlet.getClass());
        if (access == Access.UNRESTRICTED) {
            return servlet;
        }
        return new HttpServlet() {
            private static final long serialVersionUID = 1L;

            @Override
            public void init(javax.servlet.ServletConfig config) throws ServletException {
                super.init(config);
                servlet.init(config);
            }

            @Override
            protected void service(HttpServletRequest req, HttpServletResponse resp) throws ServletException, IOException {
                DevUser user = CurrentUser.get();
                if (access.allows(user)) {
                    servlet.service(req, resp);
                } else if (user == null) {
                    resp.sendRedirect(req.getContextPath() + "/login.jsp?os_destination=" + URLEncoder.encode(
                            req.getServletPath() + (req.getPathInfo() == null ? "" : req.getPathInfo()), StandardCharsets.UTF_8.name()));
                } else {
                    resp.sendError(403);
                }
            }

            @Override
            public void destroy() {
                servlet.destroy();
            }
        };
    }

    /**
     * A servlet-filter module on a secure-by-default line: it runs only for requests its annotation lets in, and is
     * passed over for the others (the request goes on without it). Who the caller is at the filter's place: the
     * user the security filter found, or before it ({@code before-login}) the session's logged-in user.
     */
    static Filter filter(Filter filter, Function<HttpServletRequest, DevUser> caller) {
        Access access = of(SERVLET_PACKAGE, filter.getClass());
        if (access == Access.UNRESTRICTED) {
            return filter;
        }
        return new Filter() {
            @Override
            public void init(FilterConfig config) throws ServletException {
                filter.init(config);
            }

            @Override
            public void doFilter(ServletRequest req, ServletResponse resp, FilterChain chain) throws IOException, ServletException {
                if (access.allows(caller.apply((HttpServletRequest) req))) {
                    filter.doFilter(req, resp, chain);
                } else {
                    chain.doFilter(req, resp);
                }
            }

            @Override
            public void destroy() {
                filter.destroy();
            }
        };
    }
}
