package dev.jirapat.devhost;

import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;

/** The dev host's own endpoints answer only callers on this machine, whatever address the host listens on. */
final class Loopback {
    private Loopback() {
    }

    /** True when the caller is on loopback; otherwise answers 403 and returns false. */
    static boolean allowed(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        boolean loopback;
        try {
            loopback = InetAddress.getByName(req.getRemoteAddr()).isLoopbackAddress();
        } catch (UnknownHostException e) {
            loopback = false;
        }
        if (!loopback) {
            Json.write(resp, 403, Json.object("error", "The dev host's own endpoints answer loopback callers only."));
        }
        return loopback;
    }
}
