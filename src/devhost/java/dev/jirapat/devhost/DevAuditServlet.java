package dev.jirapat.devhost;

import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;

/**
 * {@code GET /jira/devhost/audit}: the audit entries, newest first, as JSON
 * ({@code [{"action","category","area","actor","affectedUser","attributes","changedValues","at"}]}), or as a page
 * when the Accept header prefers HTML. Loopback callers only.
 */
final class DevAuditServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    private final transient DevAudit audit;

    DevAuditServlet(DevAudit audit) {
        this.audit = audit;
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        if (!DevEndpoints.fromLoopback(req, resp)) {
            return;
        }
        if (!DevEndpoints.prefersHtml(req)) {
            Json.write(resp, 200, audit.entries());
            return;
        }
        StringBuilder body = new StringBuilder("<h1>Audit log of the dev host</h1><table><thead><tr><th>At</th><th>Action</th>"
                + "<th>Actor</th><th>Affected user</th><th>Details</th></tr></thead><tbody>");
        for (Map<String, Object> e : audit.entries()) {
            body.append("<tr><td>").append(Pages.html(String.valueOf(e.get("at")))).append("</td><td>")
                    .append(Pages.html(String.valueOf(e.get("action")))).append("</td><td>")
                    .append(Pages.html(String.valueOf(e.get("actor")))).append("</td><td>")
                    .append(Pages.html(String.valueOf(e.get("affectedUser")))).append("</td><td>")
                    .append(Pages.html(String.valueOf(e.get("attributes")) + " " + e.get("changedValues"))).append("</td></tr>");
        }
        DevEndpoints.page(resp, "Dev host audit", body.append("</tbody></table>").toString());
    }
}
