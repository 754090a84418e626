package dev.jirapat.rest;

import com.atlassian.sal.api.message.I18nResolver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.ws.rs.core.Response;
import javax.ws.rs.ext.ExceptionMapper;
import javax.ws.rs.ext.Provider;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Everything else is a fault: logged here with a short reference, answered with a generic 500 that quotes the
 * reference. Never a stack trace, an exception message or a class name of the cause in the response.
 */
@Provider
public final class FallbackExceptionMapper implements ExceptionMapper<Throwable> {
    private static final Logger log = LoggerFactory.getLogger(FallbackExceptionMapper.class);

    private final Messages messages;

    public FallbackExceptionMapper(I18nResolver i18n) {
        this.messages = new Messages(i18n);
    }

    @Override
    public Response toResponse(Throwable e) {
        String reference = Long.toString(ThreadLocalRandom.current().nextLong(0x100000000L, 0x1000000000L), 36);
        log.error("REST request failed (reference {})", reference, e);
        return Errors.response(500, ApiException.SERVER, messages.get(Messages.INTERNAL, reference));
    }
}
