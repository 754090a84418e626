package dev.jirapat.rest;

import javax.ws.rs.core.Response;

/** The 201 that hands out a raw token: never stored by a browser, a proxy or a cache. */
final class CreatedResponse {
    private CreatedResponse() {
    }

    static Response of(CreatedTokenBean bean) {
        return Response.status(Response.Status.CREATED).entity(bean).header("Cache-Control", "no-store")
                .header("Pragma", "no-cache").build();
    }
}
