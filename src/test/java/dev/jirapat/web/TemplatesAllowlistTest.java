package dev.jirapat.web;

import com.atlassian.sal.api.websudo.WebSudoManager;
import com.atlassian.webresource.api.assembler.PageBuilderService;
import com.atlassian.webresource.api.assembler.RequiredResources;
import dev.jirapat.devhost.HostTemplates;
import dev.jirapat.testing.FakeUsers;
import dev.jirapat.token.TokenPolicy;
import org.junit.After;
import org.junit.Test;

import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.Proxy;
import java.net.URI;
import java.security.Principal;
import java.util.HashMap;
import java.util.Map;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

/**
 * Jira 10 blocks every template call not on its method allowlist. Each of the plugin's page templates is rendered
 * here with the context the plugin's own code builds for it (the profile panel's context provider in each mode,
 * the admin servlet for an administrator and for anyone else) through the dev host's allowlist enforcement, which
 * must block nothing. {@code OwnerMailTemplateAllowlistTest} does the same for the mail template.
 */
public class TemplatesAllowlistTest {
    private static final String PANEL = "templates/profile/tokens-panel.vm";
    private final HostTemplates host = HostTemplates.forPlugin();
    private final FakeUsers users = FakeUsers.fixture();

    @After
    public void nothingBlocked() {
        assertEquals("template calls Jira 10 would block", "[]", host.violations().toString());
    }

    private String panel(String viewer, String profile) {
        ProfileTokensContextProvider provider = new ProfileTokensContextProvider(users, TokenPolicy::defaults, pageBuilder());
        provider.init(new HashMap<>());
        Map<String, Object> page = new HashMap<>();
        page.put("currentUser", (Principal) () -> viewer);
        page.put("profileUser", (Principal) () -> profile);
        return host.renderPanel(PANEL, page, provider.getContextMap(new HashMap<>(page)));
    }

    @Test
    public void profilePanelWhenOwnTokensThenRendersOwnModeWithNothingBlocked() {
        String html = panel("alice", "alice");
        assertTrue(html, html.contains("data-mode=\"OWN\""));
        assertTrue(html, html.contains("id=\"pat-create\""));
        assertTrue(html, html.contains("data-user-key=\"key-alice\""));
    }

    @Test
    public void profilePanelWhenAdminOnAnotherProfileThenRendersAdminModeWithNothingBlocked() {
        String html = panel("admin", "alice");
        assertTrue(html, html.contains("data-mode=\"ADMIN\""));
        assertFalse(html, html.contains("id=\"pat-create\""));
    }

    @Test
    public void profilePanelWhenOtherUserThenRendersNothingAndNothingBlocked() {
        assertEquals("", panel("bob", "alice").trim());
    }

    @Test
    public void adminPageWhenAdministratorThenRendersWithNothingBlocked() throws Exception {
        for (boolean builtIn : new boolean[] {false, true}) {
            Page page = adminPage("admin", builtIn);
            assertEquals(200, page.status);
            assertTrue(page.html, page.html.contains("id=\"pat-admin\""));
            assertEquals(page.html, builtIn, page.html.contains("id=\"pat-builtin-warning\""));
            assertTrue("i18n reached the page", page.html.contains("<title>") && !page.html.contains("$i18n"));
        }
        assertTrue(host.rendered().toString(), host.rendered().contains("templates/admin/admin.vm"));
    }

    @Test
    public void deniedPageWhenNotAdministratorThenRendersWithNothingBlocked() throws Exception {
        Page page = adminPage("alice", false);
        assertEquals(403, page.status);
        assertTrue(page.html, page.html.contains("id=\"pat-admin-denied\""));
        assertFalse(page.html, page.html.contains("$i18n"));
        assertTrue(host.rendered().toString(), host.rendered().contains("templates/admin/denied.vm"));
    }

    /** The negative control: the same enforcement blocks a plugin method the descriptor does not list. */
    @Test
    public void pluginMethodWhenNotListedThenBlocked() {
        Map<String, Object> context = new HashMap<>();
        context.put("policy", TokenPolicy.defaults());
        String html = host.renderPanel("dev/jirapat/web/unlisted-call.vm", new HashMap<>(), context);
        assertEquals("[]", html.trim());
        assertEquals("[Method needs allowlisting: dev.jirapat.token.TokenPolicy#nameMaxLength() "
                + "(dev/jirapat/web/unlisted-call.vm line 2, column 11)]", host.violations().toString());
        host.clearViolations();
    }

    private static PageBuilderService pageBuilder() {
        RequiredResources resources = new RequiredResources() {
            @Override
            public RequiredResources requireWebResource(String completeKey) {
                return this;
            }
        };
        return () -> () -> resources;
    }

    private static final class Page {
        int status = 200;
        final StringWriter body = new StringWriter();
        String html;
    }

    /** The real admin servlet's GET, with the host's TemplateRenderer, for a logged-in user with web-sudo. */
    private Page adminPage(String username, boolean builtInAppEnabled) throws Exception {
        WebSudoManager webSudo = new WebSudoManager() {
            @Override
            public boolean canExecuteRequest(HttpServletRequest request) {
                return true;
            }

            @Override
            public void enforceWebSudoProtection(HttpServletRequest request, HttpServletResponse response) {
                throw new AssertionError("web-sudo is granted");
            }
        };
        AdminPageServlet servlet = new AdminPageServlet(() -> users.byName(username), users, TokenPolicy::defaults,
                returnUri -> URI.create("/login.jsp"), webSudo, host.renderer(), pageBuilder(), key -> builtInAppEnabled);
        Page page = new Page();
        PrintWriter writer = new PrintWriter(page.body);
        HttpServletRequest request = (HttpServletRequest) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {HttpServletRequest.class}, (proxy, method, args) -> {
                    throw new AssertionError("the page needs no " + method.getName() + " for a logged-in user");
                });
        HttpServletResponse response = (HttpServletResponse) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {HttpServletResponse.class}, (proxy, method, args) -> {
                    switch (method.getName()) {
                        case "getWriter":
                            return writer;
                        case "setStatus":
                            page.status = (Integer) args[0];
                            return null;
                        case "setContentType":
                        case "setHeader":
                            return null;
                        default:
                            throw new AssertionError("unexpected " + method.getName());
                    }
                });
        servlet.doGet(request, response);
        writer.flush();
        page.html = page.body.toString();
        return page;
    }

}
