// Host API declaration (never shipped): reference/host-api-facts.md §4.6 (AuthenticationListener; we call it, never implement it).
package com.atlassian.sal.api.auth;

import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

public interface AuthenticationListener {
    void authenticationSuccess(Authenticator.Result result, HttpServletRequest request, HttpServletResponse response);
}
