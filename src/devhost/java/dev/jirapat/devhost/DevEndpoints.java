package dev.jirapat.devhost;

import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;

/** What the {@code /jira/devhost/...} endpoints share: loopback callers only, JSON or a page by Accept header. */
final class DevEndpoints {
    private DevEndpoints() {
    }

    /** False (after answering 403) when the caller is not on this machine. */
    static boolean fromLoopback(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String remote = req.getRemoteAddr();
        boolean loopback;
        try {
            String literal = remote.startsWith("[") && remote.endsWith("]") ? remote.substring(1, remote.length() - 1) : remote;
            loopback = InetAddress.getByName(literal).isLoopbackAddress();
        } catch (UnknownHostException | RuntimeException e) {
            loopback = false;
        }
        if (!loopback) {
            resp.sendError(403, "dev host endpoints answer loopback callers only");
        }
        return loopback;
    }

    /** The Accept header names text/html before (or without) application/json. */
    static boolean prefersHtml(HttpServletRequest req) {
        String accept = req.getHeader("Accept");
        if (accept == null) {
            return false;
        }
        int html = accept.indexOf("text/html");
        int json = accept.indexOf("application/json");
        return html >= 0 && (json < 0 || html < json);
    }

    static void page(HttpServletResponse resp, String title, String body) throws IOException {
        resp.setContentType("text/html;charset=UTF-8");
        resp.setHeader("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; frame-src 'self'");
        byte[] bytes = ("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"UTF-8\"><title>" + Pages.html(title)
                + "</title></head><body>" + body + "</body></html>").getBytes(StandardCharsets.UTF_8);
        resp.getOutputStream().write(bytes);
    }
}
