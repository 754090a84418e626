package dev.jirapat.rest;

import com.atlassian.sal.api.message.I18nResolver;
import org.codehaus.jackson.map.JsonMappingException;

import javax.ws.rs.core.Response;
import javax.ws.rs.ext.ExceptionMapper;
import javax.ws.rs.ext.Provider;

/** Well-formed JSON of the wrong shape (an array or a string where an object belongs): 400. */
@Provider
public final class JsonMappingExceptionMapper implements ExceptionMapper<JsonMappingException> {
    private final Messages messages;

    public JsonMappingExceptionMapper(I18nResolver i18n) {
        this.messages = new Messages(i18n);
    }

    @Override
    public Response toResponse(JsonMappingException e) {
        return Errors.response(400, ApiError.ILLEGAL_ARGUMENT, messages.get(Messages.BODY_SHAPE));
    }
}
