// Host API declaration (never shipped): follows docs/host-api.md, entry "Authenticator.Result and
// Authenticator.Result.Success". Nested types keep their binary names Authenticator$Result and
// Authenticator$Result$Success.
package com.atlassian.sal.api.auth;

import com.atlassian.sal.api.message.Message;

import java.security.Principal;

public interface Authenticator {
    /**
     * The real constructor is package-private with other parameters; the plugin never calls it, so its shape here
     * does not reach our bytecode. {@link #getPrincipal()} is declared for the dev host's listener.
     */
    public static class Result {
        private final Principal principal;

        Result(Principal principal) {
            this.principal = principal;
        }

        public Principal getPrincipal() {
            return principal;
        }

        public static final class Success extends Result {
            public Success(Message message, Principal principal) {
                super(principal);
            }
        }
    }
}
