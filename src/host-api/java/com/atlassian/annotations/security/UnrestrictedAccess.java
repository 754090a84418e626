// Host API declaration (never shipped): follows docs/host-api.md, entry "UnrestrictedAccess".
// Jira 10 only; imported with resolution:=optional, so on Jira 8/9 the annotation is absent and silently skipped.
package com.atlassian.annotations.security;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD, ElementType.PACKAGE})
public @interface UnrestrictedAccess {
}
