package dev.jirapat.auth;

import dev.jirapat.devhost.DevHost;
import dev.jirapat.devhost.DevHostRule;
import dev.jirapat.devhost.HttpCall;
import dev.jirapat.token.IssuedToken;
import dev.jirapat.token.Scope;
import org.junit.BeforeClass;
import org.junit.ClassRule;
import org.junit.Test;

import static dev.jirapat.auth.BearerHttp.ALICE;
import static dev.jirapat.auth.BearerHttp.assertRefused;
import static dev.jirapat.auth.BearerHttp.assertServedAs;
import static dev.jirapat.auth.BearerHttp.mint;
import static dev.jirapat.auth.BearerHttp.policy;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

/**
 * A read token stays on the REST API however the path is spelled: every way the review found (and the others
 * the path rule names) to walk from {@code /rest/} to a web page is refused by the filter, sent byte for byte.
 */
public class ReadTokenPathHttpIT {
    @ClassRule
    public static final DevHostRule HOST = new DevHostRule();

    /** Raw paths that a container may route to the profile page although they start with /rest/. */
    static final String[] ESCAPES = RoutingProbe.ESCAPES;

    private static IssuedToken read;
    private static IssuedToken write;

    @BeforeClass
    public static void mintTokens() {
        policy(host());
        read = mint(host(), ALICE, Scope.READ, 30);
        write = mint(host(), ALICE, Scope.WRITE, 30);
    }

    private static DevHost host() {
        return HOST.host();
    }

    private static HttpCall.Response get(String path, IssuedToken token) {
        return HttpCall.to(host()).get(path).bearer(token.rawToken()).sendVerbatim();
    }

    @Test
    public void readTokenWhenPathWalksOutOfTheRestApiThenRefusedByTheFilterNeverThePage() {
        for (String path : ESCAPES) {
            assertRefusedAsAmbiguous(path, get(path, read));
        }
    }

    /**
     * Refused by the filter, or before it by Tomcat itself (an encoded slash: its default encodedSolidusHandling
     * is reject) with its bare 400 page: never served.
     */
    private static void assertRefusedAsAmbiguous(String path, HttpCall.Response r) {
        if (r.header("WWW-Authenticate") == null) {
            assertEquals(path + ": " + r, 400, r.status);
            assertTrue(path + " is not Tomcat's own 400 page: " + r, r.body.contains("<h1>HTTP Status 400 – Bad Request</h1>"));
            return;
        }
        assertFalse(path + " served a page: " + r, r.body.contains("<html"));
        assertRefused(host(), r, 400, "invalid_request", AuthFailure.AMBIGUOUS_PATH, "", read.rawToken());
    }

    @Test
    public void writeTokenWhenTheSamePathsThenNotRefusedByTheFilter() {
        // A write token may use any page, so the filter leaves such a path to the container: proof that the
        // refusals above come from the read scope, not from the path alone.
        for (String path : ESCAPES) {
            HttpCall.Response r = get(path, write);
            assertTrue(path + ": " + r, r.header("WWW-Authenticate") == null);
        }
        // And the escape is real: the container does route it to the page.
        HttpCall.Response page = get(ESCAPES[0], write);
        assertEquals(page.toString(), 200, page.status);
        assertTrue(page.toString(), page.body.contains("<html"));
    }

    @Test
    public void readTokenWhenPlainRestPathThenServed() {
        assertServedAs(get("/rest/api/2/myself", read), "alice");
        assertEquals(200, get("/rest/api/2/issue/DEMO-1", read).status);
    }

    @Test
    public void readTokenWhenWebPageThenInsufficientScope() {
        for (String path : new String[] {"/secure/ViewProfile.jspa", "/secure/admin/pat", "/plugins/servlet/pat/admin", "/"}) {
            HttpCall.Response r = get(path, read);
            assertRefused(host(), r, 403, "insufficient_scope", AuthFailure.READ_ONLY, ", scope=\"write\"",
                    read.rawToken());
        }
    }

    @Test
    public void readTokenWhenRestPathCarriesAParameterOrAnEncodedSlashThenRefused() {
        for (String path : new String[] {"/rest/api/2/myself;jsessionid=x", "/rest/api/2%2fmyself", "/rest/./api/2/myself",
                "/rest/api/2/./myself", "/rest//api/2/myself"}) {
            assertRefusedAsAmbiguous(path, get(path, read));
        }
    }
}
