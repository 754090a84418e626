package dev.jirapat.rest;

import java.util.Collections;

/** {@code POST /admin/tokens}: a {@link CreateTokenBean} plus the {@code "username"} of the token's owner. */
final class ServiceTokenBean extends CreateTokenBean {
    final JsonInput username;

    ServiceTokenBean(JsonInput body) {
        super(body, Collections.singletonList("username"));
        this.username = body.member("username");
    }
}
