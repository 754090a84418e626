package dev.jirapat.devhost;

import org.codehaus.jackson.JsonNode;

import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.time.format.DateTimeParseException;

/**
 * {@code /jira/devhost/clock} (loopback only): {@code GET} answers {@code {"now":"..."}}; {@code POST} with
 * {@code {"advance":"P6D"}} (an ISO-8601 duration, forward only) moves the clock the host shares with the plugin and
 * answers the new time. Bad input is a 400 with {@code {"error":...}} and moves nothing.
 */
public final class DevClockServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    private final transient DevClock clock;

    public DevClockServlet(DevClock clock) {
        this.clock = clock;
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        if (Loopback.allowed(req, resp)) {
            Json.write(resp, 200, Json.object("now", clock.instant().toString()));
        }
    }

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        if (!Loopback.allowed(req, resp)) {
            return;
        }
        JsonNode body;
        try {
            body = Json.mapper().readTree(req.getInputStream());
        } catch (IOException | RuntimeException e) {
            body = null;
        }
        if (body == null || !body.isObject() || !body.path("advance").isTextual()) {
            bad(resp, "Expected a JSON object such as {\"advance\":\"P6D\"}.");
            return;
        }
        String text = body.path("advance").getTextValue();
        Duration by;
        try {
            by = Duration.parse(text);
        } catch (DateTimeParseException e) {
            bad(resp, "\"advance\" must be an ISO-8601 duration such as P6D or PT2H, not " + Json.mapper().writeValueAsString(text) + ".");
            return;
        }
        if (by.isNegative() || by.isZero() || by.compareTo(Duration.ofDays(36500)) > 0) {
            bad(resp, "\"advance\" must move time forward, by at most 36500 days.");
            return;
        }
        Json.write(resp, 200, Json.object("now", clock.advance(by).toString()));
    }

    private static void bad(HttpServletResponse resp, String message) throws IOException {
        Json.write(resp, 400, Json.object("error", message));
    }
}
