package dev.jirapat.web;

import dev.jirapat.devhost.DevHost;
import org.junit.Assume;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.time.Duration;

/**
 * Headless Debian Chromium through chromedriver, against a dev host; a test class opens one and shares it between
 * its tests (each test logs in afresh). Without Chromium the browser tier says
 * so in one line and is skipped; under CI it must run.
 */
final class Browser implements AutoCloseable {
    private static final Path CHROMIUM = Paths.get("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Paths.get("/usr/bin/chromedriver");
    private static final Path SCREENSHOTS = Paths.get("target", "screenshots");

    final WebDriver driver;
    private final DevHost host;
    private final Path profileDir;

    private Browser(DevHost host) throws IOException {
        this.host = host;
        this.profileDir = Files.createTempDirectory("pat-chromium");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--window-size=1400,1000", "--user-data-dir=" + profileDir);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        this.driver = new ChromeDriver(service, options);
        driver.manage().timeouts().implicitlyWait(Duration.ZERO);
    }

    /** A browser, or a skipped test (a failed one under CI) when Chromium and chromedriver are missing. */
    static Browser open(DevHost host) throws IOException {
        boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        String ci = System.getenv("CI");
        if (!present) {
            if (ci != null && !ci.isEmpty()) {
                throw new AssertionError("CI is set but " + CHROMIUM + " or " + CHROMEDRIVER
                        + " is missing: the browser tier must run in CI (.ci/run installs chromium and chromium-driver)");
            }
            System.out.println("[browser] browser tier skipped: install Debian's chromium and chromium-driver to run it");
            Assume.assumeTrue("Chromium is not installed", false);
        }
        return new Browser(host);
    }

    void go(String path) {
        driver.get(host.baseUri() + path);
    }

    void login(String user) {
        driver.manage().deleteAllCookies();
        go("/login.jsp");
        driver.findElement(By.id("login-form-username")).sendKeys(user);
        driver.findElement(By.id("login-form-password")).sendKeys(user);
        driver.findElement(By.id("login-form-submit")).click();
        waitFor(By.id("header-logout"));
    }

    WebElement waitFor(By by) {
        return new WebDriverWait(driver, Duration.ofSeconds(15)).until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    void waitUntilGone(By by) {
        new WebDriverWait(driver, Duration.ofSeconds(15)).until(ExpectedConditions.invisibilityOfElementLocated(by));
    }

    void waitForText(By by, String text) {
        new WebDriverWait(driver, Duration.ofSeconds(15)).until(ExpectedConditions.textToBePresentInElementLocated(by, text));
    }

    /**
     * What has keyboard focus, as "#id" when it has an id, else "tag.class1.class2 in tr[data-token-id=N]" (the
     * token row it sits in, if any): enough to tell which control of which row.
     */
    String focused() {
        return (String) ((JavascriptExecutor) driver).executeScript(
                "var e = document.activeElement; if (!e || e === document.body) { return 'body'; }"
                + "if (e.id) { return '#' + e.id; }"
                + "var row = e.closest('tr[data-token-id]');"
                + "return e.tagName.toLowerCase() + '.' + Array.from(e.classList).join('.')"
                + " + (row ? ' in tr[data-token-id=' + row.getAttribute('data-token-id') + ']' : '');");
    }

    /**
     * Accessibility problems a check by rule can find on what is visible now: a form control or button without
     * an accessible name (label, aria-label, aria-labelledby or text), an aria-labelledby or aria-describedby
     * naming no element, a dialog without a labelled title, an id used twice. Empty when there are none.
     */
    @SuppressWarnings("unchecked")
    java.util.List<String> accessibilityProblems() {
        return (java.util.List<String>) ((JavascriptExecutor) driver).executeScript(
                "var problems = [];"
                + "function visible(e) { return !!(e.offsetWidth || e.offsetHeight || e.getClientRects().length); }"
                + "function text(id) { var t = document.getElementById(id); return t ? t.textContent.trim() : null; }"
                + "function describe(e) { return e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + (e.className ? '.' + String(e.className).trim().split(/\\s+/).join('.') : ''); }"
                + "var seen = {};"
                + "document.querySelectorAll('[id]').forEach(function (e) {"
                + "  if (seen[e.id]) { problems.push('id used twice: ' + e.id); } seen[e.id] = true; });"
                + "document.querySelectorAll('input, select, textarea, button').forEach(function (e) {"
                + "  if (!visible(e) || e.type === 'hidden') { return; }"
                + "  var name = e.getAttribute('aria-label') || '';"
                + "  if (!name && e.getAttribute('aria-labelledby')) { name = e.getAttribute('aria-labelledby').split(/\\s+/).map(text).join(' '); }"
                + "  if (!name && e.labels && e.labels.length) { name = Array.from(e.labels).map(function (l) { return l.textContent; }).join(' '); }"
                + "  if (!name && e.tagName === 'BUTTON') { name = e.textContent; }"
                + "  if (!name.trim()) { problems.push('no accessible name: ' + describe(e)); } });"
                + "document.querySelectorAll('[aria-labelledby], [aria-describedby]').forEach(function (e) {"
                + "  ['aria-labelledby', 'aria-describedby'].forEach(function (a) {"
                + "    (e.getAttribute(a) || '').split(/\\s+/).filter(Boolean).forEach(function (id) {"
                + "      if (!document.getElementById(id)) { problems.push(a + ' names no element: ' + describe(e) + ' -> ' + id); } }); }); });"
                + "document.querySelectorAll('[role=dialog], [role=alertdialog]').forEach(function (d) {"
                + "  if (!visible(d)) { return; }"
                + "  var id = d.getAttribute('aria-labelledby');"
                + "  if (!id || !text(id)) { problems.push('dialog without a title: ' + describe(d)); } });"
                + "return problems;");
    }

    private static final Path AXE = Paths.get("target", "devhost-web", "node_modules", "axe-core", "axe.min.js");

    /**
     * Runs axe-core (installed for the tests only, from src/devhost/web/package-lock.json; never served by the
     * plugin) on the page as it is now, with the WCAG 2.0 and 2.1 A and AA rules. Returns one line per violation
     * (id, impact, the targets of its nodes); empty when there is none.
     */
    @SuppressWarnings("unchecked")
    java.util.List<String> axeViolations() throws IOException {
        JavascriptExecutor js = (JavascriptExecutor) driver;
        if (!Boolean.TRUE.equals(js.executeScript("return typeof window.axe === 'object';"))) {
            js.executeScript(new String(Files.readAllBytes(AXE), java.nio.charset.StandardCharsets.UTF_8));
        }
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
        Object result = js.executeAsyncScript(
                "var done = arguments[arguments.length - 1];"
                + "axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})"
                + ".then(function (r) { done(r.violations.map(function (v) {"
                + "  return v.id + ' (' + v.impact + '): ' + v.nodes.map(function (n) { return JSON.stringify(n.target); }).join(', ');"
                + "})); }, function (e) { done(['axe failed: ' + e]); });");
        return (java.util.List<String>) result;
    }

    /**
     * The ARIA state of an open dialog, checked directly (axe skips what aria-hidden hides): problems, empty when
     * the dialog is open, not aria-hidden, modal, labelled by a non-empty title, described when describedBy is
     * given, with a named close button, and focus inside it.
     */
    @SuppressWarnings("unchecked")
    java.util.List<String> openDialogProblems(String id, boolean described) {
        return (java.util.List<String>) ((JavascriptExecutor) driver).executeScript(
                "var d = document.getElementById(arguments[0]), described = arguments[1], p = [];"
                + "if (!d) { return ['no dialog ' + arguments[0]]; }"
                + "function text(ids) { return (ids || '').split(/\\s+/).filter(Boolean).map(function (i) {"
                + "  var t = document.getElementById(i); return t ? t.textContent.trim() : ''; }).join(' ').trim(); }"
                + "if (!d.hasAttribute('open')) { p.push('not open'); }"
                + "if (d.hasAttribute('hidden')) { p.push('hidden while open'); }"
                + "for (var e = d; e; e = e.parentElement) { if (e.getAttribute('aria-hidden') === 'true') { p.push('aria-hidden on ' + (e.id || e.tagName)); } }"
                + "if (d.getAttribute('aria-modal') !== 'true') { p.push('aria-modal is ' + d.getAttribute('aria-modal')); }"
                + "if (!/^(dialog|alertdialog)$/.test(d.getAttribute('role') || '')) { p.push('role is ' + d.getAttribute('role')); }"
                + "if (!text(d.getAttribute('aria-labelledby'))) { p.push('not labelled'); }"
                + "if (described && !text(d.getAttribute('aria-describedby'))) { p.push('not described'); }"
                + "var close = d.querySelector('.aui-close-button');"
                + "if (!close || !(close.getAttribute('aria-label') || close.textContent).trim()) { p.push('no named close button'); }"
                + "if (!d.contains(document.activeElement)) { p.push('focus outside'); }"
                + "return p;", id, described);
    }

    /** Problems of a closed dialog: empty when it is hidden with the hidden attribute (or not on the page). */
    boolean closedDialogHidden(String id) {
        return Boolean.TRUE.equals(((JavascriptExecutor) driver).executeScript(
                "var d = document.getElementById(arguments[0]); return !d || (d.hasAttribute('hidden') && !d.hasAttribute('open'));", id));
    }

    /** Starts recording the bodies of the page's XMLHttpRequests (until the next page load). */
    void recordRequests() {
        ((JavascriptExecutor) driver).executeScript(
                "window.__patRequests = [];"
                + "var open = XMLHttpRequest.prototype.open, send = XMLHttpRequest.prototype.send;"
                + "XMLHttpRequest.prototype.open = function (method, url) { this.__pat = {method: method, url: String(url)}; return open.apply(this, arguments); };"
                + "XMLHttpRequest.prototype.send = function (body) { if (this.__pat) { this.__pat.body = body == null ? null : String(body); window.__patRequests.push(this.__pat); } return send.apply(this, arguments); };");
    }

    /** The bodies of the recorded requests whose URL ends with {@code path}, oldest first. */
    @SuppressWarnings("unchecked")
    java.util.List<String> recordedBodies(String method, String path) {
        return (java.util.List<String>) ((JavascriptExecutor) driver).executeScript(
                "var method = arguments[0], path = arguments[1];"
                + "return (window.__patRequests || []).filter(function (r) { return r.method === method && r.url.endsWith(path); })"
                + ".map(function (r) { return r.body; });", method, path);
    }

    /**
     * The browser's time zone for this page and the next ones (Chromium's DevTools emulation), e.g. "Asia/Tokyo";
     * the empty string restores the machine's own.
     */
    void timeZone(String id) {
        ((org.openqa.selenium.chrome.ChromeDriver) driver).executeCdpCommand("Emulation.setTimezoneOverride",
                java.util.Map.of("timezoneId", id));
    }

    /** Saves a PNG under target/screenshots/. */
    void screenshot(String name) throws IOException {
        Files.createDirectories(SCREENSHOTS);
        File png = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
        Files.copy(png.toPath(), SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }

    @Override
    public void close() {
        driver.quit();
        try (java.util.stream.Stream<Path> files = Files.walk(profileDir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temp dir left behind is harmless
        }
    }
}
