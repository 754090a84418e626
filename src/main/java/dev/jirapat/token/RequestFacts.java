package dev.jirapat.token;

import java.util.Objects;
import java.util.Optional;

/** What a token check needs to know about the request that presents the token. */
public final class RequestFacts {
    private final String method;
    private final String clientAddress;
    private final PathKind path;
    private final String basicUsername;

    /** A request that presents its token as a Bearer token. */
    public RequestFacts(String method, String clientAddress, PathKind path) {
        this(method, clientAddress, path, null);
    }

    /**
     * @param basicUsername the username sent with the token in Basic credentials, which must be the owner's; null
     *                      when the token came as a Bearer token
     */
    public RequestFacts(String method, String clientAddress, PathKind path, String basicUsername) {
        this.method = Objects.requireNonNull(method);
        this.clientAddress = Objects.requireNonNull(clientAddress);
        this.path = Objects.requireNonNull(path);
        this.basicUsername = basicUsername;
    }

    /** A request to the REST API: what most callers of the check mean. */
    public static RequestFacts restApi(String method, String clientAddress) {
        return new RequestFacts(method, clientAddress, PathKind.REST_API);
    }

    public String method() {
        return method;
    }

    public String clientAddress() {
        return clientAddress;
    }

    public PathKind path() {
        return path;
    }

    public Optional<String> basicUsername() {
        return Optional.ofNullable(basicUsername);
    }

    /** Without the Basic username: it is text the client chose. */
    @Override
    public String toString() {
        return "RequestFacts[" + method + " " + path + " from " + clientAddress
                + (basicUsername == null ? "" : " with a Basic username") + "]";
    }
}
