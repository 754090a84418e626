package dev.jirapat.jira;

import com.atlassian.jira.security.JiraAuthenticationContext;
import com.atlassian.jira.user.ApplicationUser;
import dev.jirapat.token.CurrentUser;
import dev.jirapat.token.UserAccount;

import java.util.Optional;

/** {@link CurrentUser} from Jira's authentication context. */
public final class JiraCurrentUser implements CurrentUser {
    private final JiraAuthenticationContext authentication;

    public JiraCurrentUser(JiraAuthenticationContext authentication) {
        this.authentication = authentication;
    }

    @Override
    public Optional<UserAccount> get() {
        ApplicationUser user = authentication.getLoggedInUser();
        return user == null ? Optional.<UserAccount>empty() : Optional.of(JiraUsers.toAccount(user));
    }
}
