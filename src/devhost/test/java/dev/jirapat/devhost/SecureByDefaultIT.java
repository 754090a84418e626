package dev.jirapat.devhost;

import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.Test;

import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

/**
 * Jira 10's secure-by-default rules as the host enforces them, proven with a fixture plugin
 * (src/devhost/test/resources/devhost/fixture/secure-plugin.xml): on the line this JVM runs ({@code -Dpat.platform},
 * set by each failsafe execution), an unannotated resource, servlet or filter is refused to (or, for a filter,
 * passed over for) anonymous callers from Jira 10 on, and served to them on Jira 9; annotated ones are open on every
 * line; logged-in users reach everything.
 */
public class SecureByDefaultIT {
    private static final Platform LINE = Platform.fromProperty();
    private static DevHost host;

    @BeforeClass
    public static void startHost() {
        host = DevHost.start(DevHost.Config.forTest().platform(LINE)
                .descriptor(DevHostModulesIT.FIXTURE.resolve("secure-plugin.xml"))
                .springXml(DevHostModulesIT.FIXTURE.resolve("fixture-context.xml")));
    }

    @AfterClass
    public static void stopHost() {
        if (host != null) {
            host.close();
        }
    }

    @Test
    public void restWhenUnannotatedAndAnonymousThen401BeforeTheResourceFromJira10ElseServed() {
        HttpCall.Response r = HttpCall.to(host).get("/rest/secure-fixture/1.0/plain").send();
        if (LINE.secureByDefault()) {
            assertEquals(r.toString(), 401, r.status);
            assertEquals(RestV2Mount.UNAUTHORIZED_JSON, r.body);
        } else {
            assertEquals(r.toString(), 200, r.status);
            assertEquals("resource for null", r.body);
        }
    }

    @Test
    public void restWhenUnannotatedAndLoggedInThenServedWithTheRequestInjected() {
        for (String version : new String[] {"1.0", "latest"}) {
            HttpCall.Response r = HttpCall.to(host).get("/rest/secure-fixture/" + version + "/plain").basic("alice", "alice").send();
            assertEquals(r.toString(), 200, r.status);
            assertEquals("resource for alice", r.body);
        }
    }

    @Test
    public void restWhenClassOrMethodUnrestrictedThenAnonymousServedOnEveryLine() {
        HttpCall.Response byClass = HttpCall.to(host).get("/rest/secure-fixture/1.0/open").send();
        assertEquals(byClass.toString(), 200, byClass.status);
        assertEquals("open resource for null", byClass.body);
        HttpCall.Response byMethod = HttpCall.to(host).get("/rest/secure-fixture/1.0/plain/open").send();
        assertEquals(byMethod.toString(), 200, byMethod.status);
        assertEquals("open method for null", byMethod.body);
    }

    @Test
    public void restWhenAnnotatedWithTheServletPackageThenStillForLoggedInUsersFromJira10() {
        HttpCall.Response r = HttpCall.to(host).get("/rest/secure-fixture/1.0/wrong-package").send();
        assertEquals(r.toString(), LINE.secureByDefault() ? 401 : 200, r.status);
    }

    @Test
    public void servletWhenUnannotatedAndAnonymousThenSentToLoginFromJira10ElseServed() throws Exception {
        HttpCall.Response r = HttpCall.to(host).get("/plugins/servlet/secure-fixture/plain").send();
        if (LINE.secureByDefault()) {
            assertEquals(r.toString(), 302, r.status);
            String login = host.baseUri().getPath() + "/login.jsp?os_destination="
                    + URLEncoder.encode("/plugins/servlet/secure-fixture/plain", StandardCharsets.UTF_8.name());
            assertTrue(r.header("Location"), r.header("Location").endsWith(login));
        } else {
            assertEquals(r.toString(), 200, r.status);
            assertEquals("servlet for null", r.body);
        }
    }

    @Test
    public void servletWhenUnrestrictedThenAnonymousServedOnEveryLine() {
        HttpCall.Response r = HttpCall.to(host).get("/plugins/servlet/secure-fixture/open").send();
        assertEquals(r.toString(), 200, r.status);
        assertEquals("servlet for null", r.body);
    }

    @Test
    public void filterWhenUnannotatedAndAnonymousThenPassedOverFromJira10ElseRun() {
        HttpCall.Response r = HttpCall.to(host).get("/plugins/servlet/secure-fixture/open").send();
        assertEquals("ran", r.header("X-Probe-Open"));
        if (LINE.secureByDefault()) {
            assertNull(r.header("X-Probe-Plain"));
        } else {
            assertEquals("ran", r.header("X-Probe-Plain"));
        }
    }

    @Test
    public void everythingWhenLoggedInThenServedAndEveryFilterRuns() {
        HttpClient browser = HttpCall.browser();
        HttpCall.Response login = HttpCall.with(host, browser).post("/login.jsp")
                .body("application/x-www-form-urlencoded", "os_username=bob&os_password=bob").send();
        assertEquals(login.toString(), 302, login.status);
        HttpCall.Response servlet = HttpCall.with(host, browser).get("/plugins/servlet/secure-fixture/plain").send();
        assertEquals(servlet.toString(), 200, servlet.status);
        assertEquals("servlet for bob", servlet.body);
        assertEquals("ran", servlet.header("X-Probe-Plain"));
        assertEquals("ran", servlet.header("X-Probe-Open"));
        HttpCall.Response rest = HttpCall.with(host, browser).get("/rest/secure-fixture/1.0/plain").send();
        assertEquals(rest.toString(), 200, rest.status);
        assertTrue(rest.body, rest.body.endsWith("bob"));
    }
}
