package dev.jirapat.rest;

import com.atlassian.sal.api.message.I18nResolver;
import org.codehaus.jackson.JsonLocation;
import org.codehaus.jackson.JsonParseException;

import javax.ws.rs.core.Response;
import javax.ws.rs.ext.ExceptionMapper;
import javax.ws.rs.ext.Provider;

/**
 * A body that is not JSON (or not UTF-8): 400 with the position, never Jackson's own message (it names our
 * classes and the servlet stream).
 */
@Provider
public final class JsonParseExceptionMapper implements ExceptionMapper<JsonParseException> {
    private final Messages messages;

    public JsonParseExceptionMapper(I18nResolver i18n) {
        this.messages = new Messages(i18n);
    }

    @Override
    public Response toResponse(JsonParseException e) {
        JsonLocation at = e.getLocation();
        return Errors.response(400, ApiError.ILLEGAL_ARGUMENT, messages.get(Messages.BODY_MALFORMED,
                at == null ? "?" : at.getLineNr(), at == null ? "?" : at.getColumnNr()));
    }
}
