package dev.jirapat.auth;

import org.junit.Test;

import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpSession;
import javax.servlet.http.HttpSessionBindingEvent;
import javax.servlet.http.HttpSessionBindingListener;
import java.util.ArrayList;
import java.util.List;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotSame;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertSame;
import static org.junit.Assert.fail;

/** The session a token request logs in on: private to the request, never the container's, ended afterwards. */
public class RequestScopedSessionTest {
    /** A container request whose own session must never be touched. */
    private static HttpServletRequest containerRequest() {
        return FakeRequest.myself().withoutSessions();
    }

    @Test
    public void sessionWhenAskedForThenPrivateToTheRequestAndNamedByTheToken() {
        HttpServletRequest container = containerRequest();
        HttpServletRequest first = RequestScopedSession.wrap(container, 42);
        HttpServletRequest second = RequestScopedSession.wrap(container, 42);
        assertNull(first.getSession(false));
        HttpSession session = first.getSession();
        assertSame(session, first.getSession(false));
        assertEquals("token-42", session.getId());
        session.setAttribute("seraph_defaultauthenticator_user", "alice");
        assertNull("another request never sees it", second.getSession(true).getAttribute("seraph_defaultauthenticator_user"));
        assertNotSame(session, second.getSession());
    }

    @Test
    public void endWhenTheRequestIsDoneThenTheSessionIsGoneAndListenersAreTold() {
        HttpServletRequest request = RequestScopedSession.wrap(containerRequest(), 7);
        List<String> events = new ArrayList<>();
        HttpSessionBindingListener listener = new HttpSessionBindingListener() {
            @Override
            public void valueBound(HttpSessionBindingEvent event) {
                events.add("bound " + event.getName());
            }

            @Override
            public void valueUnbound(HttpSessionBindingEvent event) {
                events.add("unbound " + event.getName());
            }
        };
        HttpSession session = request.getSession();
        session.setAttribute("tracker", listener);
        RequestScopedSession.end(request);
        assertEquals(List.of("bound tracker", "unbound tracker"), events);
        assertNull(request.getSession(false));
        try {
            session.getAttribute("tracker");
            fail("an ended session refuses use, as a container's does");
        } catch (IllegalStateException expected) {
            // as specified by HttpSession
        }
    }
}
