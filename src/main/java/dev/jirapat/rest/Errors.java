package dev.jirapat.rest;

import javax.ws.rs.core.Response;

/** Builds the one error response: {@link ErrorBean} as {@code application/json;charset=UTF-8}. */
final class Errors {
    private Errors() {
    }

    static Response response(int status, String exception, String message) {
        return builder(status, exception, message).build();
    }

    /** {@code field}: the wire name of the request field the refusal is about, or null. */
    static Response response(int status, String exception, String message, String field) {
        return JsonResponse.builder(status, JsonResponse.JSON_UTF8, new ErrorBean(exception, message, field)).build();
    }

    static Response.ResponseBuilder builder(int status, String exception, String message) {
        return JsonResponse.builder(status, JsonResponse.JSON_UTF8, new ErrorBean(exception, message, null));
    }
}
