package dev.jirapat.rest;

import javax.ws.rs.core.Response;
import java.util.List;

/**
 * Every response with a JSON body: the UTF-8 bytes {@link JsonWriter} made, as a {@code byte[]} entity. Every
 * JAX-RS runtime writes a {@code byte[]} with its own built-in writer, and the host's JSON providers (Jackson 1 on
 * Jira 9, Jackson 2 on Jira 10 and 11) leave {@code byte[]} alone, so the body is the same on every Jira line.
 * Content types are the ones clients have always seen.
 */
final class JsonResponse {
    /** Bodies of resources: no charset, as the host's JSON provider labelled them ({@code @Produces}). */
    static final String JSON = "application/json";
    /** Error bodies and the import report. */
    static final String JSON_UTF8 = "application/json;charset=UTF-8";

    private JsonResponse() {
    }

    static Response ok(JsonWritable body) {
        return builder(200, JSON, body).build();
    }

    static Response ok(List<? extends JsonWritable> body) {
        return Response.status(200).type(JSON).entity(JsonWriter.bytes(body)).build();
    }

    /** The 201 that hands out a raw token: never stored by a browser, a proxy or a cache. */
    static Response created(CreatedTokenBean body) {
        return builder(201, JSON, body).header("Cache-Control", "no-store").header("Pragma", "no-cache").build();
    }

    /**
     * The built-in app's 404 for a token id the caller cannot see: an empty body. An empty entity rather than none:
     * Jersey 2 and 3 (REST v2, Jira 10 and 11) hand an error status without an entity to the servlet container's
     * sendError, and the body would be the container's error page.
     */
    static Response emptyNotFound() {
        return Response.status(404).entity(new byte[0]).build();
    }

    static Response.ResponseBuilder builder(int status, String type, JsonWritable body) {
        return Response.status(status).type(type).entity(JsonWriter.bytes(body));
    }
}
