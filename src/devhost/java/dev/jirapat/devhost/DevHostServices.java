package dev.jirapat.devhost;

import com.atlassian.plugin.PluginAccessor;
import com.atlassian.sal.api.auth.LoginUriProvider;
import com.atlassian.sal.api.websudo.WebSudoManager;
import com.atlassian.templaterenderer.TemplateRenderer;

import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.Writer;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/** Small host services for the plugin's pages: who is logged in, where login is, web-sudo, templates, plugins. */
final class DevHostServices {
    private DevHostServices() {
    }

    static LoginUriProvider loginUris(String contextPath) {
        return returnUri -> {
            String destination = returnUri.toString();
            if (destination.startsWith(contextPath + "/")) {
                destination = destination.substring(contextPath.length());
            }
            try {
                return URI.create(contextPath + "/login.jsp?os_destination=" + URLEncoder.encode(destination, StandardCharsets.UTF_8.name()));
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        };
    }

    /**
     * Web-sudo: granted by default, so the fixture admin reaches admin pages without a password prompt; with
     * {@code granted} false, every protected page is sent to a web-sudo prompt, as Jira does before the admin
     * re-enters the password.
     */
    static WebSudoManager webSudo(boolean granted) {
        return new WebSudoManager() {
            @Override
            public boolean canExecuteRequest(HttpServletRequest request) {
                return granted;
            }

            @Override
            public void enforceWebSudoProtection(HttpServletRequest request, HttpServletResponse response) {
                try {
                    response.sendRedirect(request.getContextPath() + "/secure/admin/WebSudoAuthenticate.jspa");
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            }
        };
    }

    static TemplateRenderer templates(VelocityViews views, DevI18n i18n) {
        return new TemplateRenderer() {
            @Override
            public void render(String templateName, Map<String, Object> context, Writer writer) throws IOException {
                Map<String, Object> ctx = new HashMap<>(context);
                ctx.put("i18n", i18n);
                writer.write(views.render(templateName, ctx, "TemplateRenderer"));
            }
        };
    }

    /** Only Jira's built-in PAT app is known; whether it is "enabled" is the host's setting. */
    static PluginAccessor plugins(boolean builtInPatAppEnabled) {
        return key -> "com.atlassian.pats.pats-plugin".equals(key) && builtInPatAppEnabled;
    }
}
