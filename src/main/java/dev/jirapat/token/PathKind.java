package dev.jirapat.token;

/**
 * Where a request goes, as the servlet container routes it. A read token is confined to the REST API, so the
 * adapter that classifies a request must decide on the routed path, and call a path the container and the
 * components after it might read differently (dot-segments, encoded slashes, path parameters) ambiguous.
 */
public enum PathKind {
    /** Jira's REST API ({@code /rest/...}), and nothing else could be meant. */
    REST_API,
    /** Anywhere else in Jira: web actions, servlets, pages. */
    OTHER,
    /** A path whose raw form could be routed or read in more than one way. */
    AMBIGUOUS
}
