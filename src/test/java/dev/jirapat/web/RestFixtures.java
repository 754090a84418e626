package dev.jirapat.web;

import dev.jirapat.devhost.DevHost;
import dev.jirapat.devhost.HttpCall;

import static org.junit.Assert.assertEquals;

/** Setting up and cleaning up through the product's own REST API, as an admin script would. */
final class RestFixtures {
    private RestFixtures() {
    }

    static void putSettings(DevHost host, String json) {
        HttpCall.Response r = HttpCall.to(host).put("/rest/pat/latest/admin/settings").basic("admin", "admin").json(json).send();
        assertEquals(r.toString(), 200, r.status);
    }

    /** Creates a 30-day token as {@code user} (password = username) and returns the raw token. */
    static String createToken(DevHost host, String user, String name) {
        HttpCall.Response r = HttpCall.to(host).post("/rest/pat/latest/tokens").basic(user, user)
                .json("{\"name\":\"" + name + "\",\"expirationDuration\":30}").send();
        assertEquals(r.toString(), 201, r.status);
        return r.body.replaceAll(".*\"rawToken\":\"([^\"]+)\".*", "$1");
    }

    static void revokeAll(DevHost host, String user) {
        HttpCall.Response list = HttpCall.to(host).get("/rest/pat/latest/tokens").basic(user, user).send();
        for (String part : list.body.split("\"id\":")) {
            String digits = part.replaceAll("^(\\d+).*", "$1");
            if (digits.matches("\\d+")) {
                HttpCall.to(host).delete("/rest/pat/latest/tokens/" + digits).basic(user, user).send();
            }
        }
    }
}
