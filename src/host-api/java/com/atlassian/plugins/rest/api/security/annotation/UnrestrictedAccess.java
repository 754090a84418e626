// Host API declaration (never shipped): follows docs/host-api.md, entry "REST v2 UnrestrictedAccess".
// REST v2 (Jira 10 and 11) only; the jira9 jar imports it with resolution:=optional, so on Jira 8/9 it is absent.
package com.atlassian.plugins.rest.api.security.annotation;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface UnrestrictedAccess {
}
