package dev.jirapat.rest;

import com.atlassian.plugins.rest.api.security.annotation.UnrestrictedAccess;
import dev.jirapat.token.AccessToken;
import dev.jirapat.token.Actor;
import dev.jirapat.token.IssuedToken;
import dev.jirapat.token.Outcome;
import dev.jirapat.token.Rejection;
import dev.jirapat.token.TokenService;

import javax.inject.Inject;
import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.Consumes;
import javax.ws.rs.DELETE;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import java.io.InputStream;
import java.util.Optional;

/**
 * A user's own tokens: the built-in app's {@code /tokens} endpoints, plus {@code /tokens/{id}/rotate} and
 * {@code /tokens/current}. Every endpoint needs a logged-in user. Another user's token looks exactly like an
 * unknown id to a non-admin (404), except that {@code DELETE} of an unknown id is an idempotent 204.
 */
@UnrestrictedAccess
@Path("/tokens")
@Produces(MediaType.APPLICATION_JSON)
public final class TokensResource {
    private final TokenService tokens;
    private final Callers callers;
    private final Input input;
    private final JsonBody json;
    private final Refusals refusals;
    private final TokenBeans beans;
    private final Messages messages;

    @Inject
    public TokensResource(TokenService tokens, Callers callers, Input input, JsonBody json, Refusals refusals,
                          TokenBeans beans, Messages messages) {
        this.tokens = tokens;
        this.callers = callers;
        this.input = input;
        this.json = json;
        this.refusals = refusals;
        this.beans = beans;
        this.messages = messages;
    }

    @GET
    public Response list(@Context HttpServletRequest request) {
        Actor actor = callers.require(request);
        return JsonResponse.ok(beans.tokens(tokens.list(actor)));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(@Context HttpServletRequest request, InputStream body) {
        Actor actor = callers.require(request);
        CreateTokenBean create = new CreateTokenBean(json.object(request, body));
        Outcome<IssuedToken> issued = tokens.create(actor, input.tokenRequest(create));
        if (issued.isRejected()) {
            throw refusals.of(issued.rejection(), actor);
        }
        return JsonResponse.created(beans.created(issued.value()));
    }

    /** The token that authenticated this request (an extension); 404 when the request did not use a token. */
    @GET
    @Path("current")
    public Response current(@Context HttpServletRequest request) {
        Actor actor = callers.require(request);
        Optional<AccessToken> token = actor.viaToken().flatMap(t -> tokens.get(actor, t.id()));
        if (!token.isPresent()) {
            throw new ApiException(404, ApiException.WEB_APPLICATION, messages.get(Messages.NOT_TOKEN_AUTHENTICATED));
        }
        return JsonResponse.ok(beans.token(token.get()));
    }

    @GET
    @Path("{id}")
    public Response get(@Context HttpServletRequest request, @PathParam("id") String id) {
        Actor actor = callers.require(request);
        Optional<AccessToken> token = tokens.get(actor, Ids.parse(id, messages));
        // The built-in app's answer for an id the caller cannot see: 404 with an empty body.
        return token.isPresent() ? JsonResponse.ok(beans.token(token.get()))
                : JsonResponse.emptyNotFound();
    }

    @DELETE
    @Path("{id}")
    public Response revoke(@Context HttpServletRequest request, @PathParam("id") String id) {
        Actor actor = callers.require(request);
        Outcome<Optional<AccessToken>> revoked = tokens.revokeIfExists(actor, Ids.parse(id, messages));
        if (revoked.isRejected()) {
            return JsonResponse.emptyNotFound();
        }
        return Response.noContent().build();
    }

    /**
     * A new secret for the caller's own token (an extension): same name, scope, allowlist and lifetime; the old
     * secret stops working when this returns. 404 with an empty body for an id that is not the caller's.
     */
    @POST
    @Path("{id}/rotate")
    public Response rotate(@Context HttpServletRequest request, @PathParam("id") String id) {
        Actor actor = callers.require(request);
        Outcome<IssuedToken> rotated = tokens.rotate(actor, Ids.parse(id, messages));
        if (rotated.isRejected()) {
            if (rotated.rejection() == Rejection.NOT_FOUND) {
                return JsonResponse.emptyNotFound();
            }
            throw refusals.of(rotated.rejection(), actor);
        }
        return JsonResponse.created(beans.created(rotated.value()));
    }
}
