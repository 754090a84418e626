package dev.jirapat.token;

/**
 * Where a token-authenticated request carries its token from the Bearer adapter to the others (the REST API's
 * {@code /tokens/current} and its rule that a token cannot mint one that can do more): a request attribute
 * holding the {@link AccessToken}. One name, shared here, so no adapter has to import another.
 */
public final class RequestToken {
    /** The request attribute holding the {@link AccessToken} that authenticated the request. */
    public static final String ATTRIBUTE = "dev.jirapat.token";

    private RequestToken() {
    }

    /** The token in an attribute value as read from a request, or null when there is none. */
    public static AccessToken from(Object attributeValue) {
        return attributeValue instanceof AccessToken ? (AccessToken) attributeValue : null;
    }
}
