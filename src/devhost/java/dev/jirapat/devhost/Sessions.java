package dev.jirapat.devhost;

import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;

/** For tests: a browser-like client logged in through the host's login form. */
final class Sessions {
    private Sessions() {
    }

    static HttpClient loggedIn(DevHost host, String user, String password) {
        HttpClient browser = HttpCall.browser();
        HttpCall.Response login = HttpCall.with(host, browser).post("/login.jsp")
                .body("application/x-www-form-urlencoded", "os_username=" + URLEncoder.encode(user, StandardCharsets.UTF_8)
                        + "&os_password=" + URLEncoder.encode(password, StandardCharsets.UTF_8)).send();
        if (login.status != 302) {
            throw new AssertionError("login as " + user + " failed: " + login);
        }
        return browser;
    }
}
