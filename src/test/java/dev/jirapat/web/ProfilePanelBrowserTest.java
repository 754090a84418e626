package dev.jirapat.web;

import dev.jirapat.devhost.DevHost;
import dev.jirapat.devhost.HttpCall;
import dev.jirapat.token.AccessToken;
import dev.jirapat.token.TokenStore;
import org.junit.After;
import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.stream.Collectors;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

/** The profile panel in headless Chromium against the dev host: what a Jira user does with tokens. */
public class ProfilePanelBrowserTest {
    private static final String ALICE_KEY = "JIRAUSER10100";
    private static DevHost host;
    private static Browser browser;

    /** One host and one Chromium for the class: each test starts with its own login (cookies cleared). */
    @BeforeClass
    public static void start() throws Exception {
        System.setProperty("dev.jirapat.lastused.flush.seconds", "1");
        host = DevHost.start(DevHost.Config.forTest());
        browser = Browser.open(host);
    }

    @AfterClass
    public static void stop() {
        if (browser != null) {
            browser.close();
        }
        if (host != null) {
            host.close();
        }
        System.clearProperty("dev.jirapat.lastused.flush.seconds");
    }

    @After
    public void cleanUp() {
        putSettings("{\"eternalTokensAllowed\": true, \"maxTokensPerUser\": 10}");
        RestFixtures.revokeAll(host, "alice");
        RestFixtures.revokeAll(host, "bob");
    }

    @Test
    public void tokenLifecycleWhenDrivenFromTheProfileThenEachStepWorksOverHttp() throws Exception {
        browser.login("alice");
        browser.go("/secure/ViewProfile.jspa");
        browser.waitFor(By.id("pat-empty"));
        browser.screenshot("panel-empty");

        String token = createToken("deploy-bot", "30");
        assertEquals("alice", whoAmI(token));

        // The list shows it, and once the last use is flushed, when and from where.
        browser.waitFor(By.cssSelector("tr.pat-token"));
        assertEquals("deploy-bot", text("tr.pat-token .pat-name"));
        assertEquals("Active", text("tr.pat-token .pat-status"));
        assertFalse(pageSource().contains(token));
        long deadline = System.currentTimeMillis() + 15_000;
        while (text("tr.pat-token .pat-lastused").equals("Never used") && System.currentTimeMillis() < deadline) {
            Thread.sleep(500);
            browser.driver.navigate().refresh();
            browser.waitFor(By.cssSelector("tr.pat-token"));
        }
        assertTrue(text("tr.pat-token .pat-lastused"), text("tr.pat-token .pat-lastused").contains("127.0.0.1"));
        browser.screenshot("panel-full");

        // Rotate: the old token stops working, the new one works.
        browser.driver.findElement(By.cssSelector("tr.pat-token .pat-rotate")).click();
        String rotated = readShownToken();
        assertNotEquals(token, rotated);
        closeTokenDialog();
        assertEquals(401, bearer(token).status);
        assertEquals("alice", whoAmI(rotated));

        // Revoke (with confirmation): fails on the next request and leaves the list.
        browser.waitFor(By.cssSelector("tr.pat-token .pat-revoke")).click();
        browser.waitFor(By.id("pat-confirm-ok")).click();
        browser.waitFor(By.id("pat-empty"));
        assertEquals(401, bearer(rotated).status);
    }

    @Test
    public void listWhenATokenHasExpiredThenItOffersRevokeButNoRotate() throws Exception {
        RestFixtures.createToken(host, "alice", "still-active");
        RestFixtures.createToken(host, "alice", "long-gone");
        expire("long-gone");
        browser.login("alice");
        browser.go("/secure/ViewProfile.jspa");
        browser.waitFor(By.cssSelector("tr.pat-token"));

        WebElement expired = row("long-gone");
        assertEquals("Expired", expired.findElement(By.cssSelector(".pat-status")).getAttribute("textContent").trim());
        assertTrue("no Rotate on an expired token", expired.findElements(By.cssSelector(".pat-rotate")).isEmpty());
        assertEquals(1, expired.findElements(By.cssSelector(".pat-revoke")).size());
        WebElement active = row("still-active");
        assertEquals("the active token keeps its Rotate", 1, active.findElements(By.cssSelector(".pat-rotate")).size());
        browser.screenshot("panel-expired");
    }

    @Test
    public void createWhenNameIsMarkupThenItRendersAsTextAndNoScriptRuns() throws Exception {
        browser.login("alice");
        browser.go("/secure/ViewProfile.jspa");
        String hostile = "<img src=x onerror=alert(1)>";
        createToken(hostile, "30");
        browser.waitFor(By.cssSelector("tr.pat-token"));
        assertEquals(hostile, text("tr.pat-token .pat-name"));
        assertTrue(browser.driver.findElements(By.cssSelector("#pat-panel img")).isEmpty());
        try {
            browser.driver.switchTo().alert();
            fail("a script from the token name ran");
        } catch (NoAlertPresentException expected) {
            // nothing ran
        }
        // The revoke confirmation shows the name as text too.
        browser.driver.findElement(By.cssSelector("tr.pat-token .pat-revoke")).click();
        browser.waitFor(By.id("pat-confirm-name"));
        assertEquals(hostile, text("#pat-confirm-name"));
        assertTrue(browser.driver.findElements(By.cssSelector("#pat-confirm-dialog img")).isEmpty());
    }

    @Test
    public void createDialogWhenEternalTokensDisabledThenNeverIsNotOffered() throws Exception {
        putSettings("{\"eternalTokensAllowed\": false}");
        browser.login("alice");
        browser.go("/secure/ViewProfile.jspa");
        browser.waitFor(By.id("pat-create")).click();
        browser.waitFor(By.id("pat-name"));
        List<String> options = new Select(browser.driver.findElement(By.id("pat-expiry"))).getOptions().stream()
                .map(o -> o.getAttribute("value")).collect(Collectors.toList());
        assertFalse(options.toString(), options.contains("never"));
        assertTrue(options.toString(), options.contains("30") && options.contains("custom"));
        assertEquals("30 days", new Select(browser.driver.findElement(By.id("pat-expiry"))).getFirstSelectedOption().getText());
        browser.screenshot("create-dialog");
    }

    @Test
    public void createWhenAtTheLimitThenTheServerErrorShowsInline() throws Exception {
        putSettings("{\"maxTokensPerUser\": 1}");
        browser.login("alice");
        browser.go("/secure/ViewProfile.jspa");
        createToken("only-one", "30");
        browser.waitFor(By.id("pat-create")).click();
        browser.waitFor(By.id("pat-name")).sendKeys("one-too-many");
        browser.driver.findElement(By.id("pat-create-submit")).click();
        WebElement error = browser.waitFor(By.id("pat-create-error"));
        assertFalse(error.getText().isEmpty());
        assertTrue(browser.driver.findElement(By.id("pat-create-dialog")).isDisplayed());
        assertEquals(1, browser.driver.findElements(By.cssSelector("tr.pat-token")).size());
    }

    @Test
    public void profileOfAnotherUserWhenNotAdminThenShowsNoTokens() throws Exception {
        HttpCall.to(host).post("/rest/pat/latest/tokens").basic("alice", "alice").json("{\"name\":\"alice-secret\",\"expirationDuration\":5}").send();
        browser.login("bob");
        browser.go("/secure/ViewProfile.jspa?name=alice");
        browser.waitFor(By.id("up-d-username"));
        assertTrue(browser.driver.findElements(By.id("pat-panel")).isEmpty());
        assertFalse(pageSource().contains("alice-secret"));
    }

    // --- helpers -------------------------------------------------------------------------------------------

    private String createToken(String name, String expiry) {
        browser.waitFor(By.id("pat-create")).click();
        browser.waitFor(By.id("pat-name")).sendKeys(name);
        new Select(browser.driver.findElement(By.id("pat-expiry"))).selectByValue(expiry);
        browser.driver.findElement(By.id("pat-create-submit")).click();
        String token = readShownToken();
        try {
            browser.screenshot("token-shown");
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        closeTokenDialog();
        return token;
    }

    private String readShownToken() {
        WebElement value = browser.waitFor(By.id("pat-token-value"));
        // Strings come from the i18n bundle through the jsI18n transformer, not as raw keys.
        assertEquals("Your new token", browser.driver.findElement(By.id("pat-token-title")).getText());
        browser.waitForText(By.id("pat-token-curl"), "Authorization: Bearer jpat_");
        String token = value.getAttribute("value");
        assertTrue(token, token.matches("jpat_[0-9A-Za-z]{49}"));
        return token;
    }

    private void closeTokenDialog() {
        browser.driver.findElement(By.id("pat-token-close")).click();
        browser.waitUntilGone(By.id("pat-token-dialog"));
        // The page reloads; the token is gone from it.
        browser.waitFor(By.id("pat-panel"));
    }

    /** The element's text as written (getText() would apply CSS, e.g. the lozenges' upper case). */
    private String text(String css) {
        return browser.driver.findElement(By.cssSelector(css)).getAttribute("textContent").trim().replaceAll("\\s+", " ");
    }

    private String pageSource() {
        return (String) ((JavascriptExecutor) browser.driver).executeScript("return document.documentElement.outerHTML");
    }

    private WebElement row(String name) {
        return browser.driver.findElement(By.cssSelector("tr.pat-token[data-token-name='" + name + "']"));
    }

    /** Moves a token's dates two days into the past through the store: the dev host runs on the system clock. */
    private static void expire(String name) {
        TokenStore store = host.bean(TokenStore.class);
        Instant past = Instant.now().minus(Duration.ofDays(2)).truncatedTo(ChronoUnit.MILLIS);
        store.inTransaction(() -> {
            AccessToken token = store.findByOwner(ALICE_KEY).stream().filter(t -> t.name().equals(name)).findFirst().get();
            return store.replace(token.id(), token.toBuilder().createdAt(past.minus(Duration.ofDays(30))).expiresAt(past).build());
        }).get();
    }

    private HttpCall.Response bearer(String token) {
        return HttpCall.to(host).get("/rest/api/2/myself").bearer(token).send();
    }

    private String whoAmI(String token) {
        HttpCall.Response r = bearer(token);
        assertEquals(r.toString(), 200, r.status);
        return r.body.replaceAll(".*\"name\":\"([^\"]+)\".*", "$1");
    }

    private void putSettings(String json) {
        RestFixtures.putSettings(host, json);
    }
}
