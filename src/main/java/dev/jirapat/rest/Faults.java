package dev.jirapat.rest;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.ws.rs.core.Response;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A fault becomes the generic 500: logged with a short reference, answered with a message that quotes it. Never a
 * stack trace, an exception message or a class name of the cause in the response. Shared by the mappers that meet
 * faults ({@link FallbackExceptionMapper}, {@link WebApplicationExceptionMapper}).
 */
public final class Faults {
    // The fallback mapper's category, where these have always been logged.
    private static final Logger log = LoggerFactory.getLogger(FallbackExceptionMapper.class);

    private final Messages messages;

    public Faults(Messages messages) {
        this.messages = messages;
    }

    Response answer(Throwable fault) {
        String reference = Long.toString(ThreadLocalRandom.current().nextLong(0x100000000L, 0x1000000000L), 36);
        log.error("REST request failed (reference {})", reference, fault);
        return Errors.response(500, ApiException.SERVER, messages.get(Messages.INTERNAL, reference));
    }
}
