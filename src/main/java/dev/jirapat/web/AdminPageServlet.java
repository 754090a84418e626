package dev.jirapat.web;

import com.atlassian.annotations.security.UnrestrictedAccess;
import com.atlassian.plugin.PluginAccessor;
import com.atlassian.sal.api.auth.LoginUriProvider;
import com.atlassian.sal.api.websudo.WebSudoManager;
import com.atlassian.templaterenderer.TemplateRenderer;
import com.atlassian.webresource.api.assembler.PageBuilderService;
import dev.jirapat.token.CurrentUser;
import dev.jirapat.token.PolicySource;
import dev.jirapat.token.TokenPolicy;
import dev.jirapat.token.UserAccount;
import dev.jirapat.token.Users;

import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * {@code /plugins/servlet/pat/admin}: every user's tokens and the token policy, for system administrators
 * (web-sudo protected). Anonymous callers are sent to the login page, other users get a permission page.
 * The page itself is a shell; its script works through the admin REST endpoints. The policy it renders into the
 * page is only for the create form's choices (the server enforces it); token statuses come with each token from
 * the REST API. {@code @UnrestrictedAccess}: these checks, not Jira 10's defaults, decide who sees what.
 */
@UnrestrictedAccess
public final class AdminPageServlet extends HttpServlet {
    /** Jira's own PAT app, which owns /rest/pat too: the admin must disable it while ours is installed. */
    static final String BUILT_IN_PAT_APP = "com.atlassian.pats.pats-plugin";
    static final String RESOURCES = "dev.jirapat.jira-pat:admin-resources";
    private static final long serialVersionUID = 1L;

    private final transient CurrentUser currentUser;
    private final transient Users users;
    private final transient PolicySource settings;
    private final transient LoginUriProvider loginUris;
    private final transient WebSudoManager webSudo;
    private final transient TemplateRenderer renderer;
    private final transient PageBuilderService pageBuilder;
    private final transient PluginAccessor plugins;

    public AdminPageServlet(CurrentUser currentUser, Users users, PolicySource settings, LoginUriProvider loginUris,
                            WebSudoManager webSudo, TemplateRenderer renderer, PageBuilderService pageBuilder, PluginAccessor plugins) {
        this.currentUser = currentUser;
        this.users = users;
        this.settings = settings;
        this.loginUris = loginUris;
        this.webSudo = webSudo;
        this.renderer = renderer;
        this.pageBuilder = pageBuilder;
        this.plugins = plugins;
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        Optional<UserAccount> user = currentUser.get();
        if (!user.isPresent()) {
            resp.sendRedirect(loginUris.getLoginUri(returnUri(req)).toASCIIString());
            return;
        }
        resp.setContentType("text/html;charset=UTF-8");
        resp.setHeader("Cache-Control", "no-store");
        Map<String, Object> context = new HashMap<>();
        if (!users.isSystemAdmin(user.get().key())) {
            resp.setStatus(HttpServletResponse.SC_FORBIDDEN);
            renderer.render("templates/admin/denied.vm", context, resp.getWriter());
            return;
        }
        if (!webSudo.canExecuteRequest(req)) {
            webSudo.enforceWebSudoProtection(req, resp);
            return;
        }
        pageBuilder.assembler().resources().requireWebResource(RESOURCES);
        context.put("builtInAppEnabled", plugins.isPluginEnabled(BUILT_IN_PAT_APP));
        TokenPolicy policy = settings.policy();
        context.put("nameMaxLength", policy.nameMaxLength());
        context.put("maxExpiryDays", policy.maxExpiryDays());
        context.put("eternalAllowed", policy.eternalAllowed());
        renderer.render("templates/admin/admin.vm", context, resp.getWriter());
    }

    /**
     * Where login should return to: this page with its query, or without it when the query is not valid URI text
     * (such as {@code ?a=%zz}, which the container passes on as sent). Never throws.
     */
    static URI returnUri(HttpServletRequest req) {
        String path = req.getRequestURI();
        String query = req.getQueryString();
        if (query != null) {
            try {
                return new URI(path + "?" + query);
            } catch (URISyntaxException e) {
                // fall back to the path alone
            }
        }
        try {
            return new URI(path);
        } catch (URISyntaxException e) {
            return URI.create(req.getContextPath() + "/plugins/servlet/pat/admin");
        }
    }
}
