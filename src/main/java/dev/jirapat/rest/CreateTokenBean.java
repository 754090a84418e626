package dev.jirapat.rest;

import org.codehaus.jackson.annotate.JsonAnySetter;
import org.codehaus.jackson.annotate.JsonProperty;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code POST /tokens}: {@code {"name", "expirationDuration"}} as the built-in app, plus {@code "scope"} and
 * {@code "allowedIps"}. Values stay raw ({@link JsonInput}) until {@link Input} checks their types; unknown fields
 * are collected and refused.
 */
public class CreateTokenBean {
    @JsonProperty("name")
    JsonInput name;
    @JsonProperty("expirationDuration")
    JsonInput expirationDuration;
    @JsonProperty("scope")
    JsonInput scope;
    @JsonProperty("allowedIps")
    JsonInput allowedIps;

    final List<String> unknown = new ArrayList<>();

    @JsonAnySetter
    public void unknown(String field, JsonInput value) {
        unknown.add(field);
    }
}
