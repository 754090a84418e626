package dev.jirapat.devhost;

import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** The administration area: system administrators only; lists the plugin's admin menu links. */
final class AdminArea extends HttpServlet {
    private static final long serialVersionUID = 1L;
    private final PluginDescriptor descriptor;
    private final DevUsers users;
    private final DevI18n i18n;

    AdminArea(PluginDescriptor descriptor, DevUsers users) {
        this.descriptor = descriptor;
        this.users = users;
        this.i18n = new DevI18n(descriptor.i18nBundles);
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        DevUser current = CurrentUser.get();
        if (current == null) {
            resp.sendRedirect(req.getContextPath() + "/login.jsp?os_destination="
                    + URLEncoder.encode(req.getServletPath() + (req.getPathInfo() == null ? "" : req.getPathInfo()), StandardCharsets.UTF_8.name()));
            return;
        }
        resp.setContentType("text/html;charset=UTF-8");
        if (!users.hasPermission(com.atlassian.jira.permission.GlobalPermissionKey.SYSTEM_ADMIN, current)) {
            resp.setStatus(403);
            resp.getWriter().write(Pages.page(req, "Access denied",
                    "<div class=\"aui-message aui-message-error\" id=\"permission-violation\">You do not have permission to access this page.</div>", null));
            return;
        }
        StringBuilder links = new StringBuilder("<ul id=\"admin-links\">");
        for (PluginDescriptor.WebItemModule item : descriptor.webItems) {
            if (item.section.startsWith("admin")) {
                links.append("<li><a id=\"").append(Pages.html(item.key)).append("\" href=\"").append(Pages.html(req.getContextPath() + item.link))
                        .append("\">").append(Pages.html(i18n.getText(item.labelKey))).append("</a></li>");
            }
        }
        resp.getWriter().write(Pages.page(req, "Administration", links.append("</ul>").toString(), null));
    }
}
