package dev.jirapat.web;

import dev.jirapat.devhost.DevHostRule;
import org.junit.rules.ExternalResource;

/**
 * One Chromium for a test class, on the dev host of {@code host}: chain it inside that rule
 * ({@code RuleChain.outerRule(HOST).around(BROWSER)}) so the host is up before the browser opens and still up
 * when it closes.
 */
final class BrowserRule extends ExternalResource {
    private final DevHostRule host;
    private Browser browser;

    BrowserRule(DevHostRule host) {
        this.host = host;
    }

    @Override
    protected void before() throws Throwable {
        browser = Browser.open(host.host());
    }

    @Override
    protected void after() {
        if (browser != null) {
            browser.close();
        }
    }

    Browser browser() {
        return browser;
    }
}
