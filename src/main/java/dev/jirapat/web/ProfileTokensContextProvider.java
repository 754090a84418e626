package dev.jirapat.web;

import com.atlassian.jira.user.ApplicationUser;
import com.atlassian.plugin.web.ContextProvider;
import com.atlassian.webresource.api.assembler.PageBuilderService;
import dev.jirapat.token.AccessToken;
import dev.jirapat.token.Actor;
import dev.jirapat.token.TokenPolicy;
import dev.jirapat.token.TokenService;
import dev.jirapat.token.PolicySource;
import dev.jirapat.token.Users;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Feeds the profile panel: on your own profile, your tokens and the policy for the create dialog; on another
 * user's profile, their tokens for a system administrator and nothing for anyone else.
 */
public final class ProfileTokensContextProvider implements ContextProvider {
    static final String RESOURCES = "dev.jirapat.jira-pat:profile-resources";

    private final TokenService tokens;
    private final Users users;
    private final PolicySource settings;
    private final PageBuilderService pageBuilder;

    public ProfileTokensContextProvider(TokenService tokens, Users users, PolicySource settings, PageBuilderService pageBuilder) {
        this.tokens = tokens;
        this.users = users;
        this.settings = settings;
        this.pageBuilder = pageBuilder;
    }

    @Override
    public void init(Map<String, String> params) {
    }

    @Override
    public Map<String, Object> getContextMap(Map<String, Object> context) {
        Map<String, Object> out = new HashMap<>();
        Object current = context.get("currentUser");
        Object profile = context.get("profileUser");
        if (!(current instanceof ApplicationUser) || !(profile instanceof ApplicationUser)) {
            out.put("mode", "none");
            return out;
        }
        String currentKey = ((ApplicationUser) current).getKey();
        String profileKey = ((ApplicationUser) profile).getKey();
        Actor actor = Actor.user(currentKey);
        String mode;
        List<AccessToken> list;
        if (currentKey.equals(profileKey)) {
            mode = "own";
            list = tokens.list(actor);
        } else if (users.isSystemAdmin(currentKey)) {
            mode = "admin";
            list = tokens.listOf(actor, profileKey);
        } else {
            mode = "none";
            list = Collections.emptyList();
        }
        out.put("mode", mode);
        if (!"none".equals(mode)) {
            pageBuilder.assembler().resources().requireWebResource(RESOURCES);
            List<TokenView> views = new ArrayList<>();
            for (AccessToken token : list) {
                views.add(new TokenView(token, tokens.status(token)));
            }
            TokenPolicy policy = settings.policy();
            out.put("tokens", views);
            out.put("nameMaxLength", policy.nameMaxLength());
            out.put("maxExpiryDays", policy.maxExpiryDays());
            out.put("eternalAllowed", policy.eternalAllowed());
            out.put("profileUsernameHtml", Html.escape(((ApplicationUser) profile).getUsername()));
        }
        return out;
    }
}
