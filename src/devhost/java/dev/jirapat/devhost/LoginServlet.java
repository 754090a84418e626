package dev.jirapat.devhost;

import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import javax.servlet.http.HttpSession;
import java.io.IOException;
import java.util.Optional;

/** Jira's login page ({@code /login.jsp}, fields os_username / os_password / os_destination) and logout. */
final class LoginServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    private final DevUsers users;

    LoginServlet(DevUsers users) {
        this.users = users;
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        if (req.getServletPath().equals("/logout")) {
            HttpSession session = req.getSession(false);
            if (session != null) {
                session.invalidate();
            }
            resp.sendRedirect(req.getContextPath() + "/login.jsp");
            return;
        }
        form(req, resp, null, 200);
    }

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        Optional<DevUser> user = users.authenticate(req.getParameter("os_username"), req.getParameter("os_password"))
                .filter(DevUser::isActive);
        if (!user.isPresent()) {
            form(req, resp, "Sorry, your username and password are incorrect - please try again.", 401);
            return;
        }
        HttpSession old = req.getSession(false);
        if (old != null) {
            old.invalidate(); // a fresh session id at login (no session fixation)
        }
        HttpSession session = req.getSession(true);
        session.setAttribute(Seraph.LOGGED_IN_KEY, user.get());
        session.setAttribute(Seraph.LOGGED_IN_USER_ID_KEY, user.get().getName());
        session.removeAttribute(Seraph.LOGGED_OUT_KEY);
        resp.sendRedirect(req.getContextPath() + safeDestination(req.getParameter("os_destination")));
    }

    /** Only a path on this host: never an absolute or protocol-relative URL (no open redirect). */
    static String safeDestination(String destination) {
        if (destination == null || !destination.startsWith("/") || destination.startsWith("//") || destination.contains("\\")
                || destination.chars().anyMatch(c -> c < 0x20)) {
            return "/secure/ViewProfile.jspa";
        }
        return destination;
    }

    private static void form(HttpServletRequest req, HttpServletResponse resp, String error, int status) throws IOException {
        String destination = req.getParameter("os_destination");
        resp.setStatus(status);
        resp.setContentType("text/html;charset=UTF-8");
        resp.getWriter().write(Pages.page(req, "Log in",
                "<form class=\"aui\" id=\"login-form\" method=\"post\" action=\"" + req.getContextPath() + "/login.jsp\">"
                        + (error == null ? "" : "<div class=\"aui-message aui-message-error\" id=\"login-error\">" + Pages.html(error) + "</div>")
                        + "<div class=\"field-group\"><label for=\"login-form-username\">Username</label>"
                        + "<input class=\"text\" type=\"text\" id=\"login-form-username\" name=\"os_username\" autofocus></div>"
                        + "<div class=\"field-group\"><label for=\"login-form-password\">Password</label>"
                        + "<input class=\"password\" type=\"password\" id=\"login-form-password\" name=\"os_password\"></div>"
                        + "<input type=\"hidden\" name=\"os_destination\" value=\"" + Pages.html(destination == null ? "" : destination) + "\">"
                        + "<div class=\"buttons-container\"><div class=\"buttons\">"
                        + "<input class=\"aui-button aui-button-primary\" type=\"submit\" id=\"login-form-submit\" value=\"Log In\"></div></div>"
                        + "<p class=\"description\">Dev host users: admin/admin, alice/alice, bob/bob, carol/carol (inactive).</p>"
                        + "</form>", null));
    }
}
