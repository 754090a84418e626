package dev.jirapat.devhost;

import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /jira/devhost/mail}: the mails the host's SMTP server received, newest first, as JSON
 * ({@code [{"to","subject","text","html","sentAt"}]}), or as a page for a person when the Accept header prefers
 * HTML. Loopback callers only.
 */
final class DevMailServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    private final transient DevMail mail;

    DevMailServlet(DevMail mail) {
        this.mail = mail;
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        if (!DevEndpoints.fromLoopback(req, resp)) {
            return;
        }
        List<Map<String, Object>> messages = mail.received();
        if (!DevEndpoints.prefersHtml(req)) {
            Json.write(resp, 200, messages);
            return;
        }
        StringBuilder body = new StringBuilder("<h1>Mail received by the dev host</h1>");
        if (messages.isEmpty()) {
            body.append("<p>No mail yet.</p>");
        }
        for (Map<String, Object> m : messages) {
            body.append("<section class=\"devhost-mail\"><h2>").append(Pages.html(String.valueOf(m.get("subject"))))
                    .append("</h2><p>To ").append(Pages.html(String.valueOf(m.get("to")))).append(", ")
                    .append(Pages.html(String.valueOf(m.get("sentAt")))).append("</p>")
                    .append("<pre>").append(Pages.html(String.valueOf(m.get("text")))).append("</pre>")
                    // The HTML part, sandboxed: no script runs, links and names show as the mail client would show them.
                    .append("<iframe sandbox title=\"HTML part\" style=\"width:100%;height:320px\" srcdoc=\"")
                    .append(Pages.html(String.valueOf(m.get("html")))).append("\"></iframe></section>");
        }
        DevEndpoints.page(resp, "Dev host mail", body.toString());
    }
}
