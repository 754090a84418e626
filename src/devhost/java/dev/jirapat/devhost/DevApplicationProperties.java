package dev.jirapat.devhost;

import com.atlassian.sal.api.ApplicationProperties;
import com.atlassian.sal.api.UrlMode;

/** SAL's ApplicationProperties: the host's base URL (known once Tomcat has its port), without a trailing slash. */
final class DevApplicationProperties implements ApplicationProperties {
    private volatile String baseUrl = "http://localhost:2990/jira";

    void setBaseUrl(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    @Override
    public String getBaseUrl(UrlMode urlMode) {
        return urlMode == UrlMode.RELATIVE || urlMode == UrlMode.RELATIVE_CANONICAL
                ? baseUrl.replaceFirst("^[a-z]+://[^/]+", "") : baseUrl;
    }
}
