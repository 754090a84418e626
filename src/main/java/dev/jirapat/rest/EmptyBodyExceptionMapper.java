package dev.jirapat.rest;

import com.atlassian.sal.api.message.I18nResolver;

import javax.ws.rs.core.Response;
import javax.ws.rs.ext.ExceptionMapper;
import javax.ws.rs.ext.Provider;
import java.io.EOFException;

/**
 * An empty body where JSON is required: Jackson 1 reports it as an {@link EOFException} ("No content to map"),
 * which would otherwise be a 500. (A client that hangs up mid-body ends here too; it no longer listens.)
 */
@Provider
public final class EmptyBodyExceptionMapper implements ExceptionMapper<EOFException> {
    private final Messages messages;

    public EmptyBodyExceptionMapper(I18nResolver i18n) {
        this.messages = new Messages(i18n);
    }

    @Override
    public Response toResponse(EOFException e) {
        return Errors.response(400, ApiError.ILLEGAL_ARGUMENT, messages.get(Messages.BODY_MISSING));
    }
}
