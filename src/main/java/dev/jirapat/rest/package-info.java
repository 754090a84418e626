/**
 * The REST API at {@code /rest/pat/latest} (alias {@code /rest/pat/1.0}): wire-compatible with Jira Data Center's
 * built-in PAT API (reference/anchors-pat.md §1) plus the extensions of DESIGN §5.
 *
 * <p>Resources are thin: they find the caller ({@link dev.jirapat.rest.Callers}), read the body strictly
 * ({@link dev.jirapat.rest.Input}), call {@link dev.jirapat.token.TokenService} and turn its value or
 * {@link dev.jirapat.token.Rejection} into a bean or an {@link dev.jirapat.rest.ApiError}. Every 4xx/5xx with a
 * body has one shape, {@code {"exception": ..., "error": ...}}, written by the exception mappers in this package;
 * the one deliberate exception is the native 404 with an empty body for a token id the caller cannot see.
 *
 * <p>JSON is codehaus Jackson 1 as Atlassian REST configures it: no auto-detection, null fields omitted. Every
 * bean property is therefore annotated, and request values arrive as {@link dev.jirapat.rest.JsonInput} so that
 * types are checked here (Jackson 1 would turn {@code "30"} or {@code 1.5} into an int).
 */
package dev.jirapat.rest;
