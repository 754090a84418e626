package dev.jirapat.rest;

import javax.ws.rs.core.Response;
import javax.ws.rs.ext.ExceptionMapper;
import javax.ws.rs.ext.Provider;

/** Expected refusals from the resources (validation, permission, limits). Not logged: they are not faults. */
@Provider
public final class ApiExceptionMapper implements ExceptionMapper<ApiException> {
    @Override
    public Response toResponse(ApiException error) {
        return Errors.response(error.status(), error.exception(), error.getMessage(), error.field());
    }
}
