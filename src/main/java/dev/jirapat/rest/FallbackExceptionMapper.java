package dev.jirapat.rest;

import javax.inject.Inject;
import javax.ws.rs.core.Response;
import javax.ws.rs.ext.ExceptionMapper;
import javax.ws.rs.ext.Provider;

/** Everything no other mapper claims is a fault: a generic 500 quoting a log reference ({@link Faults}). */
@Provider
public final class FallbackExceptionMapper implements ExceptionMapper<Throwable> {
    private final Faults faults;

    @Inject
    public FallbackExceptionMapper(Faults faults) {
        this.faults = faults;
    }

    @Override
    public Response toResponse(Throwable e) {
        return faults.answer(e);
    }
}
