package dev.jirapat.auth;

import javax.servlet.ServletContext;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletRequestWrapper;
import javax.servlet.http.HttpSession;
import javax.servlet.http.HttpSessionContext;
import java.util.Collections;
import java.util.Enumeration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A session that lives and dies with one request. A token request hands Jira a request wrapper whose session is
 * this one, so the login SAL writes for Seraph never reaches the container: no session is created, no
 * {@code Set-Cookie} is sent, nothing can be replayed, and a browser session that came with the request is left
 * untouched (it neither gains the token's user nor ends).
 */
final class RequestScopedSession implements HttpSession {
    private final HttpServletRequest request;
    private final String id = "token-request-" + Long.toHexString(ThreadLocalRandom.current().nextLong());
    private final long created = System.currentTimeMillis();
    private final Map<String, Object> attributes = new ConcurrentHashMap<>();
    private volatile boolean valid = true;
    private int maxInactiveInterval;

    private RequestScopedSession(HttpServletRequest request) {
        this.request = request;
    }

    /** The request as Jira should see it: same in every way, except that its session is private to it. */
    static HttpServletRequest wrap(HttpServletRequest request) {
        return new HttpServletRequestWrapper(request) {
            private RequestScopedSession session;

            @Override
            public HttpSession getSession(boolean create) {
                if ((session == null || !session.valid) && create) {
                    session = new RequestScopedSession(request);
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
        };
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
        if (value == null) {
            attributes.remove(name);
        } else {
            attributes.put(name, value);
        }
    }

    @Override
    @Deprecated
    public void putValue(String name, Object value) {
        setAttribute(name, value);
    }

    @Override
    public void removeAttribute(String name) {
        checkValid();
        attributes.remove(name);
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
        attributes.clear();
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
