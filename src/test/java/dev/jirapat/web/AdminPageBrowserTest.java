package dev.jirapat.web;

import dev.jirapat.devhost.DevHost;
import dev.jirapat.devhost.HttpCall;
import dev.jirapat.token.PolicyStore;
import org.codehaus.jackson.map.ObjectMapper;
import org.junit.After;
import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

/** The admin page in headless Chromium against the dev host: what a Jira system administrator does. */
public class AdminPageBrowserTest {
    private static DevHost host;
    private static Browser browser;

    /** One host and one Chromium for the class: each test starts with its own login (cookies cleared). */
    @BeforeClass
    public static void start() throws Exception {
        host = DevHost.start(DevHost.Config.forTest().builtInPatApp(true));
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
    }

    @After
    public void cleanUp() {
        RestFixtures.putSettings(host, "{\"maxTokensPerUser\": 10}");
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
        browser.screenshot("admin-list");

        browser.driver.findElement(By.id("pat-filter-user")).sendKeys("bob");
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
        browser.waitFor(By.id("pat-confirm-ok")).click();
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

    // --- helpers -------------------------------------------------------------------------------------------

    private String create(String user, String name) {
        return RestFixtures.createToken(host, user, name);
    }

    /** The policy in force, as {@code GET /admin/settings} answers an admin. */
    @SuppressWarnings("unchecked")
    private Map<String, Object> settings() throws IOException {
        HttpCall.Response r = HttpCall.to(host).get("/rest/pat/latest/admin/settings").basic("admin", "admin").send();
        assertEquals(r.toString(), 200, r.status);
        return new TreeMap<>(new ObjectMapper().readValue(r.body, Map.class));
    }

    private HttpCall.Response myself(String token) {
        return HttpCall.to(host).get("/rest/api/2/myself").bearer(token).send();
    }

    private List<WebElement> rows() {
        return browser.driver.findElements(By.cssSelector("#pat-admin-tokens tr.pat-token"));
    }

    private List<String> names() {
        return rows().stream().map(r -> r.findElement(By.cssSelector(".pat-name")).getText()).collect(Collectors.toList());
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
