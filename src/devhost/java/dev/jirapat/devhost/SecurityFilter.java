package dev.jirapat.devhost;

import javax.servlet.Filter;
import javax.servlet.FilterChain;
import javax.servlet.FilterConfig;
import javax.servlet.ServletException;
import javax.servlet.ServletRequest;
import javax.servlet.ServletResponse;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletRequestWrapper;
import javax.servlet.http.HttpServletResponse;
import javax.servlet.http.HttpSession;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.Base64;
import java.util.Optional;

/**
 * Seraph's login and security filters in one, as Jira runs them after the plugins' {@code before-login}
 * filters: the user comes from the session (the user-id attribute first, as seraph 4 does), else, unless a
 * plugin already authenticated the request, from HTTP Basic on {@code /rest/*}, else the request is anonymous.
 */
final class SecurityFilter implements Filter {
    private final DevUsers users;

    SecurityFilter(DevUsers users) {
        this.users = users;
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse resp, FilterChain chain) throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) req;
        HttpServletResponse response = (HttpServletResponse) resp;
        DevUser user = fromSession(request.getSession(false));
        if (user == null && request.getAttribute(Seraph.ALREADY_FILTERED) == null && isRest(request)) {
            String header = request.getHeader("Authorization");
            if (header != null && header.regionMatches(true, 0, "Basic ", 0, 6)) {
                Optional<DevUser> basic = basic(header.substring(6).trim());
                if (!basic.isPresent()) {
                    request.setAttribute(Seraph.OS_AUTHSTATUS, "failed");
                    response.setHeader("WWW-Authenticate", "Basic realm=\"protected-area\"");
                    response.sendError(401, "Basic authentication failed");
                    return;
                }
                user = basic.get();
                request.setAttribute(Seraph.OS_AUTHSTATUS, "success");
            }
        }
        CurrentUser.set(user);
        try {
            chain.doFilter(user == null ? request : new AuthenticatedRequest(request, user), response);
        } finally {
            CurrentUser.clear();
        }
    }

    /** The user logged in to this request's session, if any: who the caller is before this filter has run. */
    DevUser sessionUser(HttpServletRequest request) {
        return fromSession(request.getSession(false));
    }

    private DevUser fromSession(HttpSession session) {
        if (session == null) {
            return null;
        }
        try {
            if (session.getAttribute(Seraph.LOGGED_OUT_KEY) != null) {
                return null;
            }
            Object id = session.getAttribute(Seraph.LOGGED_IN_USER_ID_KEY);
            Object principal = session.getAttribute(Seraph.LOGGED_IN_KEY);
            String name = id instanceof String ? (String) id : principal instanceof Principal ? ((Principal) principal).getName() : null;
            DevUser user = name == null ? null : (DevUser) users.getUserByName(name);
            return user != null && user.isActive() ? user : null;
        } catch (IllegalStateException invalidated) {
            return null;
        }
    }

    private Optional<DevUser> basic(String encoded) {
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        int colon = decoded.indexOf(':');
        if (colon < 0) {
            return Optional.empty();
        }
        return users.authenticate(decoded.substring(0, colon), decoded.substring(colon + 1)).filter(DevUser::isActive);
    }

    private static boolean isRest(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.startsWith("/rest/");
    }

    @Override
    public void init(FilterConfig filterConfig) {
    }

    @Override
    public void destroy() {
    }

    private static final class AuthenticatedRequest extends HttpServletRequestWrapper {
        private final DevUser user;

        AuthenticatedRequest(HttpServletRequest request, DevUser user) {
            super(request);
            this.user = user;
        }

        @Override
        public String getRemoteUser() {
            return user.getName();
        }

        @Override
        public Principal getUserPrincipal() {
            return user;
        }
    }
}
