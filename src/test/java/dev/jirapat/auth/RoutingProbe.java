package dev.jirapat.auth;

import dev.jirapat.devhost.HttpCall;
import dev.jirapat.token.PathKind;

import javax.servlet.Filter;
import javax.servlet.FilterChain;
import javax.servlet.FilterConfig;
import javax.servlet.ServletException;
import javax.servlet.ServletRequest;
import javax.servlet.ServletResponse;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertTrue;

/**
 * Holds the path rule against a real container's routing. A context {@code /jira} with Jira's shape: a REST
 * servlet at {@code /rest/*}, web actions at {@code *.jspa}, a default servlet; a filter at {@code /*} (as the
 * Bearer filter is mounted) reports what {@link RoutedPath} decided. Every raw path of a table and of a seeded
 * generator is sent byte for byte; whenever the rule says REST API, the container must have served it from the
 * REST servlet, and every known escape must be called ambiguous.
 */
final class RoutingProbe {
    static final String CONTEXT = "/jira";
    static final String KIND_HEADER = "X-Path-Kind";

    /** Raw paths that a container may route to a web page although they start with /rest/. */
    static final String[] ESCAPES = {
            "/rest/../secure/ViewProfile.jspa",
            "/rest/%2e%2e/secure/ViewProfile.jspa",
            "/rest/%2E%2E/secure/ViewProfile.jspa",
            "/rest/.%2e/secure/ViewProfile.jspa",
            "/rest/%2e./secure/ViewProfile.jspa",
            "/rest/x/../../secure/ViewProfile.jspa",
            "/rest/./../secure/ViewProfile.jspa",
            "/rest/..%2fsecure/ViewProfile.jspa",
            "/rest/..%2Fsecure/ViewProfile.jspa",
            "/rest/..;/secure/ViewProfile.jspa",
            "/rest;x=1/../secure/ViewProfile.jspa",
            "/rest/..\\secure/ViewProfile.jspa",
            "/rest/%5c..%5csecure/ViewProfile.jspa",
            "/rest/%252e%252e/secure/ViewProfile.jspa",
            "/rest//../secure/ViewProfile.jspa",
            "/rest/api/2/../../../secure/ViewProfile.jspa",
    };

    private RoutingProbe() {
    }

    /** Reports the rule's decision in a response header, then lets the container route the request. */
    static final class ProbeFilter implements Filter {
        @Override
        public void doFilter(ServletRequest req, ServletResponse resp, FilterChain chain) throws IOException, ServletException {
            ((HttpServletResponse) resp).setHeader(KIND_HEADER, RoutedPath.of((HttpServletRequest) req).name());
            chain.doFilter(req, resp);
        }

        @Override
        public void init(FilterConfig filterConfig) {
        }

        @Override
        public void destroy() {
        }
    }

    /** Answers with its own name, so the probe sees which servlet the container chose. */
    static final class NamedServlet extends HttpServlet {
        private static final long serialVersionUID = 1L;
        private final String name;

        NamedServlet(String name) {
            this.name = name;
        }

        @Override
        protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
            resp.setContentType("text/plain");
            resp.getWriter().write(name);
        }
    }

    static final class Answer {
        final int status;
        final String kind;
        final String servedBy;

        Answer(int status, String kind, String servedBy) {
            this.status = status;
            this.kind = kind;
            this.servedBy = servedBy;
        }

        @Override
        public String toString() {
            return status + " kind=" + kind + " servedBy=" + servedBy;
        }
    }

    /** The raw paths to try: the review's escapes, plain paths, and generated mixtures of the risky pieces. */
    static List<String> paths() {
        Set<String> out = new LinkedHashSet<>(Arrays.asList(ESCAPES));
        out.addAll(Arrays.asList("/rest/api/2/myself", "/rest/pat/latest/tokens", "/secure/ViewProfile.jspa", "/",
                "/rest/api/2/myself;x", "/rest;x/api/2/myself", "/rest/%2e/api", "/rest/api/%2e%2e/%2e%2e/x.jspa",
                "/rest/..%00/x.jspa", "/rest/%c0%ae%c0%ae/x.jspa", "/rest/.%00./x.jspa", "/rest/%2e%2e%5cx.jspa"));
        String[] pieces = {"/", "/", "/", ".", "..", "%2e", "%2E", "%2f", "%5c", "\\", ";", ";x=1", "%25", "%00",
                "rest", "rest", "api", "x.jspa", "secure", "%c0%ae"};
        Random random = new Random(20261206L);
        while (out.size() < 1500) {
            StringBuilder p = new StringBuilder("/rest/");
            for (int n = random.nextInt(8); n >= 0; n--) {
                p.append(pieces[random.nextInt(pieces.length)]);
            }
            out.add(p.toString());
        }
        return new ArrayList<>(out);
    }

    static Answer send(int port, String rawPath) {
        HttpCall.Response r = HttpCall.to(URI.create("http://127.0.0.1:" + port + CONTEXT)).get(rawPath).sendVerbatim();
        String body = r.body.trim();
        String servedBy = body.equals("rest") || body.equals("jspa") || body.equals("default") ? body : null;
        return new Answer(r.status, r.header(KIND_HEADER), servedBy);
    }

    /** Sends every path and holds the rule to what the container did. Returns how many escapes it really routed. */
    static int assertRuleAgreesWithRouting(int port) {
        int restApi = 0;
        int escapesRouted = 0;
        for (String path : paths()) {
            Answer a = send(port, path);
            if (PathKind.REST_API.name().equals(a.kind)) {
                restApi++;
                assertEquals(path + " was called REST API but " + a, "rest", a.servedBy);
            }
            if (a.servedBy != null && !"rest".equals(a.servedBy)) {
                escapesRouted++; // a raw /rest/... path that the container sent elsewhere
                assertNotEquals(path + " left the REST API but " + a, PathKind.REST_API.name(), a.kind);
            }
        }
        for (String escape : ESCAPES) {
            Answer a = send(port, escape);
            assertTrue(escape + ": " + a, a.kind == null || PathKind.AMBIGUOUS.name().equals(a.kind));
        }
        assertTrue("the plain REST paths were recognised: " + restApi, restApi >= 2);
        return escapesRouted;
    }
}
