package dev.jirapat.devhost;

import org.codehaus.jackson.JsonNode;

import javax.servlet.ServletException;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A slice of Jira's REST API v2 so real clients and scripts work against the host: {@code myself},
 * {@code serverInfo} (anonymous allowed, as on a private Jira), {@code issue/{key}} and posting a comment on
 * the in-memory issues DEMO-1 … DEMO-3. Any other path or method answers 404 "Not emulated by the dev host: GET
 * /rest/api/2/search", so a client is not told "Issue Does Not Exist" (Jira's answer for a missing issue, which
 * the host keeps for {@code issue/{key}} and its comments) for an API the host simply does not have.
 */
final class JiraRestServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    private final Map<String, List<Map<String, Object>>> comments = new LinkedHashMap<>();
    private final AtomicLong commentIds = new AtomicLong(10000);

    JiraRestServlet() {
        for (String key : Arrays.asList("DEMO-1", "DEMO-2", "DEMO-3")) {
            comments.put(key, Collections.synchronizedList(new ArrayList<>()));
        }
    }

    @Override
    protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException, ServletException {
        String path = req.getPathInfo() == null ? "" : req.getPathInfo();
        String[] parts = path.split("/", -1);
        boolean emulated;
        if ("GET".equals(req.getMethod()) || "HEAD".equals(req.getMethod())) { // HEAD: GET without the body
            emulated = path.equals("/serverInfo") || path.equals("/myself")
                    || (parts.length == 3 && parts[1].equals("issue") && !parts[2].isEmpty());
        } else if ("POST".equals(req.getMethod())) {
            emulated = parts.length == 4 && parts[1].equals("issue") && !parts[2].isEmpty() && parts[3].equals("comment");
        } else {
            emulated = false;
        }
        if (!emulated) {
            Json.write(resp, 404, Json.object("errorMessages", Collections.singletonList("Not emulated by the dev host: "
                    + req.getMethod() + " " + req.getServletPath() + path), "errors", Collections.emptyMap()));
        } else {
            super.service(req, resp);
        }
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String path = req.getPathInfo() == null ? "" : req.getPathInfo();
        if (path.equals("/serverInfo")) {
            Json.write(resp, 200, Json.object("baseUrl", baseUrl(req), "version", "9.12.0",
                    "versionNumbers", Arrays.asList(9, 12, 0), "deploymentType", "Server", "buildNumber", 912000,
                    "serverTitle", "Jira (PAT dev host)"));
            return;
        }
        DevUser user = CurrentUser.get();
        if (user == null) {
            notAuthenticated(resp);
            return;
        }
        if (path.equals("/myself")) {
            Json.write(resp, 200, userJson(req, user));
        } else if (path.startsWith("/issue/") && comments.containsKey(path.substring(7))) {
            String key = path.substring(7);
            List<Map<String, Object>> list;
            synchronized (comments.get(key)) {
                list = new ArrayList<>(comments.get(key));
            }
            Json.write(resp, 200, Json.object("id", String.valueOf(10000 + key.charAt(5) - '0'), "key", key,
                    "self", baseUrl(req) + "/rest/api/2/issue/" + key,
                    "fields", Json.object("summary", "Demo issue " + key, "comment",
                            Json.object("comments", list, "total", list.size()))));
        } else {
            issueDoesNotExist(resp);
        }
    }

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String path = req.getPathInfo() == null ? "" : req.getPathInfo();
        DevUser user = CurrentUser.get();
        if (user == null) {
            notAuthenticated(resp);
            return;
        }
        String[] parts = path.split("/");
        if (parts.length != 4 || !parts[1].equals("issue") || !parts[3].equals("comment") || !comments.containsKey(parts[2])) {
            issueDoesNotExist(resp);
            return;
        }
        JsonNode body;
        try {
            body = Json.mapper().readTree(req.getInputStream());
        } catch (IOException e) {
            Json.write(resp, 400, Json.object("errorMessages", Collections.singletonList("Invalid JSON"), "errors", Collections.emptyMap()));
            return;
        }
        if (body == null || !body.path("body").isTextual() || body.path("body").getTextValue().trim().isEmpty()) {
            Json.write(resp, 400, Json.object("errorMessages", Collections.emptyList(), "errors",
                    Json.object("comment", "Comment body can not be empty!")));
            return;
        }
        Map<String, Object> comment = Json.object("id", String.valueOf(commentIds.incrementAndGet()),
                "body", body.path("body").getTextValue(), "author", userJson(req, user));
        comments.get(parts[2]).add(comment);
        Json.write(resp, 201, comment);
    }

    static Map<String, Object> userJson(HttpServletRequest req, DevUser user) {
        return Json.object("self", baseUrl(req) + "/rest/api/2/user?username=" + user.getName(), "key", user.getKey(),
                "name", user.getName(), "emailAddress", user.getEmailAddress(), "displayName", user.getDisplayName(),
                "active", user.isActive(), "timeZone", "UTC");
    }

    static String baseUrl(HttpServletRequest req) {
        return req.getScheme() + "://" + req.getServerName() + ":" + req.getServerPort() + req.getContextPath();
    }

    private static void notAuthenticated(HttpServletResponse resp) throws IOException {
        Json.write(resp, 401, Json.object("errorMessages",
                Collections.singletonList("You are not authenticated. Authentication required to perform this operation."),
                "errors", Collections.emptyMap()));
    }

    private static void issueDoesNotExist(HttpServletResponse resp) throws IOException {
        Json.write(resp, 404, Json.object("errorMessages", Collections.singletonList("Issue Does Not Exist"),
                "errors", Collections.emptyMap()));
    }
}
