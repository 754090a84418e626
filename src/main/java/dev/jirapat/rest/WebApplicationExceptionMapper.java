package dev.jirapat.rest;

import javax.inject.Inject;
import javax.ws.rs.WebApplicationException;
import javax.ws.rs.core.Response;
import javax.ws.rs.ext.ExceptionMapper;
import javax.ws.rs.ext.Provider;
import java.util.List;
import java.util.Map;

/**
 * What the JAX-RS runtime decides before a resource runs: no such path (404), wrong method (405, keeping
 * {@code Allow}), unacceptable {@code Accept} (406), wrong {@code Content-Type} (415). Same error shape as
 * everything else; a 5xx from the runtime is a fault ({@link Faults}).
 */
@Provider
public final class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {
    private final Messages messages;
    private final Faults faults;

    @Inject
    public WebApplicationExceptionMapper(Messages messages, Faults faults) {
        this.messages = messages;
        this.faults = faults;
    }

    @Override
    public Response toResponse(WebApplicationException e) {
        Response original = e.getResponse();
        int status = original == null ? 500 : original.getStatus();
        if (status >= 500) {
            return faults.answer(e);
        }
        if (status < 400) {
            return original; // redirects and the like pass unchanged
        }
        Response.ResponseBuilder out = Errors.builder(status, ApiException.WEB_APPLICATION, message(status, original));
        for (Map.Entry<String, List<Object>> header : original.getMetadata().entrySet()) {
            if (!header.getKey().equalsIgnoreCase("Content-Type") && !header.getKey().equalsIgnoreCase("Content-Length")) {
                for (Object value : header.getValue()) {
                    out.header(header.getKey(), value);
                }
            }
        }
        return out.build();
    }

    private String message(int status, Response original) {
        switch (status) {
            case 404:
                return messages.get(Messages.NOT_FOUND);
            case 405:
                Object allow = original.getMetadata().getFirst("Allow");
                return messages.get(Messages.METHOD_NOT_ALLOWED, allow == null ? "" : allow);
            case 406:
                return messages.get(Messages.NOT_ACCEPTABLE);
            case 415:
                return messages.get(Messages.UNSUPPORTED_MEDIA_TYPE);
            default:
                return messages.get(Messages.HTTP, status);
        }
    }
}
