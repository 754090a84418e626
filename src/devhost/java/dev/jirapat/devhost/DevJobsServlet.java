package dev.jirapat.devhost;

import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * {@code POST /jira/devhost/jobs/run} (loopback only): runs every scheduled job that is due now by the host's clock,
 * as atlassian-scheduler would, and answers {@code {"ran":["job key", ...]}}.
 */
public final class DevJobsServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    private final transient DevScheduler scheduler;

    public DevJobsServlet(DevScheduler scheduler) {
        this.scheduler = scheduler;
    }

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        if (Loopback.allowed(req, resp)) {
            Json.write(resp, 200, Json.object("ran", scheduler.runDue()));
        }
    }
}
