package dev.jirapat.token;

import java.util.Objects;

/** What a token check needs to know about the request that presents the token. */
public final class RequestFacts {
    private final String method;
    private final String clientAddress;
    private final PathKind path;

    public RequestFacts(String method, String clientAddress, PathKind path) {
        this.method = Objects.requireNonNull(method);
        this.clientAddress = Objects.requireNonNull(clientAddress);
        this.path = Objects.requireNonNull(path);
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

    @Override
    public String toString() {
        return "RequestFacts[" + method + " " + path + " from " + clientAddress + "]";
    }
}
