package dev.jirapat.web;

import dev.jirapat.devhost.DevHost;
import dev.jirapat.devhost.DevHostRule;
import dev.jirapat.devhost.DevUsers;
import dev.jirapat.devhost.HttpCall;
import dev.jirapat.token.BuiltinFixtures;
import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.ClassRule;
import org.junit.Test;
import org.junit.rules.RuleChain;
import org.openqa.selenium.By;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

/**
 * The admin page's "Import from Jira's built-in app" tab in headless Chromium: a dry run and an import of a
 * file chosen in the file input, the result announced in a live region, axe-core on the tab; then the owner's
 * profile panel marks the imported token and says why to rotate it.
 */
public class ImportTabBrowserIT {
    private static final DevHostRule HOST = new DevHostRule();
    private static final BrowserRule BROWSER = new BrowserRule(HOST);
    @ClassRule
    public static final RuleChain HOST_THEN_BROWSER = RuleChain.outerRule(HOST).around(BROWSER);

    private static DevHost host;
    private static Browser browser;
    private static Path file;

    @BeforeClass
    public static void start() {
        host = HOST.host();
        browser = BROWSER.browser();
    }

    @AfterClass
    public static void removeFile() throws Exception {
        if (file != null) {
            Files.deleteIfExists(file);
        }
    }

    @Test
    public void importTabWhenDryRunThenImportThenCountsAndErrorsAreAnnouncedAndTheOwnerSeesTheToken() throws Exception {
        BuiltinFixtures.Issued token = BuiltinFixtures.issue();
        file = Files.createTempFile("builtin-tokens", ".csv");
        Files.write(file, ("TOKEN_ID,USER_KEY,NAME,HASHED_TOKEN,CREATED_AT,EXPIRING_AT\n"
                + token.tokenId + "," + DevUsers.ALICE_KEY + ",\"ci <b>bold</b>\"," + token.hashedToken
                + ",2026-01-31 09:15:00,9999-12-31 00:00:00\n"
                + "123456789012,JIRAUSER99999,gone," + BuiltinFixtures.someHash() + ",2026-01-31 09:15:00,2027-01-01 00:00:00\n")
                .getBytes(StandardCharsets.UTF_8));

        browser.login("admin");
        browser.go("/plugins/servlet/pat/admin");
        browser.waitFor(By.id("pat-tab-import-link")).click();
        browser.waitFor(By.id("pat-import-dry-run")).click();
        browser.waitForText(By.id("pat-import-error"), "Choose the exported file first.");
        List<String> violations = browser.axeViolations();

        browser.driver.findElement(By.id("pat-import-file")).sendKeys(file.toAbsolutePath().toString());
        browser.driver.findElement(By.id("pat-import-dry-run")).click();
        browser.waitForText(By.id("pat-import-result"), "Dry run: 1 rows would be imported, 0 were imported before, 1 have errors.");
        assertTrue(browser.driver.findElement(By.id("pat-import-result")).getText().contains("Line 3: USER_KEY names no user"));
        assertEquals("polite", browser.driver.findElement(By.id("pat-import-result")).getAttribute("aria-live"));
        assertEquals("a dry run imports nothing", "anonymous", whoAmI(token.presented));

        browser.driver.findElement(By.id("pat-import-run")).click();
        browser.waitForText(By.id("pat-import-result"), "Imported 1 tokens; 0 were imported before; 1 rows have errors.");
        browser.screenshot("import-tab");
        assertEquals("alice", whoAmI(token.presented));

        browser.login("alice");
        browser.go("/secure/ViewProfile.jspa");
        browser.waitFor(By.cssSelector("tr.pat-token .pat-origin-builtin"));
        assertEquals("the name as typed, as text", "ci <b>bold</b>",
                browser.driver.findElement(By.cssSelector("tr.pat-token .pat-name")).getAttribute("textContent").split(" ")[0]
                        + " " + browser.driver.findElement(By.cssSelector("tr.pat-token .pat-name")).getAttribute("textContent").split(" ")[1]);
        assertEquals("From Jira's built-in app",
                browser.driver.findElement(By.cssSelector("tr.pat-token .pat-origin-builtin")).getAttribute("textContent"));
        assertTrue(browser.driver.findElement(By.cssSelector("tr.pat-token .pat-origin .assistive")).getAttribute("textContent")
                .startsWith("This token was created in Jira's built-in app. Rotate it"));
        violations.addAll(browser.axeViolations());
        assertEquals(List.of(), violations);
    }

    /** Whom {@code /rest/api/2/myself} serves for this Bearer token: a username, or "anonymous" (Jira's 401). */
    private static String whoAmI(String token) {
        HttpCall.Response r = HttpCall.to(host).get("/rest/api/2/myself").bearer(token).send();
        if (r.status == 401 && r.header("WWW-Authenticate") == null) {
            return "anonymous";
        }
        assertEquals(r.toString(), 200, r.status);
        return r.body.replaceAll(".*\"name\":\"([^\"]*)\".*", "$1");
    }
}
