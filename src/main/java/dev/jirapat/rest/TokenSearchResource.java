package dev.jirapat.rest;

import com.atlassian.plugins.rest.api.security.annotation.UnrestrictedAccess;
import dev.jirapat.token.Actor;
import dev.jirapat.token.Outcome;
import dev.jirapat.token.PolicySource;
import dev.jirapat.token.SortField;
import dev.jirapat.token.TokenPage;
import dev.jirapat.token.TokenSearch;
import dev.jirapat.token.TokenService;
import dev.jirapat.token.TokenStatus;
import dev.jirapat.token.Users;

import javax.inject.Inject;
import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import java.io.InputStream;
import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.Locale;

/**
 * The built-in app's admin search (system administrators; no licence check): {@code POST /tokens/search} and the
 * user picker {@code GET /tokens/search/user}.
 */
@UnrestrictedAccess
@Path("/tokens/search")
@Produces(MediaType.APPLICATION_JSON)
public final class TokenSearchResource {
    static final int MAX_USER_KEYS = 1000;
    static final int DEFAULT_PICKER_LIMIT = 20;
    static final int MAX_PICKER_LIMIT = 1000;
    /** Longest picker text: Jira's usernames, display names and e-mail addresses are at most 255 characters. */
    static final int MAX_CONTAINS = 255;

    private final TokenService tokens;
    private final Users users;
    private final Callers callers;
    private final Input input;
    private final JsonBody json;
    private final Refusals refusals;
    private final TokenBeans beans;
    private final Messages messages;
    private final PolicySource policySource;
    private final Clock clock;

    @Inject
    public TokenSearchResource(TokenService tokens, Users users, Callers callers, Input input, JsonBody json,
                               Refusals refusals, TokenBeans beans, Messages messages, PolicySource policySource,
                               Clock clock) {
        this.tokens = tokens;
        this.users = users;
        this.callers = callers;
        this.input = input;
        this.json = json;
        this.refusals = refusals;
        this.beans = beans;
        this.messages = messages;
        this.policySource = policySource;
        this.clock = clock;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response search(@Context HttpServletRequest request, InputStream body) {
        Actor actor = callers.requireAdmin(request);
        Outcome<TokenPage> page = tokens.search(actor, criteria(new SearchBean(json.object(request, body))));
        if (page.isRejected()) {
            throw refusals.of(page.rejection(), actor);
        }
        return JsonResponse.ok(beans.page(page.value()));
    }

    /**
     * Users for the admin filter, as the built-in app's picker: {@code [{userKey, username, fullName, email}]} of the
     * users whose username, display name or e-mail matches {@code contains} as Jira's own user pickers match
     * ({@code Users.search}); blank text finds nobody, text longer than {@value #MAX_CONTAINS} characters is refused.
     */
    @GET
    @Path("user")
    public Response users(@Context HttpServletRequest request, @QueryParam("contains") String contains,
                          @QueryParam("limit") String limit) {
        callers.requireAdmin(request);
        if (contains != null && contains.codePointCount(0, contains.length()) > MAX_CONTAINS) {
            throw ApiException.badRequest(messages.get(Messages.CONTAINS_TOO_LONG, MAX_CONTAINS), "contains");
        }
        int max = DEFAULT_PICKER_LIMIT;
        if (limit != null) {
            Integer parsed = null;
            if (limit.length() <= 9 && !limit.isEmpty() && limit.chars().allMatch(c -> c >= '0' && c <= '9')) {
                parsed = Integer.valueOf(limit);
            }
            if (parsed == null || parsed < 1 || parsed > MAX_PICKER_LIMIT) {
                throw ApiException.badRequest(messages.get(Messages.LIMIT_INVALID, MAX_PICKER_LIMIT), "limit");
            }
            max = parsed;
        }
        return JsonResponse.ok(beans.users(users.search(contains, max)));
    }

    private TokenSearch criteria(SearchBean body) {
        input.noUnknownFields(body.unknown);
        TokenSearch.Builder search = TokenSearch.builder();
        search.userKeys(new LinkedHashSet<>(input.texts(body.userKeys, "userKeys", MAX_USER_KEYS)));
        search.nameContains(input.text(body.name, "name"));
        input.text(body.tokenNameFilterExpression, "tokenNameFilterExpression"); // accepted, unused (as the built-in app)
        search.created(input.date(body.createdFrom, "tokenCreatedDateFrom"), input.date(body.createdTo, "tokenCreatedDateTo"));
        search.expires(input.date(body.expiryFrom, "tokenExpiryDateFrom"), input.date(body.expiryTo, "tokenExpiryDateTo"));
        search.lastUsed(input.date(body.lastUsedFrom, "lastAuthenticatedDateFrom"),
                input.date(body.lastUsedTo, "lastAuthenticatedDateTo"));
        search.used(input.bool(body.used, "isUsed"));
        String statusText = input.text(body.status, "status");
        if (statusText != null) {
            // Evaluated by the database at this instant, with the same rule as the status each token shows.
            TokenStatus status = Wire.status(statusText).orElseThrow(() -> ApiException.badRequest(
                    messages.get(Messages.STATUS_INVALID, Wire.STATUSES)));
            search.status(status, TokenBeans.now(clock), policySource.policy().expiryWarningDays());
        }

        String sortText = input.text(body.sortBy, "sortBy");
        SortField sort = SortField.NAME;
        if (sortText != null) {
            sort = SortField.parse(sortText).orElseThrow(() -> ApiException.badRequest(messages.get(Messages.SORT_INVALID,
                    "createdAt, expiringAt, lastAccessedAt, name, userKey")));
        }
        String orderText = input.text(body.orderBy, "orderBy");
        boolean ascending = true;
        if (orderText != null) {
            String order = orderText.toLowerCase(Locale.ROOT);
            if (!order.equals("asc") && !order.equals("desc")) {
                throw ApiException.badRequest(messages.get(Messages.ORDER_INVALID));
            }
            ascending = order.equals("asc");
        }
        search.sort(sort, ascending);

        Integer limitValue = input.integer(body.limit, "limit");
        int limit = limitValue == null ? TokenSearch.DEFAULT_LIMIT : limitValue;
        if (limit < 1) {
            throw ApiException.badRequest(messages.get(Messages.LIMIT_INVALID, TokenSearch.MAX_LIMIT));
        }
        limit = Math.min(limit, TokenSearch.MAX_LIMIT); // larger limits are served in pages of MAX_LIMIT
        Integer pageValue = input.integer(body.page, "page");
        int page = pageValue == null ? 0 : pageValue;
        // The store's offset is page * limit, an int: keep it from overflowing.
        if (page < 0 || (long) page * limit > Integer.MAX_VALUE) {
            throw ApiException.badRequest(messages.get(Messages.PAGE_INVALID));
        }
        search.page(page, limit);
        return search.build();
    }
}
