package dev.jirapat.devhost;

import org.junit.ClassRule;
import org.junit.Test;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotEquals;

/**
 * Atlassian REST's XSRF rule on {@code /rest/*}: a POST a browser form could send cross-site (no content type,
 * form, multipart, {@code text/plain}) needs {@code X-Atlassian-Token: no-check}; JSON and GET always pass.
 */
public class XsrfRuleIT {
    private static final String COMMENT = "/rest/api/2/issue/DEMO-2/comment";
    private static final String[] XSRF_ABLE = {null, "application/x-www-form-urlencoded",
            "multipart/form-data; boundary=xyz", "text/plain", "text/plain;charset=UTF-8"};

    @ClassRule
    public static final DevHostRule HOST = new DevHostRule();

    @Test
    public void postWhenFormLikeContentTypeAndNoTokenHeaderThen403() {
        for (String type : XSRF_ABLE) {
            HttpCall.Response r = HttpCall.to(HOST.host()).post(COMMENT).basic("alice", "alice")
                    .body(type, "{\"body\":\"from a cross-site form\"}").send();
            assertEquals(type + ": " + r, 403, r.status);
        }
    }

    @Test
    public void postWhenFormLikeContentTypeAndNoCheckHeaderThenPassesThrough() {
        for (String type : XSRF_ABLE) {
            HttpCall.Response r = HttpCall.to(HOST.host()).post(COMMENT).basic("alice", "alice")
                    .header("X-Atlassian-Token", "no-check").body(type, "{\"body\":\"scripted\"}").send();
            assertNotEquals(type + ": " + r, 403, r.status);
        }
    }

    @Test
    public void postWhenTokenHeaderHasAnotherValueThen403() {
        HttpCall.Response r = HttpCall.to(HOST.host()).post(COMMENT).basic("alice", "alice")
                .header("X-Atlassian-Token", "check").body("text/plain", "{\"body\":\"x\"}").send();
        assertEquals(r.toString(), 403, r.status);
    }

    @Test
    public void postWhenJsonThenPassesWithoutTokenHeader() {
        HttpCall.Response r = HttpCall.to(HOST.host()).post(COMMENT).basic("alice", "alice").json("{\"body\":\"json\"}").send();
        assertEquals(r.toString(), 201, r.status);
    }

    @Test
    public void getWhenFormLikeContentTypeThenNeverBlocked() {
        for (String type : XSRF_ABLE) {
            HttpCall.Response r = HttpCall.to(HOST.host()).get("/rest/api/2/myself").basic("alice", "alice")
                    .body(type, "").send();
            assertEquals(type + ": " + r, 200, r.status);
        }
    }

    @Test
    public void postWhenNotUnderRestThenNotSubjectToTheRule() {
        // The login form is a form POST without the header: the REST rule must not apply to it.
        HttpCall.Response r = HttpCall.to(HOST.host()).post("/login.jsp")
                .body("application/x-www-form-urlencoded", "os_username=alice&os_password=alice").send();
        assertEquals(r.toString(), 302, r.status);
    }
}
