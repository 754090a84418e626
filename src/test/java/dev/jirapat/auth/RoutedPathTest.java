package dev.jirapat.auth;

import dev.jirapat.token.PathKind;
import org.junit.Test;

import static org.junit.Assert.assertEquals;

/**
 * The path rule over a table of raw paths, each with what a container routes it to (servlet path + path info, as
 * Tomcat and Jetty report them after decoding and removing dot-segments).
 */
public class RoutedPathTest {
    private static final String CTX = "/jira";

    /** raw path after the context, the routed path the container reports, the expected kind. */
    private static final Object[][] TABLE = {
            // plain REST and non-REST paths
            {"/rest/api/2/myself", "/rest/api/2/myself", PathKind.REST_API},
            {"/rest/pat/latest/tokens/", "/rest/pat/latest/tokens/", PathKind.REST_API},
            {"/rest/api/2/issue/%CE%B1", "/rest/api/2/issue/\u03b1", PathKind.REST_API},
            {"/secure/ViewProfile.jspa", "/secure/ViewProfile.jspa", PathKind.OTHER},
            {"/rest", "/rest", PathKind.OTHER},
            {"/restricted/x", "/restricted/x", PathKind.OTHER},
            {"/REST/api/2/myself", "/REST/api/2/myself", PathKind.OTHER},
            {"/plugins/servlet/rest/x", "/plugins/servlet/rest/x", PathKind.OTHER},
            // dot-segments in every spelling: what the review used to reach web pages with a read token
            {"/rest/../secure/ViewProfile.jspa", "/secure/ViewProfile.jspa", PathKind.AMBIGUOUS},
            {"/rest/%2e%2e/secure/ViewProfile.jspa", "/secure/ViewProfile.jspa", PathKind.AMBIGUOUS},
            {"/rest/%2E%2E/secure/ViewProfile.jspa", "/secure/ViewProfile.jspa", PathKind.AMBIGUOUS},
            {"/rest/.%2e/secure/ViewProfile.jspa", "/secure/ViewProfile.jspa", PathKind.AMBIGUOUS},
            {"/rest/%2e./secure/ViewProfile.jspa", "/secure/ViewProfile.jspa", PathKind.AMBIGUOUS},
            {"/rest/x/../../secure/ViewProfile.jspa", "/secure/ViewProfile.jspa", PathKind.AMBIGUOUS},
            {"/rest/./../secure/ViewProfile.jspa", "/secure/ViewProfile.jspa", PathKind.AMBIGUOUS},
            {"/rest/..%2fsecure/ViewProfile.jspa", "/rest/../secure/ViewProfile.jspa", PathKind.AMBIGUOUS},
            {"/rest/..%2Fsecure/ViewProfile.jspa", "/rest/../secure/ViewProfile.jspa", PathKind.AMBIGUOUS},
            {"/rest/..", "/", PathKind.AMBIGUOUS},
            {"/rest/.", "/rest", PathKind.AMBIGUOUS},
            {"/rest/./api/2/myself", "/rest/api/2/myself", PathKind.AMBIGUOUS},
            {"/rest/api/2/../2/myself", "/rest/api/2/myself", PathKind.AMBIGUOUS},
            // path parameters, backslashes, double encoding, NUL, empty segments
            {"/rest;x/../secure/ViewProfile.jspa", "/secure/ViewProfile.jspa", PathKind.AMBIGUOUS},
            {"/rest/..;/secure/ViewProfile.jspa", "/secure/ViewProfile.jspa", PathKind.AMBIGUOUS},
            {"/rest/api/2/myself;jsessionid=1", "/rest/api/2/myself", PathKind.AMBIGUOUS},
            {"/rest/..\\secure/ViewProfile.jspa", "/rest/..\\secure/ViewProfile.jspa", PathKind.AMBIGUOUS},
            {"/rest/%5c..%5csecure", "/rest/\\..\\secure", PathKind.AMBIGUOUS},
            {"/rest/%252e%252e/secure", "/rest/%2e%2e/secure", PathKind.AMBIGUOUS},
            {"/rest/%00/x", "/rest/\u0000/x", PathKind.AMBIGUOUS},
            {"/rest//api/2/myself", "/rest/api/2/myself", PathKind.AMBIGUOUS},
            {"//rest/api/2/myself", "/rest/api/2/myself", PathKind.AMBIGUOUS},
            // the raw path and the routed one disagree (a container or proxy read it differently)
            {"/rest/api/2/myself", "/secure/ViewProfile.jspa", PathKind.AMBIGUOUS},
            {"/secure/x", "/rest/api/2/myself", PathKind.AMBIGUOUS},
    };

    @Test
    public void classifyWhenTableOfVariantsThenAsExpected() {
        for (Object[] row : TABLE) {
            String raw = (String) row[0];
            assertEquals(raw, row[2], RoutedPath.classify(CTX + raw, CTX, (String) row[1], null));
        }
    }

    @Test
    public void classifyWhenServletPathAndPathInfoAreSplitThenJoinsThem() {
        assertEquals(PathKind.REST_API, RoutedPath.classify("/jira/rest/api/2/myself", "/jira", "/rest", "/api/2/myself"));
        assertEquals(PathKind.REST_API, RoutedPath.classify("/rest/api/2/myself", "", "", "/rest/api/2/myself"));
        assertEquals(PathKind.OTHER, RoutedPath.classify("/jira/secure/Dashboard.jspa", "/jira", "/secure/Dashboard.jspa", null));
    }

    @Test
    public void classifyWhenContextPathDoesNotPrefixTheRawUriThenAmbiguous() {
        assertEquals(PathKind.AMBIGUOUS, RoutedPath.classify("/%6Aira/rest/api/2/myself", "/jira", "/rest/api/2/myself", null));
        assertEquals(PathKind.AMBIGUOUS, RoutedPath.classify("/jira", "/jira", "", null));
        assertEquals(PathKind.AMBIGUOUS, RoutedPath.classify(null, "/jira", "/rest/api/2/myself", null));
    }

    @Test
    public void classifyWhenRootContextThenSameRules() {
        assertEquals(PathKind.REST_API, RoutedPath.classify("/rest/api/2/myself", "", "/rest/api/2/myself", null));
        assertEquals(PathKind.AMBIGUOUS, RoutedPath.classify("/rest/../secure/x", "", "/secure/x", null));
        assertEquals(PathKind.REST_API, RoutedPath.classify("/rest/api/2/myself", null, "/rest/api/2/myself", null));
    }
}
