package dev.jirapat.rest;

import com.atlassian.plugins.rest.api.security.annotation.UnrestrictedAccess;
import dev.jirapat.token.AccessToken;
import dev.jirapat.token.Actor;
import dev.jirapat.token.IssuedToken;
import dev.jirapat.token.Outcome;
import dev.jirapat.token.PolicySource;
import dev.jirapat.token.NoticeDays;
import dev.jirapat.token.TokenPolicy;
import dev.jirapat.token.TokenService;
import dev.jirapat.token.UserAccount;
import dev.jirapat.token.Users;

import javax.inject.Inject;
import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.Consumes;
import javax.ws.rs.DELETE;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * System administrators only: the built-in app's bulk revoke ({@code DELETE /admin/tokens}, no licence check),
 * tokens for service accounts ({@code POST /admin/tokens}) and the token policy ({@code /admin/settings}).
 */
@UnrestrictedAccess
@Path("/admin")
@Produces(MediaType.APPLICATION_JSON)
public final class AdminResource {
    /** Ids per bulk revoke; the whole list is one transaction. */
    static final int MAX_IDS = 1000;

    private final TokenService tokens;
    private final Users users;
    private final PolicySource policySource;
    private final Callers callers;
    private final Input input;
    private final JsonBody json;
    private final Refusals refusals;
    private final TokenBeans beans;
    private final Messages messages;

    @Inject
    public AdminResource(TokenService tokens, Users users, PolicySource policySource,
                         Callers callers, Input input, JsonBody json, Refusals refusals, TokenBeans beans,
                         Messages messages) {
        this.tokens = tokens;
        this.users = users;
        this.policySource = policySource;
        this.callers = callers;
        this.input = input;
        this.json = json;
        this.refusals = refusals;
        this.beans = beans;
        this.messages = messages;
    }

    /** Revokes every listed id ({@code [1, 2, 3]}); unknown ids are skipped. 204, as the built-in app. */
    @DELETE
    @Path("tokens")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response revokeAll(@Context HttpServletRequest request, InputStream body) {
        Actor actor = callers.requireAdmin(request);
        Outcome<List<AccessToken>> revoked = tokens.revokeAll(actor, ids(json.value(request, body)));
        if (revoked.isRejected()) {
            throw refusals.of(revoked.rejection(), actor);
        }
        return Response.noContent().build();
    }

    /** A token for another user, e.g. a service account: 201 with {@code rawToken}; {@code createdBy} is the admin. */
    @POST
    @Path("tokens")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response createFor(@Context HttpServletRequest request, InputStream body) {
        Actor actor = callers.requireAdmin(request);
        ServiceTokenBean create = new ServiceTokenBean(json.object(request, body));
        input.noUnknownFields(create.unknown);
        String username = input.text(create.username, "username");
        if (username == null || username.trim().isEmpty()) {
            throw ApiException.badRequest(messages.get(Messages.USERNAME_MISSING), "username");
        }
        Optional<UserAccount> owner = users.byName(username);
        if (!owner.isPresent()) {
            throw refusals.unknownOwner(username);
        }
        Outcome<IssuedToken> issued = tokens.createFor(actor, owner.get().key(), input.tokenRequest(create));
        if (issued.isRejected()) {
            throw refusals.of(issued.rejection(), actor, owner.get());
        }
        return JsonResponse.created(beans.created(issued.value()));
    }

    @GET
    @Path("settings")
    public Response settings(@Context HttpServletRequest request) {
        callers.requireAdmin(request);
        return JsonResponse.ok(new PolicyBean(policySource.policy()));
    }

    /**
     * Changes the listed settings and answers with the policy now in force. All or nothing: one bad key or value
     * is a 400 and nothing is saved. {@code null} puts a setting back to its default. Applies from the next request.
     * Only the listed settings are written, so concurrent saves of different settings keep each other's changes.
     */
    @PUT
    @Path("settings")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response update(@Context HttpServletRequest request, InputStream body) {
        Actor actor = callers.requireAdmin(request);
        PolicyChangeBean changes = new PolicyChangeBean(json.object(request, body));
        Map<String, String> set = new LinkedHashMap<>();
        Set<String> reset = new LinkedHashSet<>();
        for (Map.Entry<String, JsonInput> change : changes.changes.entrySet()) {
            TokenPolicy.Setting setting = setting(change.getKey());
            if (change.getValue() == null) {
                reset.add(setting.key());
            } else {
                set.put(setting.key(), value(setting, change.getValue()));
            }
        }
        return JsonResponse.ok(new PolicyBean(applySettings(actor, set, reset)));
    }

    /**
     * Stores validated changes ({@code set}: key to canonical value; {@code reset}: back to the default) through the
     * use case, which publishes the change, and returns the policy now in force.
     */
    private TokenPolicy applySettings(Actor actor, Map<String, String> set, Set<String> reset) {
        Outcome<TokenPolicy> changed = tokens.changeSettings(actor, set, reset);
        if (changed.isRejected()) {
            throw refusals.of(changed.rejection(), actor);
        }
        return changed.value();
    }

    private Set<Long> ids(JsonInput body) {
        if (body.kind() != JsonInput.Kind.ARRAY) {
            throw ApiException.badRequest(messages.get(Messages.IDS_INVALID));
        }
        if (body.truncated() || body.elements().size() > MAX_IDS) {
            throw ApiException.badRequest(messages.get(Messages.IDS_TOO_MANY, MAX_IDS));
        }
        Set<Long> ids = new LinkedHashSet<>();
        for (JsonInput element : body.elements()) {
            Long id = Input.integral(element);
            if (id == null) {
                throw ApiException.badRequest(messages.get(Messages.IDS_INVALID));
            }
            ids.add(id);
        }
        return ids;
    }

    private TokenPolicy.Setting setting(String key) {
        for (TokenPolicy.Setting setting : TokenPolicy.Setting.values()) {
            if (setting.key().equals(key)) {
                return setting;
            }
        }
        throw ApiException.badRequest(messages.get(Messages.SETTING_UNKNOWN, Messages.quote(key)));
    }

    /** The canonical text of a value of the setting's JSON type (boolean or integer), validated by the policy. */
    private String value(TokenPolicy.Setting setting, JsonInput value) {
        if (setting.isDayList()) {
            return days(setting, value);
        }
        JsonInput.Kind expected = setting.isBoolean() ? JsonInput.Kind.BOOLEAN : JsonInput.Kind.INTEGER;
        String canonical = value.kind() == expected ? setting.normalise(value.text()) : null;
        if (canonical == null) {
            // The settings page's label for the setting; the errors map names its key for clients.
            String label = messages.get(Messages.SETTING_LABEL + setting.key());
            throw ApiException.badRequest(setting.isBoolean() ? messages.get(Messages.SETTING_BOOLEAN, label)
                    : messages.get(Messages.SETTING_NUMBER, label, setting.min(), setting.max()), setting.key());
        }
        return canonical;
    }

    /**
     * A list of days: a JSON array of whole numbers ({@code [30, 7, 1]}, as GET answers), the same as text
     * ({@code "30,7,1"}, as the admin page's field sends it) or one number; validated by the policy.
     */
    private String days(TokenPolicy.Setting setting, JsonInput value) {
        String text = null;
        if (value.kind() == JsonInput.Kind.STRING) {
            text = value.text();
        } else if (value.kind() == JsonInput.Kind.INTEGER) {
            text = value.text(); // one day, as a number
        } else if (value.kind() == JsonInput.Kind.ARRAY && !value.truncated()) {
            StringBuilder joined = new StringBuilder();
            for (JsonInput element : value.elements()) {
                Long day = Input.integral(element);
                if (day == null) {
                    joined = null;
                    break;
                }
                joined.append(joined.length() == 0 ? "" : ",").append(day);
            }
            text = joined == null ? null : joined.toString();
        }
        String canonical = text == null ? null : setting.normalise(text);
        if (canonical == null) {
            throw ApiException.badRequest(messages.get(Messages.SETTING_DAYS,
                    messages.get(Messages.SETTING_LABEL + setting.key()), NoticeDays.MIN_DAY, NoticeDays.MAX_DAY),
                    setting.key());
        }
        return canonical;
    }
}
