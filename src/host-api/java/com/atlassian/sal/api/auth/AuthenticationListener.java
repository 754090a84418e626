// Host API declaration (never shipped): follows docs/host-api.md, entry "AuthenticationListener".
// We call it, never implement it.
package com.atlassian.sal.api.auth;

import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

public interface AuthenticationListener {
    void authenticationSuccess(Authenticator.Result result, HttpServletRequest request, HttpServletResponse response);
}
