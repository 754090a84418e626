/**
 * The REST API at {@code /rest/pat/latest} (alias {@code /rest/pat/1.0}): wire-compatible with Jira Data Center's
 * built-in PAT API, plus this app's extensions (see the README's "API").
 *
 * <p>Resources are thin: they find the caller ({@link dev.jirapat.rest.Callers}), read the body strictly
 * ({@link dev.jirapat.rest.JsonBody}, then {@link dev.jirapat.rest.Input}), call
 * {@link dev.jirapat.token.TokenService} and turn its value into beans ({@link dev.jirapat.rest.TokenBeans}) or its
 * {@link dev.jirapat.token.Rejection} into an {@link dev.jirapat.rest.ApiException}
 * ({@link dev.jirapat.rest.Refusals}). Those collaborators are Spring beans of the plugin's
 * {@code plugin-context.xml}, one per type: the host's REST module creates the resources and mappers and hands them
 * in through their constructors.
 *
 * <p>Every 4xx/5xx with a body has one shape, {@code {"exception": ..., "error": ...}}, written by the exception
 * mappers in this package; the one deliberate exception is the native 404 with an empty body for a token id the
 * caller cannot see.
 *
 * <p>Request bodies are read by this package, never bound by the host's JSON provider: a resource takes its body
 * as an {@link java.io.InputStream} (which no Jackson provider claims), and {@link dev.jirapat.rest.JsonBody}
 * reads it as bounded, strict UTF-8 and strict JSON ({@link dev.jirapat.rest.JsonText}) into
 * {@link dev.jirapat.rest.JsonInput} values, so the same rules hold under Jackson 1 and Jackson 2. Responses are
 * written by this package too: each bean writes itself ({@link dev.jirapat.rest.JsonWritable},
 * {@link dev.jirapat.rest.JsonWriter}) and every resource and mapper answers with the UTF-8 bytes as a
 * {@code byte[]} entity ({@link dev.jirapat.rest.JsonResponse}), which every JAX-RS runtime writes itself and no
 * host JSON provider touches: the same bytes on every Jira line, as codehaus Jackson 1 wrote them under Atlassian
 * REST v1 (null fields omitted).
 */
package dev.jirapat.rest;
