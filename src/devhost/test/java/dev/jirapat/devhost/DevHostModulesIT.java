package dev.jirapat.devhost;

import org.codehaus.jackson.JsonNode;
import org.junit.AfterClass;
import org.junit.Assume;
import org.junit.BeforeClass;
import org.junit.Test;

import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static dev.jirapat.devhost.SecurityIT.json;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

/**
 * Module mounting, proven with a fixture plugin (src/devhost/test/resources/devhost/fixture, classes in
 * dev.jirapat.devhost.fixture): its REST resource, filters, servlet, web panel, web resources and admin web-item
 * are mounted from its own descriptor and built from its own Spring XML, the way Jira would mount them.
 */
public class DevHostModulesIT {
    static final Path FIXTURE = Paths.get("src", "devhost", "test", "resources", "devhost", "fixture");
    private static final String ORDER = "X-Fixture-Order";
    private static DevHost host;

    @BeforeClass
    public static void startHost() {
        host = DevHost.start(fixtureConfig());
    }

    static DevHost.Config fixtureConfig() {
        return DevHost.Config.forTest().descriptor(FIXTURE.resolve("atlassian-plugin.xml"))
                .springXml(FIXTURE.resolve("fixture-context.xml"));
    }

    @AfterClass
    public static void stopHost() {
        if (host != null) {
            host.close();
        }
    }

    // --- <rest> ---------------------------------------------------------------------------------------------

    @Test
    public void restResourceWhenCalledUnderItsVersionAndLatestThenBothAnswer() throws IOException {
        for (String version : new String[] {"1.0", "latest"}) {
            HttpCall.Response r = HttpCall.to(host).get("/rest/fixture/" + version + "/greeting").basic("alice", "alice").send();
            assertEquals(version + ": " + r, 200, r.status);
            assertTrue(r.header("Content-Type"), r.header("Content-Type").startsWith("application/json"));
            JsonNode body = json(r);
            assertEquals("Hello, Alice Example", body.path("greeting").getTextValue());
            assertEquals("alice", body.path("user").getTextValue());
        }
    }

    @Test
    public void restResourceWhenOtherVersionOrPathThen404() {
        assertEquals(404, HttpCall.to(host).get("/rest/fixture/2.0/greeting").basic("alice", "alice").send().status);
        assertEquals(404, HttpCall.to(host).get("/rest/other/1.0/greeting").basic("alice", "alice").send().status);
    }

    @Test
    public void restBeanWhenFieldNullThenOmittedAndUnannotatedGettersNeverSerialised() throws IOException {
        JsonNode withoutEcho = json(HttpCall.to(host).get("/rest/fixture/1.0/greeting").basic("bob", "bob").send());
        assertFalse(withoutEcho.toString(), withoutEcho.has("echo"));
        assertFalse(withoutEcho.toString(), withoutEcho.has("unannotated"));

        JsonNode withEcho = json(HttpCall.to(host).get("/rest/fixture/1.0/greeting?echo=ping").basic("bob", "bob").send());
        assertEquals(withEcho.toString(), "ping", withEcho.path("echo").getTextValue());
        assertFalse(withEcho.toString(), withEcho.has("unannotated"));
    }

    @Test
    public void restPostWhenFormContentTypeThenXsrfRuleAppliesToPluginRestToo() {
        HttpCall.Response form = HttpCall.to(host).post("/rest/fixture/1.0/greeting").basic("alice", "alice")
                .body("application/x-www-form-urlencoded", "a=b").send();
        assertEquals(form.toString(), 403, form.status);
        HttpCall.Response json = HttpCall.to(host).post("/rest/fixture/1.0/greeting").basic("alice", "alice").json("{}").send();
        assertEquals("JSON passes the XSRF rule and reaches Jersey, which has no POST method: " + json, 405, json.status);
    }

    // --- <servlet-filter> -----------------------------------------------------------------------------------

    @Test
    public void filtersWhenRequestThenRunByLocationAndWeightAndBeforeLoginSeesNoUserYet() {
        HttpCall.Response r = HttpCall.to(host).get("/rest/fixture/1.0/greeting").basic("alice", "alice").send();
        assertEquals(r.toString(), 200, r.status);
        assertEquals(Arrays.asList("before-login-early=-", "before-login=-", "before-dispatch=alice"), r.headers.allValues(ORDER));
    }

    @Test
    public void filtersWhenSessionUserThenOnlyFiltersAfterSecuritySeeTheUser() {
        HttpClient browser = Sessions.loggedIn(host, "bob", "bob");
        HttpCall.Response r = HttpCall.with(host, browser).get("/secure/ViewProfile.jspa").send();
        assertEquals(r.toString(), 200, r.status);
        assertEquals(Arrays.asList("before-login-early=-", "before-login=-", "before-dispatch=bob"), r.headers.allValues(ORDER));
    }

    @Test
    public void filtersWhenSecurityRefusesThenBeforeLoginFiltersHaveRunAndLaterOnesNot() {
        HttpCall.Response r = HttpCall.to(host).get("/rest/fixture/1.0/greeting").basic("alice", "wrong").send();
        assertEquals(r.toString(), 401, r.status);
        assertEquals(Arrays.asList("before-login-early=-", "before-login=-"), r.headers.allValues(ORDER));
    }

    // --- <servlet> ------------------------------------------------------------------------------------------

    @Test
    public void servletWhenCalledThenAnswersUnderPluginsServletWithThePluginsBean() {
        HttpCall.Response anonymous = HttpCall.to(host).get("/plugins/servlet/fixture/hello").send();
        assertEquals(anonymous.toString(), 200, anonymous.status);
        assertEquals("fixture servlet: Hello, stranger", anonymous.body);

        HttpCall.Response alice = HttpCall.with(host, Sessions.loggedIn(host, "alice", "alice")).get("/plugins/servlet/fixture/hello").send();
        assertEquals("fixture servlet: Hello, Alice Example", alice.body);

        assertEquals(404, HttpCall.to(host).get("/fixture/hello").send().status);
    }

    // --- <web-panel>, <web-resource> ------------------------------------------------------------------------

    @Test
    public void profilePageWhenAliceThenPanelRendersWithProfileUserAndCurrentUser() {
        HttpCall.Response page = HttpCall.with(host, Sessions.loggedIn(host, "alice", "alice")).get("/secure/ViewProfile.jspa").send();
        assertEquals(page.toString(), 200, page.status);
        assertTrue(page.body, page.body.contains("id=\"fixture-panel-panel\""));
        assertContains(page.body, "<span id=\"fixture-profile\">alice</span>");
        assertContains(page.body, "<span id=\"fixture-profile-display\">Alice Example</span>");
        assertContains(page.body, "<span id=\"fixture-current\">alice</span>");
        assertContains(page.body, "<span id=\"fixture-greeting\">Hello, Alice Example</span>");
        assertContains(page.body, "<h3 id=\"fixture-title\">Fixture panel</h3>");
        assertFalse("only the panels of webpanels.user.profile.summary.custom", page.body.contains("fixture-elsewhere"));
    }

    @Test
    public void profilePanelWhenItCallsAMethodTheDescriptorAllowlistsThenRunsAndNothingIsBlocked() {
        HttpCall.Response page = HttpCall.with(host, Sessions.loggedIn(host, "alice", "alice")).get("/secure/ViewProfile.jspa").send();
        assertContains(page.body, "<span id=\"fixture-listed\">listed-value</span>");
        assertTrue(host.renderedTemplates().toString(), host.renderedTemplates().contains("devhost/fixture/panel.vm"));
        // The host user's name and display name, $i18n and the listed method: all allowed, nothing blocked.
        assertEquals("[]", host.velocityViolations().toString());
    }

    @Test
    public void profilePanelWhenTheDescriptorDoesNotListItsCallThenBlockedAndTheTestHostFailsOnClose() throws IOException {
        String xml = new String(Files.readAllBytes(FIXTURE.resolve("atlassian-plugin.xml")), java.nio.charset.StandardCharsets.UTF_8);
        String without = xml.replaceAll("(?s)<velocity-allowlist .*?</velocity-allowlist>", "");
        assertFalse(without.contains("FixtureView#getListed()"));
        Path descriptor = Files.createTempFile("fixture-no-allowlist", ".xml");
        Files.write(descriptor, without.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        DevHost strict = DevHost.start(fixtureConfig().descriptor(descriptor));
        try {
            HttpCall.Response page = HttpCall.with(strict, Sessions.loggedIn(strict, "alice", "alice")).get("/secure/ViewProfile.jspa").send();
            assertEquals("the page still renders; only the call is blocked", 200, page.status);
            assertFalse(page.body, page.body.contains("listed-value"));
            assertEquals(1, strict.velocityViolations().size());
            assertTrue(strict.velocityViolations().get(0), strict.velocityViolations().get(0).startsWith(
                    "Method needs allowlisting: dev.jirapat.devhost.fixture.FixtureView#getListed() (devhost/fixture/panel.vm line "));
        } finally {
            try {
                strict.close();
                fail("a test host must fail when a template call was blocked");
            } catch (DevHostException expected) {
                assertTrue(expected.getMessage(), expected.getMessage().contains("FixtureView#getListed()"));
            } finally {
                Files.delete(descriptor);
            }
        }
    }

    @Test
    public void pageFrameWhenLoggedInThenTheUserMenuHoldsTheItemsOfSystemUserOptionsPersonalOnly() {
        HttpCall.Response page = HttpCall.with(host, Sessions.loggedIn(host, "alice", "alice")).get("/secure/ViewProfile.jspa").send();
        int menu = page.body.indexOf("id=\"header-user-options\"");
        assertTrue(page.body, menu > 0);
        String items = page.body.substring(menu, page.body.indexOf("</ul>", menu));
        assertContains(items, "<a id=\"fixture-user-menu-link\" href=\"" + host.baseUri().getPath()
                + "/plugins/servlet/fixture/greet?a=1&amp;b=2\">Fixture &lt;menu&gt; link</a>");
        assertFalse("only that section's items", items.contains("fixture-profile-link") || items.contains("fixture-admin-link"));
        assertContains(page.body, "id=\"header-user-menu\" aria-expanded=\"false\" aria-controls=\"header-user-options\">Alice Example</button>");
    }

    @Test
    public void profilePageWhenReferenceNotEndingInHtmlThenValueEscaped() {
        HttpCall.Response page = HttpCall.with(host, Sessions.loggedIn(host, "alice", "alice")).get("/secure/ViewProfile.jspa").send();
        assertFalse("the raw script must not reach the page", page.body.contains("<script>alert('pwned')</script>"));
        assertContains(page.body, "<span id=\"fixture-hostile\">&lt;script&gt;alert(&#39;pwned&#39;)&lt;/script&gt;</span>");
        assertContains(page.body, "<span id=\"fixture-trusted\"><em id=\"fixture-trusted-em\">trusted</em></span>");
    }

    @Test
    public void profilePageWhenNameBobThenBobsProfileSeenByAlice() {
        HttpCall.Response page = HttpCall.with(host, Sessions.loggedIn(host, "alice", "alice")).get("/secure/ViewProfile.jspa?name=bob").send();
        assertEquals(page.toString(), 200, page.status);
        assertContains(page.body, "<span id=\"fixture-profile\">bob</span>");
        assertContains(page.body, "<span id=\"fixture-greeting\">Hello, Bob Example</span>");
        assertContains(page.body, "<span id=\"fixture-current\">alice</span>");
        assertContains(page.body, "<dd id=\"up-d-username\">bob</dd>");
    }

    @Test
    public void profilePageWhenUnknownNameThen404() {
        HttpCall.Response page = HttpCall.with(host, Sessions.loggedIn(host, "alice", "alice")).get("/secure/ViewProfile.jspa?name=nobody").send();
        assertEquals(page.toString(), 404, page.status);
    }

    @Test
    public void profilePageWhenAnonymousThenRedirectedToLoginAndBack() {
        HttpCall.Response page = HttpCall.to(host).get("/secure/ViewProfile.jspa?name=bob").send();
        assertEquals(page.toString(), 302, page.status);
        assertTrue(page.header("Location"), page.header("Location")
                .endsWith("/jira/login.jsp?os_destination=%2Fsecure%2FViewProfile.jspa%3Fname%3Dbob"));
    }

    @Test
    public void contextProviderWhenRenderedManyTimesThenInitialisedOnce() {
        HttpClient alice = Sessions.loggedIn(host, "alice", "alice");
        HttpCall.with(host, alice).get("/secure/ViewProfile.jspa").send();
        HttpCall.Response page = HttpCall.with(host, alice).get("/secure/ViewProfile.jspa").send();
        assertContains(page.body, "<span id=\"fixture-init-count\">1</span>");
    }

    @Test
    public void profilePageWhenRenderedThenIncludesGeneralWebResourceWhichDownloads() {
        HttpCall.Response page = HttpCall.with(host, Sessions.loggedIn(host, "alice", "alice")).get("/secure/ViewProfile.jspa").send();
        List<String> scripts = scripts(page.body, "/download/resources/");
        assertEquals(page.body, Arrays.asList("/jira/download/resources/dev.jirapat.devhost.fixture:fixture-resources/fixture.js"), scripts);

        HttpCall.Response js = HttpCall.to(host).get(scripts.get(0).substring("/jira".length())).send();
        assertEquals(js.toString(), 200, js.status);
        assertTrue(js.header("Content-Type"), js.header("Content-Type").startsWith("application/javascript"));
        assertContains(js.body, "window.devhostFixtureLoaded = true;");
    }

    @Test
    public void webResourceWhenUnknownModuleOrFileThen404() {
        assertEquals(404, HttpCall.to(host).get("/download/resources/dev.jirapat.devhost.fixture:fixture-resources/nope.js").send().status);
        assertEquals(404, HttpCall.to(host).get("/download/resources/dev.jirapat.devhost.fixture:nope/fixture.js").send().status);
        assertEquals(404, HttpCall.to(host).get("/download/resources/dev.jirapat.devhost.fixture:fixture-resources/../fixture.properties").send().status);
    }

    // --- admin area, <web-item> -------------------------------------------------------------------------------

    @Test
    public void adminAreaWhenAdminThenListsThePluginsAdminWebItem() {
        HttpCall.Response page = HttpCall.with(host, Sessions.loggedIn(host, "admin", "admin"))
                .get("/secure/admin/ViewApplicationProperties.jspa").send();
        assertEquals(page.toString(), 200, page.status);
        assertContains(page.body, "<a id=\"fixture-admin-link\" href=\"/jira/plugins/servlet/fixture/hello\">Fixture admin link</a>");
        assertFalse("a web-item outside the admin sections is not an admin link", page.body.contains("fixture-profile-link"));
    }

    @Test
    public void adminAreaWhenNotAdminThen403() {
        HttpCall.Response page = HttpCall.with(host, Sessions.loggedIn(host, "alice", "alice"))
                .get("/secure/admin/ViewApplicationProperties.jspa").send();
        assertEquals(page.toString(), 403, page.status);
        assertFalse(page.body.contains("fixture-admin-link"));
    }

    @Test
    public void adminAreaWhenAnonymousThenRedirectedToLogin() {
        HttpCall.Response page = HttpCall.to(host).get("/secure/admin/ViewApplicationProperties.jspa").send();
        assertEquals(page.toString(), 302, page.status);
        assertTrue(page.header("Location"), page.header("Location")
                .endsWith("/jira/login.jsp?os_destination=%2Fsecure%2Fadmin%2FViewApplicationProperties.jspa"));
    }

    // --- AUI and jQuery from npm ------------------------------------------------------------------------------

    @Test
    public void staticWhenJqueryRequestedThenServedFromNpm() {
        assumeWebModules();
        HttpCall.Response js = HttpCall.to(host).get("/static/jquery/dist/jquery.min.js").send();
        assertEquals(js.toString().substring(0, Math.min(200, js.toString().length())), 200, js.status);
        assertTrue(js.body.length() > 10_000);
    }

    @Test
    public void pageWhenRenderedThenEveryStaticLibraryItNamesDownloads() {
        assumeWebModules();
        HttpCall.Response page = HttpCall.with(host, Sessions.loggedIn(host, "alice", "alice")).get("/secure/ViewProfile.jspa").send();
        List<String> statics = new ArrayList<>(scripts(page.body, "/static/"));
        Matcher css = Pattern.compile("<link rel=\"stylesheet\" href=\"(/jira/static/[^\"]+)\"").matcher(page.body);
        while (css.find()) {
            statics.add(css.group(1));
        }
        assertTrue(page.body, statics.size() >= 3);
        for (String url : statics) {
            HttpCall.Response r = HttpCall.to(host).get(url.substring("/jira".length())).send();
            assertEquals(url, 200, r.status);
        }
    }

    @Test
    public void staticWhenDirectoryOrMissingFileThenNotListed() {
        assertEquals(404, HttpCall.to(host).get("/static/jquery/dist/no-such-file.js").send().status);
        HttpCall.Response dir = HttpCall.to(host).get("/static/jquery/dist/").send();
        assertTrue(dir.toString(), dir.status == 403 || dir.status == 404);
    }

    static void assumeWebModules() {
        if (Files.isDirectory(Paths.get("target", "devhost-web", "node_modules", "jquery"))) {
            return;
        }
        String ci = System.getenv("CI");
        if (ci != null && !ci.isEmpty()) {
            fail("CI is set but target/devhost-web/node_modules is missing: the devhost-web profile (npm ci) did not run");
        }
        System.out.println("[devhost] AUI/jQuery check skipped: target/devhost-web/node_modules is missing (npm not run)");
        Assume.assumeTrue("target/devhost-web/node_modules is missing", false);
    }

    private static List<String> scripts(String html, String under) {
        List<String> out = new ArrayList<>();
        Matcher m = Pattern.compile("<script src=\"([^\"]+)\"").matcher(html);
        while (m.find()) {
            if (m.group(1).contains(under)) {
                out.add(m.group(1));
            }
        }
        return out;
    }

    static void assertContains(String haystack, String needle) {
        assertNotNull(haystack);
        if (!haystack.contains(needle)) {
            fail("expected to find\n  " + needle + "\nin\n  " + haystack);
        }
    }
}
