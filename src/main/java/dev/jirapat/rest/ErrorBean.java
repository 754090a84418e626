package dev.jirapat.rest;

import org.codehaus.jackson.annotate.JsonProperty;
import org.codehaus.jackson.annotate.JsonPropertyOrder;

/** The one error body: {@code {"exception": "<type>", "error": "<localised message>"}}. */
@JsonPropertyOrder({"exception", "error"})
public final class ErrorBean {
    @JsonProperty("exception")
    private final String exception;
    @JsonProperty("error")
    private final String error;

    ErrorBean(String exception, String error) {
        this.exception = exception;
        this.error = error;
    }
}
