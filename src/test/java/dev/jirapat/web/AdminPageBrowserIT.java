package dev.jirapat.web;

import dev.jirapat.devhost.DevHost;
import dev.jirapat.devhost.DevHostRule;
import dev.jirapat.devhost.DevUsers;
import dev.jirapat.devhost.HttpCall;
import dev.jirapat.token.PolicyStore;
import org.codehaus.jackson.JsonNode;
import org.codehaus.jackson.map.ObjectMapper;
import org.junit.After;
import org.junit.BeforeClass;
import org.junit.ClassRule;
import org.junit.Test;
import org.junit.rules.RuleChain;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

/** The admin page in headless Chromium against the dev host: what a Jira system administrator does. */
public class AdminPageBrowserIT {
    private static final DevHostRule HOST = new DevHostRule(() -> DevHost.Config.forTest().builtInPatApp(true));
    private static final BrowserRule BROWSER = new BrowserRule(HOST);
    @ClassRule
    public static final RuleChain HOST_THEN_BROWSER = RuleChain.outerRule(HOST).around(BROWSER);

    private static final String BOB_KEY = DevUsers.BOB_KEY;
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
        RestFixtures.putSettings(host, "{\"maxTokensPerUser\": 10, \"eternalTokensAllowed\": null}");
        RestFixtures.revokeAll(host, "alice");
        RestFixtures.revokeAll(host, "bob");
    }

    @Test
    public void adminWhenFilteringByUserAndBulkRevokingThenOnlyTheSelectedTokensGo() throws Exception {
        String b1 = create("bob", "bob-one");
        String b2 = create("bob", "bob-two");
        String b3 = create("bob", "bob-three");
        create("alice", "alice-one");

        browser.login("admin");
        browser.go("/plugins/servlet/pat/admin");
        browser.waitFor(By.id("pat-builtin-warning"));
        browser.waitFor(By.cssSelector("#pat-admin-tokens tr.pat-token"));
        assertEquals(4, rows().size());
        WebElement first = rows().get(0);
        assertEquals("Active", first.findElement(By.cssSelector(".pat-status")).getAttribute("textContent").trim());
        assertEquals("Never used", first.findElement(By.cssSelector(".pat-lastused")).getText());
        assertEquals("Page 1 of 1", browser.driver.findElement(By.id("pat-page-info")).getText());
        assertEquals(List.of(), browser.accessibilityProblems());
        browser.screenshot("admin-list");

        pick("bob", "Bob Example (bob) bob@example.com");
        browser.driver.findElement(By.id("pat-filter-apply")).click();
        waitForRowCount(3);
        assertTrue(names().containsAll(List.of("bob-one", "bob-two", "bob-three")));

        for (WebElement row : rows()) {
            String name = row.findElement(By.cssSelector(".pat-name")).getText();
            if (name.equals("bob-one") || name.equals("bob-two")) {
                row.findElement(By.cssSelector(".pat-select")).click();
            }
        }
        browser.driver.findElement(By.id("pat-bulk-revoke")).click();
        browser.waitFor(By.id("pat-confirm-ok"));
        assertEquals("the destructive dialog starts on Cancel", "#pat-confirm-cancel", browser.focused());
        assertEquals(List.of(), browser.accessibilityProblems());
        browser.driver.findElement(By.id("pat-confirm-ok")).click();
        waitForRowCount(1);
        assertEquals(List.of("bob-three"), names());
        assertEquals(401, myself(b1).status);
        assertEquals(401, myself(b2).status);
        assertEquals(200, myself(b3).status);
    }

    @Test
    public void adminWhenCreatingAServiceTokenForBobThenItAuthenticatesAsBob() throws Exception {
        browser.login("admin");
        browser.go("/plugins/servlet/pat/admin");
        browser.waitFor(By.id("pat-service-create")).click();
        browser.waitFor(By.id("pat-create-user")).sendKeys("bob");
        browser.driver.findElement(By.id("pat-name")).sendKeys("jenkins");
        new Select(browser.driver.findElement(By.id("pat-expiry"))).selectByValue("30");
        browser.driver.findElement(By.id("pat-create-submit")).click();
        WebElement value = browser.waitFor(By.id("pat-token-value"));
        browser.waitForText(By.id("pat-token-curl"), "Bearer jpat_");
        String token = value.getAttribute("value");
        browser.driver.findElement(By.id("pat-token-close")).click();
        browser.waitUntilGone(By.id("pat-token-dialog"));

        HttpCall.Response me = myself(token);
        assertEquals(me.toString(), 200, me.status);
        assertTrue(me.body, me.body.contains("\"name\":\"bob\""));
        waitForRowCount(1);
        assertEquals(List.of("jenkins"), names());
    }

    @Test
    public void adminListWhenTokensAreActiveExpiringSoonExpiredAndEternalThenEachShowsTheStatusTheServerSent() throws Exception {
        statusFixtures();
        browser.login("admin");
        browser.go("/plugins/servlet/pat/admin");
        waitForRowCount(4);

        assertStatus("bob-fresh", "Active", "aui-lozenge-success");
        assertStatus("bob-soon", "Expires soon", "aui-lozenge-moved");
        assertStatus("bob-gone", "Expired", "aui-lozenge-removed");
        assertStatus("bob-forever", "Active", "aui-lozenge-success");
        assertEquals("Never", cell("bob-forever", ".pat-expires"));
        assertEquals("Bob Example (bob)", cell("bob-fresh", ".pat-user"));
        browser.screenshot("admin-statuses");
    }

    @Test
    public void adminStatusFilterWhenAStatusIsChosenThenTheServerIsAskedForItAndAnswersWithThoseTokens() throws Exception {
        statusFixtures();
        browser.login("admin");
        browser.go("/plugins/servlet/pat/admin");
        waitForRowCount(4);
        browser.recordRequests();

        Select status = new Select(browser.driver.findElement(By.id("pat-filter-status")));
        assertEquals(List.of("", "active", "expiresSoon", "expired"),
                status.getOptions().stream().map(o -> o.getAttribute("value")).collect(Collectors.toList()));
        status.selectByValue("expired");
        browser.driver.findElement(By.id("pat-filter-apply")).click();
        waitForRowCount(1);
        assertEquals(List.of("bob-gone"), names());
        Map<String, Object> sent = lastSearch();
        assertEquals("expired", sent.get("status"));
        assertFalse("no expiry range stands in for the status: " + sent, sent.containsKey("tokenExpiryDateFrom")
                || sent.containsKey("tokenExpiryDateTo"));

        status.selectByValue("expiresSoon");
        browser.driver.findElement(By.id("pat-filter-apply")).click();
        new WebDriverWait(browser.driver, Duration.ofSeconds(15)).until(d -> names().equals(List.of("bob-soon")));
        assertEquals("expiresSoon", lastSearch().get("status"));
        browser.screenshot("admin-filter-status");

        browser.driver.findElement(By.id("pat-filter-reset")).click();
        waitForRowCount(4);
        assertFalse(lastSearch().containsKey("status"));
    }

    @Test
    public void adminCreateFormWhenEveryFieldIsSetThenBobsTokenHasThemAndTheFormIsTheProfilesOne() throws Exception {
        RestFixtures.putSettings(host, "{\"eternalTokensAllowed\": false}");
        browser.login("admin");
        browser.go("/plugins/servlet/pat/admin");
        browser.waitFor(By.id("pat-service-create")).click();
        browser.waitFor(By.id("pat-create-user"));
        assertEquals("focus starts on the username", "#pat-create-user", browser.focused());
        List<String> choices = new Select(browser.driver.findElement(By.id("pat-expiry"))).getOptions().stream()
                .map(o -> o.getAttribute("value")).collect(Collectors.toList());
        assertEquals("the policy's choices, as on the profile", List.of("30", "60", "90", "365", "custom"), choices);
        assertEquals(List.of(), browser.accessibilityProblems());

        browser.driver.findElement(By.id("pat-create-user")).sendKeys("bob");
        browser.driver.findElement(By.id("pat-name")).sendKeys("deploy");
        new Select(browser.driver.findElement(By.id("pat-expiry"))).selectByValue("custom");
        browser.waitFor(By.id("pat-expiry-days")).sendKeys("12");
        browser.driver.findElement(By.cssSelector("label[for=pat-scope-read]")).click();
        assertTrue(browser.driver.findElement(By.id("pat-scope-read")).isSelected());
        browser.driver.findElement(By.id("pat-ips")).sendKeys("127.0.0.1\n10.0.0.0/8");
        browser.screenshot("admin-create-form");
        browser.driver.findElement(By.id("pat-create-submit")).click();
        WebElement value = browser.waitFor(By.id("pat-token-value"));
        browser.waitForText(By.id("pat-token-curl"), "Bearer jpat_");
        String token = value.getAttribute("value");
        browser.driver.findElement(By.id("pat-token-close")).click();
        browser.waitUntilGone(By.id("pat-token-dialog"));
        waitForFocus("#pat-service-create");

        HttpCall.Response me = myself(token);
        assertEquals(me.toString(), 200, me.status);
        assertTrue(me.body, me.body.contains("\"name\":\"bob\""));
        JsonNode created = RestFixtures.tokensOf(host, "bob").get(0);
        assertEquals("read", created.path("scope").getTextValue());
        assertEquals("[\"127.0.0.1/32\",\"10.0.0.0/8\"]", created.path("allowedIps").toString());
        assertEquals("admin", created.path("createdBy").getTextValue());
        Duration lifetime = Duration.between(Instant.parse(created.path("createdAt").getTextValue().replace("+00:00", "Z")),
                Instant.parse(created.path("expiringAt").getTextValue().replace("+00:00", "Z")));
        assertEquals(Duration.ofDays(12), lifetime);
        waitForRowCount(1);
        assertEquals("Read only", cell("deploy", ".pat-scope"));
    }

    @Test
    public void adminCreateFormWhenTheUsernameIsMissingThenItSaysSoAndCreatesNothing() throws Exception {
        browser.login("admin");
        browser.go("/plugins/servlet/pat/admin");
        browser.waitFor(By.id("pat-service-create")).click();
        browser.waitFor(By.id("pat-name")).sendKeys("nobody");
        browser.driver.findElement(By.id("pat-create-submit")).click();
        WebElement error = browser.waitFor(By.id("pat-create-error"));
        assertEquals("Enter the username of the user the token is for.", error.getText());
        assertEquals("#pat-create-user", browser.focused());
        assertEquals(0, RestFixtures.tokensOf(host, "bob").size());
    }

    @Test
    public void adminWhenChangingASettingThenItIsEnforcedOnTheNextRequest() throws Exception {
        resetSettings();
        browser.login("admin");
        browser.go("/plugins/servlet/pat/admin");
        browser.waitFor(By.id("pat-tab-settings-link")).click();
        WebElement limit = browser.waitFor(By.id("pat-setting-maxTokensPerUser"));
        browser.waitForText(By.id("pat-settings-form"), "");
        new org.openqa.selenium.support.ui.WebDriverWait(browser.driver, java.time.Duration.ofSeconds(10))
                .until(d -> !limit.getAttribute("value").isEmpty());
        // Another admin changes a different setting while this form is open: saving must not put it back.
        RestFixtures.putSettings(host, "{\"pruningDelayDays\": 12}");
        Map<String, Object> before = settings();
        limit.clear();
        limit.sendKeys("1");
        browser.screenshot("settings");
        browser.driver.findElement(By.id("pat-settings-save")).click();
        browser.waitFor(By.id("pat-settings-saved"));

        Map<String, Object> expected = new TreeMap<>(before);
        expected.put("maxTokensPerUser", 1);
        assertEquals("only the field the admin changed", expected, settings());
        assertEquals("the fields left alone stay defaults, not stored values",
                Map.of("maxTokensPerUser", "1", "pruningDelayDays", "12"), host.bean(PolicyStore.class).overrides());

        assertEquals(201, HttpCall.to(host).post("/rest/pat/latest/tokens").basic("alice", "alice")
                .json("{\"name\":\"first\",\"expirationDuration\":5}").send().status);
        assertEquals(403, HttpCall.to(host).post("/rest/pat/latest/tokens").basic("alice", "alice")
                .json("{\"name\":\"second\",\"expirationDuration\":5}").send().status);
    }

    @Test
    public void adminWhenEmptyingANumberFieldThenThatSettingGoesBackToItsDefault() throws Exception {
        resetSettings();
        RestFixtures.putSettings(host, "{\"maxExpiryDays\": 30, \"expiryWarningDays\": 2}");
        browser.login("admin");
        browser.go("/plugins/servlet/pat/admin");
        browser.waitFor(By.id("pat-tab-settings-link")).click();
        WebElement days = browser.waitFor(By.id("pat-setting-maxExpiryDays"));
        new org.openqa.selenium.support.ui.WebDriverWait(browser.driver, java.time.Duration.ofSeconds(10))
                .until(d -> "30".equals(days.getAttribute("value")));
        days.clear();
        browser.driver.findElement(By.id("pat-settings-save")).click();
        browser.waitFor(By.id("pat-settings-saved"));

        assertEquals(365, settings().get("maxExpiryDays"));
        assertEquals("the form shows the default again", "365", days.getAttribute("value"));
        assertEquals(Map.of("expiryWarningDays", "2"), host.bean(PolicyStore.class).overrides());
    }

    @Test
    public void adminPageWhenNotAnAdminThenRefused() throws Exception {
        browser.login("bob");
        browser.go("/plugins/servlet/pat/admin");
        browser.waitFor(By.id("pat-admin-denied"));
        assertTrue(browser.driver.findElements(By.id("pat-admin-tokens")).isEmpty());
        browser.driver.manage().deleteAllCookies();
        browser.go("/plugins/servlet/pat/admin");
        browser.waitFor(By.id("login-form-username"));
    }

    @Test
    public void pickerWhenTypingAliExampleOrHerEmailThenAliceIsOfferedAndPickingHerFiltersToHerTokens() throws Exception {
        create("alice", "alice-one");
        create("alice", "alice-two");
        create("bob", "bob-one");
        browser.login("admin");
        browser.go("/plugins/servlet/pat/admin");
        waitForRowCount(3);
        WebElement input = browser.driver.findElement(By.id("pat-filter-user"));
        assertEquals("combobox", input.getAttribute("role"));
        assertEquals("list", input.getAttribute("aria-autocomplete"));
        assertEquals("false", input.getAttribute("aria-expanded"));
        String listId = input.getAttribute("aria-controls");
        WebElement list = browser.driver.findElement(By.id(listId));
        assertEquals("listbox", list.getAttribute("role"));
        assertEquals("User", input.getAccessibleName());

        assertEquals(List.of("Alice Example (alice) alice@example.com"), typeInPicker("Ali", 1));
        assertEquals(List.of("Alice Example (alice) alice@example.com", "Bob Example (bob) bob@example.com",
                "Carol Example (carol) carol@example.com"), typeInPicker("Example", 3));
        assertEquals("true", input.getAttribute("aria-expanded"));
        assertEquals("3 users found. Use the arrow keys to choose.", pickerStatus());
        Map<String, List<String>> found = new java.util.LinkedHashMap<>();
        found.put("picker open", browser.axeViolations());
        browser.screenshot("admin-user-picker");
        assertEquals(List.of("Alice Example (alice) alice@example.com"), typeInPicker("alice@", 1));
        assertEquals("1 user found. Use the arrow keys to choose.", pickerStatus());

        // Keyboard: the first option becomes active (aria-activedescendant, aria-selected), Enter picks it.
        input.sendKeys(Keys.ARROW_DOWN);
        WebElement option = list.findElements(By.cssSelector("[role=option]")).get(0);
        assertEquals(option.getAttribute("id"), input.getAttribute("aria-activedescendant"));
        assertEquals("true", option.getAttribute("aria-selected"));
        browser.recordRequests();
        input.sendKeys(Keys.ENTER);
        assertEquals("Alice Example (alice)", input.getAttribute("value"));
        assertEquals("false", input.getAttribute("aria-expanded"));
        assertEquals(null, input.getAttribute("aria-activedescendant"));
        assertFalse(list.isDisplayed());
        browser.driver.findElement(By.id("pat-filter-apply")).click();
        waitForRowCount(2);
        assertEquals(List.of("alice-one", "alice-two"), names());
        assertEquals("the filter sends her key, resolved by the server's search", List.of(DevUsers.ALICE_KEY),
                lastSearch().get("userKeys"));
        found.put("filtered by alice", browser.axeViolations());
        int total = found.values().stream().mapToInt(List::size).sum();
        System.out.println("[axe] admin user picker: " + total + " violation(s) " + found);
        found.forEach((state, violations) -> assertEquals(state, List.of(), violations));
    }

    @Test
    public void userFilterWhenTheTextIsNotAPickedUserThenTheFieldSaysSoAndNoUsernameIsSent() throws Exception {
        create("alice", "alice-one");
        create("bob", "bob-one");
        browser.login("admin");
        browser.go("/plugins/servlet/pat/admin");
        waitForRowCount(2);
        browser.recordRequests();
        WebElement input = browser.driver.findElement(By.id("pat-filter-user"));
        input.sendKeys("alice");
        input.sendKeys(Keys.ESCAPE);
        browser.driver.findElement(By.id("pat-filter-apply")).click();
        browser.waitForText(By.id("pat-admin-error"), "Choose a user from the list");
        assertEquals("true", input.getAttribute("aria-invalid"));
        assertTrue(input.getAttribute("aria-describedby"), input.getAttribute("aria-describedby").contains("pat-admin-error"));
        assertEquals("#pat-filter-user", browser.focused());
        assertTrue("no search with the typed text as a key", browser.recordedBodies("POST", "/rest/pat/latest/tokens/search").isEmpty());
        assertEquals(2, rows().size());
        List<String> violations = browser.axeViolations();
        System.out.println("[axe] user filter refused: " + violations.size() + " violation(s) " + violations);
        assertEquals(List.of(), violations);

        browser.driver.findElement(By.id("pat-filter-reset")).click();
        waitForRowCount(2);
        assertEquals(null, input.getAttribute("aria-invalid"));
        assertEquals("", input.getAttribute("value"));
    }

    @Test
    public void serviceTokenWhenTheOwnerIsUnknownInactiveOrAtTheLimitThenTheMessageNamesThemAndMarksTheUsername() throws Exception {
        RestFixtures.putSettings(host, "{\"maxTokensPerUser\": 1}");
        create("bob", "bob-one");
        browser.login("admin");
        browser.go("/plugins/servlet/pat/admin");
        browser.waitFor(By.id("pat-service-create")).click();
        WebElement user = browser.waitFor(By.id("pat-create-user"));
        assertEquals("combobox", user.getAttribute("role"));
        browser.driver.findElement(By.id("pat-name")).sendKeys("svc");
        for (String[] refused : new String[][] {
                {"zed", "There is no user with the username zed."},
                {"carol", "Carol Example is inactive, so no token can be created for them."}}) {
            user.clear();
            user.sendKeys(refused[0]);
            browser.driver.findElement(By.id("pat-create-submit")).click();
            browser.waitForText(By.id("pat-create-error"), refused[1]);
            new WebDriverWait(browser.driver, Duration.ofSeconds(5)).until(d -> "true".equals(user.getAttribute("aria-invalid")));
            assertTrue(user.getAttribute("aria-describedby"), user.getAttribute("aria-describedby").contains("pat-create-error"));
            assertEquals(null, browser.driver.findElement(By.id("pat-name")).getAttribute("aria-invalid"));
        }
        List<String> violations = browser.axeViolations();
        System.out.println("[axe] create-for-a-user dialog refused: " + violations.size() + " violation(s) " + violations);
        assertEquals(List.of(), violations);
        user.clear();
        user.sendKeys("bob");
        browser.driver.findElement(By.id("pat-create-submit")).click();
        browser.waitForText(By.id("pat-create-error"), "Bob Example already has 1 token, the most allowed. Revoke one of them first.");
        assertEquals(1, RestFixtures.tokensOf(host, "bob").size());
    }

    @Test
    public void settingsWhenTheServerRefusesAValueThenThatFieldIsMarkedAndNamedByItsLabel() throws Exception {
        resetSettings();
        browser.login("admin");
        browser.go("/plugins/servlet/pat/admin");
        browser.waitFor(By.id("pat-tab-settings-link")).click();
        WebElement limit = browser.waitFor(By.id("pat-setting-maxTokensPerUser"));
        new WebDriverWait(browser.driver, Duration.ofSeconds(10)).until(d -> !limit.getAttribute("value").isEmpty());
        limit.clear();
        limit.sendKeys("5000");
        browser.driver.findElement(By.id("pat-settings-save")).click();
        browser.waitForText(By.id("pat-settings-error"), "Tokens per user must be a whole number from 1 to 1000.");
        new WebDriverWait(browser.driver, Duration.ofSeconds(5)).until(d -> "true".equals(limit.getAttribute("aria-invalid")));
        assertTrue(limit.getAttribute("aria-describedby"), limit.getAttribute("aria-describedby").contains("pat-settings-error"));
        assertEquals("#pat-setting-maxTokensPerUser", browser.focused());
        List<String> violations = browser.axeViolations();
        System.out.println("[axe] settings refused: " + violations.size() + " violation(s) " + violations);
        assertEquals(List.of(), violations);
        limit.clear();
        limit.sendKeys("7");
        browser.driver.findElement(By.id("pat-settings-save")).click();
        browser.waitFor(By.id("pat-settings-saved"));
        assertEquals(null, limit.getAttribute("aria-invalid"));
    }

    // --- helpers -------------------------------------------------------------------------------------------

    /** Types text into the (emptied) user filter and waits for the picker to offer exactly {@code count} users. */
    private List<String> typeInPicker(String text, int count) {
        WebElement input = browser.driver.findElement(By.id("pat-filter-user"));
        input.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE);
        input.sendKeys(text);
        String listId = input.getAttribute("aria-controls");
        new WebDriverWait(browser.driver, Duration.ofSeconds(10)).until(d -> {
            List<WebElement> options = d.findElements(By.cssSelector("#" + listId + " [role=option]"));
            return d.findElement(By.id(listId)).isDisplayed() && options.size() == count
                    && pickerStatus().startsWith(count + " user");
        });
        return browser.driver.findElements(By.cssSelector("#" + listId + " [role=option]")).stream()
                .map(WebElement::getText).collect(Collectors.toList());
    }

    /** Picks the option with this text after typing into the user filter (by mouse). */
    private void pick(String text, String option) {
        typeInPicker(text, 1);
        WebElement input = browser.driver.findElement(By.id("pat-filter-user"));
        browser.driver.findElements(By.cssSelector("#" + input.getAttribute("aria-controls") + " [role=option]")).stream()
                .filter(o -> o.getText().equals(option)).findFirst().orElseThrow().click();
        new WebDriverWait(browser.driver, Duration.ofSeconds(5)).until(d -> "false".equals(input.getAttribute("aria-expanded")));
    }

    private String pickerStatus() {
        return (String) ((JavascriptExecutor) browser.driver).executeScript(
                "var i = document.getElementById('pat-filter-user');"
                + "var s = i.parentNode.querySelector('[role=status]'); return s ? s.textContent : '';");
    }

    @Test
    public void axeWhenBothTabsAndEveryDialogAreCheckedThenNoViolationsAndDialogsAreLabelledModals() throws Exception {
        create("bob", "bob-one");
        create("bob", "bob-two");
        browser.login("admin");
        browser.go("/plugins/servlet/pat/admin");
        browser.waitFor(By.cssSelector("#pat-admin-tokens tr.pat-token"));
        Map<String, List<String>> found = new java.util.LinkedHashMap<>();
        found.put("tokens tab", browser.axeViolations());

        browser.driver.findElement(By.id("pat-service-create")).click();
        browser.waitFor(By.id("pat-create-user"));
        assertEquals(List.of(), browser.openDialogProblems("pat-create-dialog", false));
        assertEquals("#pat-create-user", browser.focused());
        found.put("create-for-a-user dialog", browser.axeViolations());
        browser.driver.findElement(By.id("pat-create-cancel")).click();
        browser.waitUntilGone(By.id("pat-create-dialog"));
        assertTrue(browser.closedDialogHidden("pat-create-dialog"));
        waitForFocus("#pat-service-create");

        row("bob-one").findElement(By.cssSelector(".pat-select")).click();
        browser.driver.findElement(By.id("pat-bulk-revoke")).click();
        browser.waitFor(By.id("pat-confirm-cancel"));
        assertEquals(List.of(), browser.openDialogProblems("pat-confirm-dialog", true));
        assertEquals("#pat-confirm-cancel", browser.focused());
        found.put("bulk-revoke dialog", browser.axeViolations());
        browser.driver.findElement(By.id("pat-confirm-cancel")).click();
        browser.waitUntilGone(By.id("pat-confirm-dialog"));
        assertTrue(browser.closedDialogHidden("pat-confirm-dialog"));
        waitForFocus("#pat-bulk-revoke");

        browser.driver.findElement(By.id("pat-tab-settings-link")).click();
        browser.waitFor(By.id("pat-settings-save"));
        found.put("settings tab", browser.axeViolations());

        int total = found.values().stream().mapToInt(List::size).sum();
        System.out.println("[axe] admin page: " + total + " violation(s) " + found);
        found.forEach((state, violations) -> assertEquals(state, List.of(), violations));
    }

    @Test
    public void filtersAndPagingWhenRenderedThenDateInputsAreNamedByTheirGroupAndPagingUsesNativeDisabled() throws Exception {
        create("bob", "bob-one");
        browser.login("admin");
        browser.go("/plugins/servlet/pat/admin");
        browser.waitFor(By.cssSelector("#pat-admin-tokens tr.pat-token"));
        Map<String, String> expected = new java.util.LinkedHashMap<>();
        expected.put("pat-filter-created-from", "Created from");
        expected.put("pat-filter-created-to", "Created to");
        expected.put("pat-filter-expires-from", "Expires from");
        expected.put("pat-filter-expires-to", "Expires to");
        expected.put("pat-filter-used-from", "Last used from");
        expected.put("pat-filter-used-to", "Last used to");
        expected.forEach((id, name) -> assertEquals(id, name, browser.driver.findElement(By.id(id)).getAccessibleName()));
        for (String id : List.of("pat-page-prev", "pat-page-next", "pat-bulk-revoke")) {
            WebElement button = browser.driver.findElement(By.id(id));
            assertEquals(id, null, button.getAttribute("aria-disabled"));
            assertFalse(id, button.isEnabled());
        }
    }

    private static String create(String user, String name) {
        return RestFixtures.createToken(host, user, name);
    }

    /** The policy in force, as {@code GET /admin/settings} answers an admin. */
    @SuppressWarnings("unchecked")
    private Map<String, Object> settings() throws IOException {
        HttpCall.Response r = HttpCall.to(host).get("/rest/pat/latest/admin/settings").basic("admin", "admin").send();
        assertEquals(r.toString(), 200, r.status);
        return new TreeMap<>(new ObjectMapper().readValue(r.body, Map.class));
    }

    /** Bob's tokens in each state: active, expiring in 2 days (warning window 5), expired, never expiring. */
    private static void statusFixtures() {
        create("bob", "bob-fresh");
        create("bob", "bob-soon");
        create("bob", "bob-gone");
        RestFixtures.createEternalToken(host, "bob", "bob-forever");
        RestFixtures.setExpiry(host, BOB_KEY, "bob-soon", Instant.now().plus(Duration.ofDays(2)));
        RestFixtures.setExpiry(host, BOB_KEY, "bob-gone", Instant.now().minus(Duration.ofDays(2)));
    }

    /** The body of the page's last POST /tokens/search since recordRequests(). */
    @SuppressWarnings("unchecked")
    private Map<String, Object> lastSearch() throws IOException {
        List<String> bodies = browser.recordedBodies("POST", "/rest/pat/latest/tokens/search");
        assertFalse("no search was sent", bodies.isEmpty());
        return new ObjectMapper().readValue(bodies.get(bodies.size() - 1), Map.class);
    }

    private WebElement row(String name) {
        return browser.driver.findElement(By.cssSelector("#pat-admin-tokens tr.pat-token[data-token-name='" + name + "']"));
    }

    private String cell(String name, String css) {
        return row(name).findElement(By.cssSelector(css)).getAttribute("textContent").trim();
    }

    private void assertStatus(String name, String text, String lozenge) {
        WebElement status = row(name).findElement(By.cssSelector(".pat-status .aui-lozenge"));
        assertEquals(name, text, status.getAttribute("textContent").trim());
        assertTrue(name + ": " + status.getAttribute("class"), status.getAttribute("class").contains(lozenge));
    }

    private void waitForFocus(String expected) {
        try {
            new WebDriverWait(browser.driver, Duration.ofSeconds(5)).until(d -> expected.equals(browser.focused()));
        } catch (org.openqa.selenium.TimeoutException e) {
            assertEquals("focus", expected, browser.focused());
        }
    }

    private HttpCall.Response myself(String token) {
        return HttpCall.to(host).get("/rest/api/2/myself").bearer(token).send();
    }

    private List<WebElement> rows() {
        return browser.driver.findElements(By.cssSelector("#pat-admin-tokens tr.pat-token"));
    }

    /** The listed names, read in one step so a list being re-rendered is never half read. */
    @SuppressWarnings("unchecked")
    private List<String> names() {
        return (List<String>) ((JavascriptExecutor) browser.driver).executeScript(
                "return Array.from(document.querySelectorAll('#pat-admin-tokens tr.pat-token .pat-name'))"
                + ".map(function (e) { return e.textContent; });");
    }

    private void waitForRowCount(int n) {
        new org.openqa.selenium.support.ui.WebDriverWait(browser.driver, java.time.Duration.ofSeconds(15))
                .until(d -> rows().size() == n);
    }

    private static void resetSettings() {
        PolicyStore settings = host.bean(PolicyStore.class);
        settings.apply(Map.of(), settings.overrides().keySet());
    }
}
