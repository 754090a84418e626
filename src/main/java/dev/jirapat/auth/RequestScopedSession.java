package dev.jirapat.auth;

import javax.servlet.ServletContext;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletRequestWrapper;
import javax.servlet.http.HttpSession;
import javax.servlet.http.HttpSessionBindingEvent;
import javax.servlet.http.HttpSessionBindingListener;
import javax.servlet.http.HttpSessionContext;
import java.util.Collections;
import java.util.Enumeration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A session that lives and dies with one request. A token request hands Jira a request wrapper whose session is
 * this one, so the login SAL writes for Seraph never reaches the container: no session is created, no
 * {@code Set-Cookie} is sent, nothing can be replayed, and a browser session that came with the request is left
 * untouched (it neither gains the token's user nor ends).
 */
final class RequestScopedSession implements HttpSession {
    private final HttpServletRequest request;
    private final String id;
    private final long created = System.currentTimeMillis();
    private final Map<String, Object> attributes = new ConcurrentHashMap<>();
    private volatile boolean valid = true;
    private int maxInactiveInterval;

    private RequestScopedSession(HttpServletRequest request, String id) {
        this.request = request;
        this.id = id;
    }

    /**
     * The request as Jira should see it: same in every way, except that its session is private to it. The session
     * id names the token, so anything keyed by session id grows with the number of tokens, not of requests.
     */
    static HttpServletRequest wrap(HttpServletRequest request, long tokenId) {
        return new Wrapper(request, "token-" + tokenId);
    }

    /** Ends the private session of a request made by {@link #wrap} (a no-op for any other request). */
    static void end(HttpServletRequest request) {
        if (request instanceof Wrapper) {
            HttpSession session = request.getSession(false);
            if (session != null) {
                session.invalidate();
            }
        }
    }

    private static final class Wrapper extends HttpServletRequestWrapper {
        private final HttpServletRequest request;
        private final String sessionId;
        private RequestScopedSession session;

        Wrapper(HttpServletRequest request, String sessionId) {
            super(request);
            this.request = request;
            this.sessionId = sessionId;
        }

        @Override
        public HttpSession getSession(boolean create) {
            if ((session == null || !session.valid) && create) {
                session = new RequestScopedSession(request, sessionId);
            }
            return session != null && session.valid ? session : null;
        }

        @Override
        public HttpSession getSession() {
            return getSession(true);
        }

        @Override
        public boolean isRequestedSessionIdValid() {
            return false;
        }

        @Override
        public String changeSessionId() {
            HttpSession current = getSession(false);
            if (current == null) {
                throw new IllegalStateException("no session");
            }
            return current.getId();
        }
    }

    private void checkValid() {
        if (!valid) {
            throw new IllegalStateException("session invalidated");
        }
    }

    @Override
    public long getCreationTime() {
        checkValid();
        return created;
    }

    @Override
    public String getId() {
        return id;
    }

    @Override
    public long getLastAccessedTime() {
        checkValid();
        return created;
    }

    @Override
    public ServletContext getServletContext() {
        return request.getServletContext();
    }

    @Override
    public void setMaxInactiveInterval(int interval) {
        maxInactiveInterval = interval;
    }

    @Override
    public int getMaxInactiveInterval() {
        return maxInactiveInterval;
    }

    @Override
    @Deprecated
    public HttpSessionContext getSessionContext() {
        return null;
    }

    @Override
    public Object getAttribute(String name) {
        checkValid();
        return attributes.get(name);
    }

    @Override
    @Deprecated
    public Object getValue(String name) {
        return getAttribute(name);
    }

    @Override
    public Enumeration<String> getAttributeNames() {
        checkValid();
        return Collections.enumeration(attributes.keySet());
    }

    @Override
    @Deprecated
    public String[] getValueNames() {
        checkValid();
        return attributes.keySet().toArray(new String[0]);
    }

    @Override
    public void setAttribute(String name, Object value) {
        checkValid();
        Object old = value == null ? attributes.remove(name) : attributes.put(name, value);
        if (value instanceof HttpSessionBindingListener) {
            ((HttpSessionBindingListener) value).valueBound(new HttpSessionBindingEvent(this, name, value));
        }
        unbound(name, old);
    }

    @Override
    @Deprecated
    public void putValue(String name, Object value) {
        setAttribute(name, value);
    }

    @Override
    public void removeAttribute(String name) {
        checkValid();
        unbound(name, attributes.remove(name));
    }

    /** What a container does: values that listen are told when they leave the session. */
    private void unbound(String name, Object value) {
        if (value instanceof HttpSessionBindingListener) {
            ((HttpSessionBindingListener) value).valueUnbound(new HttpSessionBindingEvent(this, name, value));
        }
    }

    @Override
    @Deprecated
    public void removeValue(String name) {
        removeAttribute(name);
    }

    @Override
    public void invalidate() {
        checkValid();
        valid = false;
        for (String name : attributes.keySet()) {
            unbound(name, attributes.remove(name));
        }
    }

    @Override
    public boolean isNew() {
        checkValid();
        return true;
    }

    @Override
    public String toString() {
        return "RequestScopedSession[" + id + "]";
    }
}
