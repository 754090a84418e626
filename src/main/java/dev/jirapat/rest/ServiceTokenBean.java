package dev.jirapat.rest;

import org.codehaus.jackson.annotate.JsonProperty;

/** {@code POST /admin/tokens}: a {@link CreateTokenBean} plus the {@code "username"} of the token's owner. */
public final class ServiceTokenBean extends CreateTokenBean {
    @JsonProperty("username")
    JsonInput username;
}
