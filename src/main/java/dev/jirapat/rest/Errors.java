package dev.jirapat.rest;

import javax.ws.rs.core.Response;

/** Builds the one error response: {@link ErrorBean} as {@code application/json;charset=UTF-8}. */
final class Errors {
    static final String JSON_UTF8 = "application/json;charset=UTF-8";

    private Errors() {
    }

    static Response response(int status, String exception, String message) {
        return builder(status, exception, message).build();
    }

    static Response.ResponseBuilder builder(int status, String exception, String message) {
        return Response.status(status).type(JSON_UTF8).entity(new ErrorBean(exception, message));
    }
}
