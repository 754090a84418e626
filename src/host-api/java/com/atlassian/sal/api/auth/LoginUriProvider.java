// Host API declaration (never shipped): follows docs/host-api.md, entry "LoginUriProvider".
// Only getLoginUri(URI).
package com.atlassian.sal.api.auth;

import java.net.URI;

public interface LoginUriProvider {
    URI getLoginUri(URI returnUri);
}
