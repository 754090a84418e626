package dev.jirapat.rest;

import dev.jirapat.devhost.HttpCall;

import java.net.http.HttpHeaders;
import java.net.http.HttpResponse;

/** A response as the REST tests read it, from {@link HttpCall} or from a raw {@code java.net.http} call. */
final class Reply {
    final int status;
    final HttpHeaders headers;
    final String body;

    private Reply(int status, HttpHeaders headers, String body) {
        this.status = status;
        this.headers = headers;
        this.body = body;
    }

    static Reply of(HttpCall.Response r) {
        return new Reply(r.status, r.headers, r.body);
    }

    static Reply of(HttpResponse<String> r) {
        return new Reply(r.statusCode(), r.headers(), r.body());
    }

    /** A response read off a socket by hand. */
    static Reply of(int status, HttpHeaders headers, String body) {
        return new Reply(status, headers, body);
    }

    String header(String name) {
        return headers.firstValue(name).orElse(null);
    }

    @Override
    public String toString() {
        return status + " " + headers.map() + " " + (body.length() > 500 ? body.substring(0, 500) + "..." : body);
    }
}
