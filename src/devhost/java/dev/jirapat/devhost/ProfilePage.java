package dev.jirapat.devhost;

import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * {@code /secure/ViewProfile.jspa[?name=bob]}: the user profile with the panels at
 * {@code webpanels.user.profile.summary.custom} (context {@code profileUser}, {@code currentUser}).
 */
final class ProfilePage extends HttpServlet {
    static final String PANEL_LOCATION = "webpanels.user.profile.summary.custom";
    private static final long serialVersionUID = 1L;

    private final DevUsers users;
    private final WebPanels panels;
    private final WebResources resources;

    ProfilePage(DevUsers users, WebPanels panels, WebResources resources) {
        this.users = users;
        this.panels = panels;
        this.resources = resources;
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        DevUser current = CurrentUser.get();
        if (current == null) {
            String here = req.getServletPath() + (req.getQueryString() == null ? "" : "?" + req.getQueryString());
            resp.sendRedirect(req.getContextPath() + "/login.jsp?os_destination=" + URLEncoder.encode(here, StandardCharsets.UTF_8.name()));
            return;
        }
        String name = req.getParameter("name");
        DevUser profile = name == null ? current : (DevUser) users.getUserByName(name);
        if (profile == null) {
            resp.setStatus(404);
            resp.setContentType("text/html;charset=UTF-8");
            resp.getWriter().write(Pages.page(req, "User not found", "<p>The user named '" + Pages.html(name) + "' does not exist.</p>", null));
            return;
        }
        Map<String, Object> context = new HashMap<>();
        context.put("profileUser", profile);
        context.put("currentUser", current);
        StringBuilder content = new StringBuilder("<div class=\"aui-item\" id=\"profile-details\"><dl>"
                + "<dt>Username</dt><dd id=\"up-d-username\">" + Pages.html(profile.getName()) + "</dd>"
                + "<dt>Full name</dt><dd id=\"up-d-fullname\">" + Pages.html(profile.getDisplayName()) + "</dd>"
                + "<dt>Email</dt><dd>" + Pages.html(profile.getEmailAddress()) + "</dd></dl></div>");
        for (String panel : panels.render(PANEL_LOCATION, context)) {
            content.append(panel);
        }
        resp.setContentType("text/html;charset=UTF-8");
        resp.getWriter().write(Pages.page(req, "User Profile: " + profile.getDisplayName(), content.toString(),
                resources.tagsFor(req, "atl.general") + resources.tagsFor(req, DevPageBuilder.required())));
    }
}
