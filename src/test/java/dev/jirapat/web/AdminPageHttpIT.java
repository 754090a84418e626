package dev.jirapat.web;

import dev.jirapat.devhost.DevHost;
import dev.jirapat.devhost.DevHostRule;
import dev.jirapat.devhost.HttpCall;
import org.junit.ClassRule;
import org.junit.Test;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

/** The admin page servlet over real HTTP, for what a browser cannot be made to send. */
public class AdminPageHttpIT {
    @ClassRule
    public static final DevHostRule HOST = new DevHostRule();

    @Test
    public void adminPageWhenAnonymousThenRedirectedToLoginAndBackWithTheQuery() {
        HttpCall.Response r = HttpCall.to(HOST.host()).get("/plugins/servlet/pat/admin?tab=settings").send();
        assertEquals(r.toString(), 302, r.status);
        assertTrue(r.toString(), r.header("Location")
                .endsWith("/jira/login.jsp?os_destination=%2Fplugins%2Fservlet%2Fpat%2Fadmin%3Ftab%3Dsettings"));
    }

    @Test
    public void adminPageWhenAnonymousWithAMalformedQueryThenRedirectedToLoginNotAnError() {
        HttpCall.Response r = HttpCall.to(HOST.host()).get("/plugins/servlet/pat/admin?a=%zz").sendVerbatim();
        assertEquals(r.toString(), 302, r.status);
        assertTrue(r.toString(), r.header("Location").contains("/login.jsp"));
        assertTrue("back to the page itself: " + r, r.header("Location").endsWith("os_destination=%2Fplugins%2Fservlet%2Fpat%2Fadmin"));
    }

    @Test
    public void adminPageWhenWebSudoNotGrantedThenSentToThePromptAndNothingShown() {
        try (DevHost host = DevHost.start(DevHost.Config.forTest().withoutWebSudo())) {
            java.net.http.HttpClient admin = HttpCall.browser();
            HttpCall.Response login = HttpCall.with(host, admin).post("/login.jsp")
                    .body("application/x-www-form-urlencoded", "os_username=admin&os_password=admin").send();
            assertEquals(login.toString(), 302, login.status);
            HttpCall.Response r = HttpCall.with(host, admin).get("/plugins/servlet/pat/admin").send();
            assertEquals(r.toString(), 302, r.status);
            assertTrue(r.toString(), r.header("Location").endsWith("/jira/secure/admin/WebSudoAuthenticate.jspa"));
            assertFalse(r.body, r.body.contains("pat-admin-tokens"));
        }
    }
}
