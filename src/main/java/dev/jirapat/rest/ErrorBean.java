package dev.jirapat.rest;

import org.codehaus.jackson.annotate.JsonProperty;
import org.codehaus.jackson.annotate.JsonPropertyOrder;

import java.util.Collections;
import java.util.Map;

/**
 * The one error body: {@code {"exception": "<type>", "error": "<localised message>"}}, plus, when the refusal is
 * about one request field, {@code "errors": {"<field>": "<the same message>"}} (an extension, keyed by the field's
 * wire name, so a page can mark the field; absent otherwise).
 */
@JsonPropertyOrder({"exception", "error", "errors"})
public final class ErrorBean {
    @JsonProperty("exception")
    private final String exception;
    @JsonProperty("error")
    private final String error;
    @JsonProperty("errors")
    private final Map<String, String> errors;

    ErrorBean(String exception, String error, String field) {
        this.exception = exception;
        this.error = error;
        this.errors = field == null ? null : Collections.singletonMap(field, error);
    }
}
