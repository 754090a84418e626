package dev.jirapat.web;

import dev.jirapat.devhost.DevHost;
import dev.jirapat.devhost.DevHostRule;
import dev.jirapat.devhost.DevUsers;
import dev.jirapat.devhost.HttpCall;
import org.codehaus.jackson.JsonNode;
import org.junit.After;
import org.junit.BeforeClass;
import org.junit.ClassRule;
import org.junit.Test;
import org.junit.rules.RuleChain;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.stream.Collectors;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

/** The profile panel in headless Chromium against the dev host: what a Jira user does with tokens. */
public class ProfilePanelBrowserIT {
    private static final DevHostRule HOST = new DevHostRule(() -> DevHost.Config.forTest().lastUseFlushSeconds(1));
    private static final BrowserRule BROWSER = new BrowserRule(HOST);
    @ClassRule
    public static final RuleChain HOST_THEN_BROWSER = RuleChain.outerRule(HOST).around(BROWSER);

    private static final String ALICE_KEY = DevUsers.ALICE_KEY;
    private static DevHost host;
    private static Browser browser;

    /** One host and one Chromium for the class: each test starts with its own login (cookies cleared). */
    @BeforeClass
    public static void start() {
        host = HOST.host();
        browser = BROWSER.browser();
    }

    @After
    public void cleanUp() {
        putSettings("{\"eternalTokensAllowed\": true, \"maxTokensPerUser\": 10, \"expiryWarningDays\": null, \"maxExpiryDays\": null}");
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
        browser.waitFor(By.id("pat-confirm-ok")).click();
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
    public void listWhenTokensAreActiveExpiringSoonExpiredAndEternalThenEachShowsTheStatusTheServerSent() throws Exception {
        RestFixtures.createToken(host, "alice", "fresh");
        RestFixtures.createToken(host, "alice", "soon");
        RestFixtures.createToken(host, "alice", "gone");
        RestFixtures.createEternalToken(host, "alice", "forever");
        RestFixtures.setExpiry(host, ALICE_KEY, "soon", Instant.now().plus(Duration.ofDays(2)));
        expire("gone");
        browser.login("alice");
        browser.go("/secure/ViewProfile.jspa");
        browser.waitFor(By.cssSelector("tr.pat-token"));

        assertStatus("fresh", "Active", "aui-lozenge-success");
        assertStatus("soon", "Expires soon", "aui-lozenge-moved");
        assertStatus("gone", "Expired", "aui-lozenge-removed");
        assertStatus("forever", "Active", "aui-lozenge-success");
        assertEquals("Never", cell("forever", ".pat-expires"));
        WebElement expires = row("fresh").findElement(By.cssSelector(".pat-expires time"));
        assertTrue("shown in the viewer's time zone (the machine's, here UTC): " + expires.getText(),
                expires.getText().matches("[A-Z][a-z]{2} \\d{1,2}, \\d{4}, \\d{2}:\\d{2} [AP]M (UTC|GMT[+-]?\\d*)"));
        assertTrue(expires.getAttribute("title"), expires.getAttribute("title").matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2} UTC"));
        assertEquals("Read and write", cell("fresh", ".pat-scope"));
        browser.screenshot("panel-statuses");

        // The page holds no warning window of its own: with a 1-day window the server calls "soon" active.
        putSettings("{\"expiryWarningDays\": 1}");
        browser.driver.navigate().refresh();
        browser.waitFor(By.cssSelector("tr.pat-token"));
        assertStatus("soon", "Active", "aui-lozenge-success");
    }

    @Test
    public void createWhenCustomDaysReadScopeAndRangesAreChosenThenTheTokenHasEachOfThem() throws Exception {
        browser.login("alice");
        browser.go("/secure/ViewProfile.jspa");
        browser.waitFor(By.id("pat-create")).click();
        browser.waitFor(By.id("pat-name")).sendKeys("limited");
        new Select(browser.driver.findElement(By.id("pat-expiry"))).selectByValue("custom");
        browser.waitFor(By.id("pat-expiry-days")).sendKeys("7");
        browser.driver.findElement(By.cssSelector("label[for=pat-scope-read]")).click();
        assertTrue(browser.driver.findElement(By.id("pat-scope-read")).isSelected());
        browser.driver.findElement(By.id("pat-ips")).sendKeys("10.0.0.0/8, 192.0.2.0/24");
        assertEquals(List.of(), browser.accessibilityProblems());
        browser.driver.findElement(By.id("pat-create-submit")).click();
        readShownToken();
        assertEquals(List.of(), browser.accessibilityProblems());
        closeTokenDialog();

        JsonNode token = RestFixtures.tokensOf(host, "alice").get(0);
        assertEquals("limited", token.path("name").getTextValue());
        assertEquals("read", token.path("scope").getTextValue());
        assertEquals("[\"10.0.0.0/8\",\"192.0.2.0/24\"]", token.path("allowedIps").toString());
        Duration lifetime = Duration.between(Instant.parse(token.path("createdAt").getTextValue().replace("+00:00", "Z")),
                Instant.parse(token.path("expiringAt").getTextValue().replace("+00:00", "Z")));
        assertEquals(Duration.ofDays(7), lifetime);
        browser.waitFor(By.cssSelector("tr.pat-token"));
        assertEquals("Read only", cell("limited", ".pat-scope"));
    }

    @Test
    public void createWhenSubmitIsClickedTwiceAtOnceThenOneTokenIsCreated() throws Exception {
        browser.login("alice");
        browser.go("/secure/ViewProfile.jspa");
        browser.waitFor(By.id("pat-create")).click();
        browser.waitFor(By.id("pat-name")).sendKeys("once");
        ((JavascriptExecutor) browser.driver).executeScript(
                "var b = document.getElementById('pat-create-submit'); b.click(); b.click();");
        readShownToken();
        closeTokenDialog();
        assertEquals(1, RestFixtures.tokensOf(host, "alice").size());
    }

    @Test
    public void dialogsWhenUsedByKeyboardThenFocusMovesInAndBackAndDestructiveOnesStartOnCancel() throws Exception {
        RestFixtures.createToken(host, "alice", "keyboard");
        browser.login("alice");
        browser.go("/secure/ViewProfile.jspa");
        browser.waitFor(By.cssSelector("tr.pat-token"));
        assertEquals(List.of(), browser.accessibilityProblems());

        // Create: focus goes to the name, and back to the button on Escape.
        browser.driver.findElement(By.id("pat-create")).sendKeys(Keys.ENTER);
        browser.waitFor(By.id("pat-name"));
        assertEquals("#pat-name", browser.focused());
        assertEquals(List.of(), browser.accessibilityProblems());
        browser.driver.switchTo().activeElement().sendKeys(Keys.ESCAPE);
        browser.waitUntilGone(By.id("pat-create-dialog"));
        waitForFocus("#pat-create");

        // Revoke: the dialog starts on Cancel (the safe action); Escape returns to the row's Revoke.
        String id = row("keyboard").getAttribute("data-token-id");
        WebElement revoke = row("keyboard").findElement(By.cssSelector(".pat-revoke"));
        revoke.sendKeys(Keys.ENTER);
        browser.waitFor(By.id("pat-confirm-dialog"));
        assertEquals("#pat-confirm-cancel", browser.focused());
        assertEquals(List.of(), browser.accessibilityProblems());
        browser.screenshot("revoke-dialog");
        browser.driver.switchTo().activeElement().sendKeys(Keys.ESCAPE);
        browser.waitUntilGone(By.id("pat-confirm-dialog"));
        waitForFocus("button.aui-button.aui-button-link.pat-revoke in tr[data-token-id=" + id + "]");
        assertEquals(1, RestFixtures.tokensOf(host, "alice").size());

        // Confirmed from the keyboard, the row goes and focus lands on Create instead of the page's top.
        browser.driver.switchTo().activeElement().sendKeys(Keys.ENTER);
        browser.waitFor(By.id("pat-confirm-cancel"));
        browser.driver.switchTo().activeElement().sendKeys(Keys.chord(Keys.SHIFT, Keys.TAB));
        assertEquals("#pat-confirm-ok", browser.focused());
        browser.driver.switchTo().activeElement().sendKeys(Keys.ENTER);
        browser.waitFor(By.id("pat-empty"));
        waitForFocus("#pat-create");
        assertEquals(0, RestFixtures.tokensOf(host, "alice").size());
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
        assertEquals("the caller's own limit says you, in the singular", "You already have 1 token, the most allowed. Revoke one first.",
                error.getText());
        assertTrue(browser.driver.findElement(By.id("pat-create-dialog")).isDisplayed());
        assertEquals(1, browser.driver.findElements(By.cssSelector("tr.pat-token")).size());
        assertEquals("a refusal about no field marks none", 0,
                browser.driver.findElements(By.cssSelector("#pat-create-form [aria-invalid]")).size());
    }

    @Test
    public void createWhenTheServerRefusesTheExpiryThenThatFieldIsMarkedAndTheMessageSpeaksToAPerson() throws Exception {
        putSettings("{\"maxExpiryDays\": 30}");
        browser.login("alice");
        browser.go("/secure/ViewProfile.jspa");
        browser.waitFor(By.id("pat-create")).click();
        browser.waitFor(By.id("pat-name")).sendKeys("too-long");
        new Select(browser.driver.findElement(By.id("pat-expiry"))).selectByValue("custom");
        WebElement days = browser.waitFor(By.id("pat-expiry-days"));
        days.sendKeys("31");
        browser.driver.findElement(By.id("pat-create-submit")).click();
        browser.waitForText(By.id("pat-create-error"), "Expiry can be at most 30 days.");
        assertEquals("Expiry can be at most 30 days.", browser.driver.findElement(By.id("pat-create-error")).getText());
        new WebDriverWait(browser.driver, Duration.ofSeconds(5)).until(d -> "true".equals(days.getAttribute("aria-invalid")));
        assertTrue(days.getAttribute("aria-describedby"), days.getAttribute("aria-describedby").contains("pat-create-error"));
        assertEquals("only the refused field", null, browser.driver.findElement(By.id("pat-name")).getAttribute("aria-invalid"));
        assertEquals("#pat-expiry-days", browser.focused());
        List<String> violations = browser.axeViolations();
        System.out.println("[axe] create dialog with a server refusal: " + violations.size() + " violation(s) " + violations);
        assertEquals(List.of(), violations);
        browser.screenshot("create-refused");

        days.clear();
        days.sendKeys("30");
        browser.driver.findElement(By.id("pat-create-submit")).click();
        readShownToken();
        assertEquals(null, days.getAttribute("aria-invalid"));
        closeTokenDialog();
    }

    @Test
    public void datesWhenTheViewerIsInTokyoThenShownInTokyoTimeWithTheExactUtcTimeOnHover() throws Exception {
        RestFixtures.createToken(host, "alice", "tz-bot");
        Instant created = Instant.parse(RestFixtures.tokensOf(host, "alice").get(0).path("createdAt").getTextValue()
                .replace("+00:00", "Z"));
        ZonedDateTime tokyo = created.atZone(ZoneId.of("Asia/Tokyo"));
        browser.timeZone("Asia/Tokyo");
        try {
            browser.login("alice");
            browser.go("/secure/ViewProfile.jspa");
            WebElement time = browser.waitFor(By.cssSelector("tr.pat-token .pat-created time"));
            assertEquals("the instant, machine-readable", created, Instant.parse(time.getAttribute("datetime")));
            assertEquals("the exact UTC time on hover",
                    DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC).format(created),
                    time.getAttribute("title"));
            String shown = time.getText();
            assertTrue(shown, shown.contains("GMT+9"));
            assertTrue(shown + " shows Tokyo's day " + tokyo, shown.contains(" " + tokyo.getDayOfMonth() + ","));
            int hour12 = tokyo.getHour() % 12 == 0 ? 12 : tokyo.getHour() % 12;
            assertTrue(shown + " shows Tokyo's time " + tokyo, shown.contains(String.format("%02d:%02d", hour12, tokyo.getMinute())));
            assertEquals(tokyo.getYear(), Integer.parseInt(shown.replaceAll(".*\\b(\\d{4})\\b.*", "$1")));
            WebElement expires = browser.driver.findElement(By.cssSelector("tr.pat-token .pat-expires time"));
            assertTrue(expires.getAttribute("title"), expires.getAttribute("title").endsWith(" UTC"));
        } finally {
            browser.timeZone("");
        }
    }

    @Test
    public void userMenuWhenPersonalAccessTokensIsChosenThenTheProfilePanelOpensWithFocusOnIt() throws Exception {
        browser.login("alice");
        browser.go("/secure/ViewProfile.jspa?name=bob");
        WebElement menu = browser.waitFor(By.id("header-user-menu"));
        assertEquals("false", menu.getAttribute("aria-expanded"));
        menu.click();
        WebElement item = browser.waitFor(By.id("pat-user-menu-link"));
        assertEquals("true", menu.getAttribute("aria-expanded"));
        assertEquals("Personal access tokens", item.getText());
        List<String> violations = browser.axeViolations();
        System.out.println("[axe] user menu open: " + violations.size() + " violation(s) " + violations);
        assertEquals(List.of(), violations);
        browser.screenshot("user-menu");
        item.click();
        new WebDriverWait(browser.driver, Duration.ofSeconds(15)).until(d -> d.getCurrentUrl().endsWith("/secure/ViewProfile.jspa#pat-panel"));
        browser.waitFor(By.id("pat-panel"));
        assertEquals("Alice Example", browser.driver.findElement(By.id("up-d-fullname")).getText());
        waitForFocus("#pat-panel-title");
    }

    @Test
    public void profileOfAnotherUserWhenAdminThenListsTheirTokensWithRevokeOnly() throws Exception {
        RestFixtures.createToken(host, "alice", "alice-ci");
        String other = RestFixtures.createToken(host, "alice", "alice-deploy");
        browser.login("admin");
        browser.go("/secure/ViewProfile.jspa?name=alice");
        browser.waitFor(By.cssSelector("tr.pat-token"));
        assertTrue(browser.driver.findElements(By.id("pat-create")).isEmpty());
        assertEquals(2, browser.driver.findElements(By.cssSelector("tr.pat-token")).size());
        assertTrue("an admin does not rotate another user's token",
                browser.driver.findElements(By.cssSelector("#pat-panel .pat-rotate")).isEmpty());
        assertEquals(List.of(), browser.accessibilityProblems());
        browser.screenshot("panel-admin-view");

        row("alice-ci").findElement(By.cssSelector(".pat-revoke")).click();
        browser.waitFor(By.id("pat-confirm-ok")).click();
        new WebDriverWait(browser.driver, Duration.ofSeconds(15))
                .until(d -> d.findElements(By.cssSelector("tr.pat-token")).size() == 1);
        assertEquals(1, RestFixtures.tokensOf(host, "alice").size());
        assertEquals("alice", whoAmI(other));
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

    @Test
    public void dialogsWhenOpenThenExposedAsLabelledModalsAndHiddenWhenClosed() throws Exception {
        RestFixtures.createToken(host, "alice", "ci-deploy");
        browser.login("alice");
        browser.go("/secure/ViewProfile.jspa");
        browser.waitFor(By.cssSelector("tr.pat-token"));

        browser.driver.findElement(By.id("pat-create")).click();
        browser.waitFor(By.id("pat-name"));
        assertEquals(List.of(), browser.openDialogProblems("pat-create-dialog", false));
        assertEquals("#pat-name", browser.focused());
        browser.driver.findElement(By.cssSelector("#pat-create-dialog .aui-close-button")).click();
        browser.waitUntilGone(By.id("pat-create-dialog"));
        assertTrue(browser.closedDialogHidden("pat-create-dialog"));
        waitForFocus("#pat-create");

        row("ci-deploy").findElement(By.cssSelector(".pat-revoke")).click();
        browser.waitFor(By.id("pat-confirm-cancel"));
        assertEquals(List.of(), browser.openDialogProblems("pat-confirm-dialog", true));
        assertEquals("#pat-confirm-cancel", browser.focused());
        browser.driver.findElement(By.id("pat-confirm-cancel")).click();
        browser.waitUntilGone(By.id("pat-confirm-dialog"));
        assertTrue(browser.closedDialogHidden("pat-confirm-dialog"));

        row("ci-deploy").findElement(By.cssSelector(".pat-rotate")).click();
        browser.waitFor(By.id("pat-confirm-ok")).click();
        readShownToken();
        assertEquals(List.of(), browser.openDialogProblems("pat-token-dialog", true));
        closeTokenDialog();
        assertTrue(browser.closedDialogHidden("pat-token-dialog"));
    }

    @Test
    public void rotateWhenClickedThenAsksFirstStartingOnCancel() throws Exception {
        String old = RestFixtures.createToken(host, "alice", "ci-deploy");
        browser.login("alice");
        browser.go("/secure/ViewProfile.jspa");
        browser.waitFor(By.cssSelector("tr.pat-token"));
        row("ci-deploy").findElement(By.cssSelector(".pat-rotate")).click();
        browser.waitFor(By.id("pat-confirm-dialog"));
        assertEquals("#pat-confirm-cancel", browser.focused());
        assertTrue(text("#pat-confirm-text"), text("#pat-confirm-text").contains("stops working at once"));
        assertEquals("ci-deploy", text("#pat-confirm-name"));
        browser.screenshot("rotate-dialog");
        browser.driver.findElement(By.id("pat-confirm-cancel")).click();
        browser.waitUntilGone(By.id("pat-confirm-dialog"));
        assertEquals("cancelled: the old token still works", "alice", whoAmI(old));

        row("ci-deploy").findElement(By.cssSelector(".pat-rotate")).click();
        browser.waitFor(By.id("pat-confirm-ok")).click();
        String rotated = readShownToken();
        closeTokenDialog();
        assertEquals(401, bearer(old).status);
        assertEquals("alice", whoAmI(rotated));
    }

    @Test
    public void rowActionsWhenRenderedThenNameTheirToken() throws Exception {
        RestFixtures.createToken(host, "alice", "ci-deploy");
        browser.login("alice");
        browser.go("/secure/ViewProfile.jspa");
        browser.waitFor(By.cssSelector("tr.pat-token"));
        assertEquals("Rotate token ci-deploy", row("ci-deploy").findElement(By.cssSelector(".pat-rotate")).getAttribute("aria-label"));
        assertEquals("Revoke token ci-deploy", row("ci-deploy").findElement(By.cssSelector(".pat-revoke")).getAttribute("aria-label"));
    }

    @Test
    public void createWhenTheNameIsMissingThenTheFieldIsInvalidAndDescribedByTheError() throws Exception {
        browser.login("alice");
        browser.go("/secure/ViewProfile.jspa");
        browser.waitFor(By.id("pat-create")).click();
        WebElement name = browser.waitFor(By.id("pat-name"));
        browser.driver.findElement(By.id("pat-create-submit")).click();
        browser.waitFor(By.id("pat-create-error"));
        assertEquals("true", name.getAttribute("aria-invalid"));
        assertTrue(name.getAttribute("aria-describedby"), name.getAttribute("aria-describedby").contains("pat-create-error"));
        assertEquals(List.of(), browser.axeViolations());
        name.sendKeys("fixed");
        browser.driver.findElement(By.id("pat-create-submit")).click();
        readShownToken();
        assertEquals(null, browser.driver.findElement(By.id("pat-name")).getAttribute("aria-invalid"));
        assertFalse(String.valueOf(browser.driver.findElement(By.id("pat-name")).getAttribute("aria-describedby")).contains("pat-create-error"));
        closeTokenDialog();
    }

    @Test
    public void axeWhenEachStateOfThePanelIsCheckedThenNoViolations() throws Exception {
        RestFixtures.createToken(host, "alice", "ci-deploy");
        RestFixtures.createToken(host, "alice", "long-gone");
        expire("long-gone");
        browser.login("alice");
        browser.go("/secure/ViewProfile.jspa");
        browser.waitFor(By.cssSelector("tr.pat-token"));
        java.util.Map<String, List<String>> found = new java.util.LinkedHashMap<>();
        found.put("panel", browser.axeViolations());

        browser.driver.findElement(By.id("pat-create")).click();
        browser.waitFor(By.id("pat-name"));
        found.put("create dialog", browser.axeViolations());
        browser.driver.findElement(By.id("pat-create-cancel")).click();
        browser.waitUntilGone(By.id("pat-create-dialog"));

        row("ci-deploy").findElement(By.cssSelector(".pat-revoke")).click();
        browser.waitFor(By.id("pat-confirm-cancel"));
        found.put("revoke dialog", browser.axeViolations());
        browser.driver.findElement(By.id("pat-confirm-cancel")).click();
        browser.waitUntilGone(By.id("pat-confirm-dialog"));

        row("ci-deploy").findElement(By.cssSelector(".pat-rotate")).click();
        new WebDriverWait(browser.driver, Duration.ofSeconds(15)).until(d -> !d.findElements(
                By.cssSelector("#pat-confirm-dialog[open], #pat-token-dialog[open]")).isEmpty());
        if (!browser.driver.findElements(By.cssSelector("#pat-confirm-dialog[open]")).isEmpty()) {
            found.put("rotate dialog", browser.axeViolations());
            browser.driver.findElement(By.id("pat-confirm-ok")).click();
        }
        readShownToken();
        found.put("token dialog", browser.axeViolations());
        closeTokenDialog();

        int total = found.values().stream().mapToInt(List::size).sum();
        System.out.println("[axe] profile panel: " + total + " violation(s) " + found);
        found.forEach((state, violations) -> assertEquals(state, List.of(), violations));
    }

    @Test
    public void keyboardOnlyJourneyWhenCreatingCopyingRevokingAndRotatingThenEveryStepWorks() throws Exception {
        RestFixtures.createToken(host, "alice", "to-revoke");
        browser.login("alice");
        browser.go("/secure/ViewProfile.jspa");
        browser.waitFor(By.cssSelector("tr.pat-token"));
        ((JavascriptExecutor) browser.driver).executeScript("document.getElementById('pat-create').focus();");

        // Create: Enter opens, type the name, Enter submits.
        keys(Keys.ENTER);
        browser.waitFor(By.id("pat-name"));
        assertEquals("#pat-name", browser.focused());
        keys("keyboard-made");
        keys(Keys.ENTER);
        String created = readShownToken();
        assertEquals("alice", whoAmI(created));

        // Copy with Tab then Space, then Tab to Done and Enter (the token dialog ignores Escape, so a stray key
        // does not lose the token); focus goes back to Create.
        assertEquals("#pat-token-value", browser.focused());
        keys(Keys.TAB);
        assertEquals("#pat-token-copy", browser.focused());
        keys(Keys.SPACE);
        browser.waitFor(By.id("pat-token-copied"));
        tabTo("#pat-token-close");
        keys(Keys.ENTER);
        browser.waitUntilGone(By.id("pat-token-dialog"));
        waitForFocus("#pat-create");
        new WebDriverWait(browser.driver, Duration.ofSeconds(15))
                .until(d -> d.findElements(By.cssSelector("tr.pat-token")).size() == 2);

        // Revoke "to-revoke": Tab to its Revoke, Enter, Shift+Tab from Cancel to the confirm button, Enter.
        String revokeId = row("to-revoke").getAttribute("data-token-id");
        String revokeButton = "button.aui-button.aui-button-link.pat-revoke in tr[data-token-id=" + revokeId + "]";
        tabTo(revokeButton);
        keys(Keys.ENTER);
        browser.waitFor(By.id("pat-confirm-cancel"));
        keys(Keys.ESCAPE); // first thoughts: Escape cancels and focus returns to the row's Revoke
        browser.waitUntilGone(By.id("pat-confirm-dialog"));
        waitForFocus(revokeButton);
        assertEquals(2, RestFixtures.tokensOf(host, "alice").size());
        keys(Keys.ENTER);
        browser.waitFor(By.id("pat-confirm-cancel"));
        assertEquals("#pat-confirm-cancel", browser.focused());
        keys(Keys.chord(Keys.SHIFT, Keys.TAB));
        assertEquals("#pat-confirm-ok", browser.focused());
        keys(Keys.ENTER);
        new WebDriverWait(browser.driver, Duration.ofSeconds(15))
                .until(d -> d.findElements(By.cssSelector("tr.pat-token")).size() == 1);

        // Rotate "keyboard-made" with confirmation, then Done with Enter.
        String rotateId = row("keyboard-made").getAttribute("data-token-id");
        ((JavascriptExecutor) browser.driver).executeScript("document.getElementById('pat-create').focus();");
        tabTo("button.aui-button.aui-button-link.pat-rotate in tr[data-token-id=" + rotateId + "]");
        keys(Keys.SPACE);
        browser.waitFor(By.id("pat-confirm-cancel"));
        keys(Keys.chord(Keys.SHIFT, Keys.TAB));
        keys(Keys.ENTER);
        String rotated = readShownToken();
        tabTo("#pat-token-close");
        keys(Keys.ENTER);
        browser.waitUntilGone(By.id("pat-token-dialog"));
        assertEquals(401, bearer(created).status);
        assertEquals("alice", whoAmI(rotated));
        assertEquals(1, RestFixtures.tokensOf(host, "alice").size());
    }

    private void keys(CharSequence... keys) {
        browser.driver.switchTo().activeElement().sendKeys(keys);
    }

    /** Presses Tab until focus is on expected (at most 30 times). */
    private void tabTo(String expected) {
        for (int i = 0; i < 30 && !expected.equals(browser.focused()); i++) {
            keys(Keys.TAB);
        }
        assertEquals(expected, browser.focused());
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

    /** Moves a token's expiry two days into the past through the store: the dev host runs on the system clock. */
    private static void expire(String name) {
        RestFixtures.setExpiry(host, ALICE_KEY, name, Instant.now().minus(Duration.ofDays(2)));
    }

    private void assertStatus(String name, String text, String lozenge) {
        WebElement status = row(name).findElement(By.cssSelector(".pat-status .aui-lozenge"));
        assertEquals(name, text, status.getAttribute("textContent").trim());
        assertTrue(name + ": " + status.getAttribute("class"), status.getAttribute("class").contains(lozenge));
    }

    private String cell(String name, String css) {
        return row(name).findElement(By.cssSelector(css)).getAttribute("textContent").trim();
    }

    private void waitForFocus(String expected) {
        try {
            new WebDriverWait(browser.driver, Duration.ofSeconds(5)).until(d -> expected.equals(browser.focused()));
        } catch (org.openqa.selenium.TimeoutException e) {
            assertEquals("focus", expected, browser.focused());
        }
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
