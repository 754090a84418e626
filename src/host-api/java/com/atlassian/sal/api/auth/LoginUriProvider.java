// Host API declaration (never shipped): reference/host-api-facts.md §4.6 (LoginUriProvider; only getLoginUri(URI)).
package com.atlassian.sal.api.auth;

import java.net.URI;

public interface LoginUriProvider {
    URI getLoginUri(URI returnUri);
}
