package dev.jirapat.auth;

import javax.servlet.ServletContext;
import javax.servlet.http.HttpSession;
import javax.servlet.http.HttpSessionContext;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Map;

/** A container session for tests: attributes, and invalidation that refuses further use as a container's does. */
final class FakeSession implements HttpSession {
    private final String id;
    private final Map<String, Object> attributes = new LinkedHashMap<>();
    private boolean invalidated;

    FakeSession(String id) {
        this.id = id;
    }

    boolean isInvalidated() {
        return invalidated;
    }

    Map<String, Object> attributes() {
        return attributes;
    }

    private void checkValid() {
        if (invalidated) {
            throw new IllegalStateException("session invalidated");
        }
    }

    @Override
    public String getId() {
        return id;
    }

    @Override
    public Object getAttribute(String name) {
        checkValid();
        return attributes.get(name);
    }

    @Override
    public Enumeration<String> getAttributeNames() {
        checkValid();
        return Collections.enumeration(attributes.keySet());
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
    public void removeAttribute(String name) {
        checkValid();
        attributes.remove(name);
    }

    @Override
    public void invalidate() {
        checkValid();
        invalidated = true;
        attributes.clear();
    }

    @Override
    public boolean isNew() {
        checkValid();
        return false;
    }

    // ---- not used by the code under test

    @Override
    public long getCreationTime() {
        throw new UnsupportedOperationException();
    }

    @Override
    public long getLastAccessedTime() {
        throw new UnsupportedOperationException();
    }

    @Override
    public ServletContext getServletContext() {
        throw new UnsupportedOperationException();
    }

    @Override
    public void setMaxInactiveInterval(int interval) {
        throw new UnsupportedOperationException();
    }

    @Override
    public int getMaxInactiveInterval() {
        throw new UnsupportedOperationException();
    }

    @Override
    @Deprecated
    public HttpSessionContext getSessionContext() {
        throw new UnsupportedOperationException();
    }

    @Override
    @Deprecated
    public Object getValue(String name) {
        throw new UnsupportedOperationException();
    }

    @Override
    @Deprecated
    public String[] getValueNames() {
        throw new UnsupportedOperationException();
    }

    @Override
    @Deprecated
    public void putValue(String name, Object value) {
        throw new UnsupportedOperationException();
    }

    @Override
    @Deprecated
    public void removeValue(String name) {
        throw new UnsupportedOperationException();
    }
}
