package dev.jirapat.web;

import dev.jirapat.devhost.DevHost;
import org.junit.Assume;
import org.openqa.selenium.By;
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
