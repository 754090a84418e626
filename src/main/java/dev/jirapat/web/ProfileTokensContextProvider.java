package dev.jirapat.web;

import com.atlassian.plugin.web.ContextProvider;
import com.atlassian.webresource.api.assembler.PageBuilderService;
import dev.jirapat.token.PolicySource;
import dev.jirapat.token.TokenPolicy;
import dev.jirapat.token.UserAccount;
import dev.jirapat.token.Users;

import java.security.Principal;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Feeds the profile panel's skeleton: who may see what ({@link ProfilePanelMode}), the policy for the create form
 * and whose tokens to load. The tokens themselves are rendered by the panel's script from the REST API, so each
 * token rule (status, "Never", dates, scope labels) has one place: the server decides, {@code pat-common.js}
 * renders.
 *
 * <p>The host puts its user objects in the context as {@code currentUser} and {@code profileUser}; Jira's user type
 * is a {@link Principal} whose name is the username, so the panel reads them as such and asks {@link Users} for the
 * account, never touching a Jira type.
 */
public final class ProfileTokensContextProvider implements ContextProvider {
    static final String RESOURCES = "dev.jirapat.jira-pat:profile-resources";

    private final Users users;
    private final PolicySource settings;
    private final PageBuilderService pageBuilder;

    public ProfileTokensContextProvider(Users users, PolicySource settings, PageBuilderService pageBuilder) {
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
        Optional<UserAccount> current = account(context.get("currentUser"));
        Optional<UserAccount> profile = account(context.get("profileUser"));
        ProfilePanelMode mode = ProfilePanelMode.NONE;
        if (current.isPresent() && profile.isPresent()) {
            if (current.get().key().equals(profile.get().key())) {
                mode = ProfilePanelMode.OWN;
            } else if (users.isSystemAdmin(current.get().key())) {
                mode = ProfilePanelMode.ADMIN;
            }
        }
        out.put("mode", mode);
        if (mode != ProfilePanelMode.NONE) {
            pageBuilder.assembler().resources().requireWebResource(RESOURCES);
            TokenPolicy policy = settings.policy();
            out.put("nameMaxLength", policy.nameMaxLength());
            out.put("maxExpiryDays", policy.maxExpiryDays());
            out.put("eternalAllowed", policy.eternalAllowed());
            out.put("profileUserKeyHtml", Html.escape(profile.get().key()));
        }
        return out;
    }

    private Optional<UserAccount> account(Object user) {
        String name = user instanceof Principal ? ((Principal) user).getName() : null;
        return name == null ? Optional.<UserAccount>empty() : users.byName(name);
    }
}
