package io.claimdesk.page;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.devtools.DevTools;
import org.openqa.selenium.devtools.v156.emulation.Emulation;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's Chromium, headless, driven by its own ChromeDriver (both given by path: Selenium Manager cannot download
 * here), with the flags this machine needs: no sandbox as root, no background connections to a network that refuses
 * them, a fresh profile. Its clock runs in {@link #ZONE}, eleven hours behind UTC, so that a date the page wrote in the
 * browser's zone instead of the marketplace's would show the day before.
 */
final class Browser implements AutoCloseable {

    static final Path CHROMIUM = Path.of(System.getProperty("claimdesk.chromium", "/usr/bin/chromium"));
    static final Path DRIVER = Path.of(System.getProperty("claimdesk.chromedriver", "/usr/bin/chromedriver"));
    static final String ZONE = "Pacific/Pago_Pago";
    static final Path SCREENSHOTS = Path.of("target", "screenshots");

    final ChromeDriver driver;
    final DevTools devTools;
    private final Path profile;

    private Browser(ChromeDriver driver, DevTools devTools, Path profile) {
        this.driver = driver;
        this.devTools = devTools;
        this.profile = profile;
    }

    static Browser start() throws IOException {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(DRIVER)) {
            fail("the browser tests need Chromium and its driver at " + CHROMIUM + " and " + DRIVER
                    + ": apt-get install -y chromium chromium-driver (.ci/run does it when they are missing)");
        }
        Path profile = Files.createTempDirectory("claimdesk-chromium");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic", "--disable-dev-shm-usage",
                "--user-data-dir=" + profile, "--window-size=1280,1000", "--lang=en-US");
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "en-US"));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile())
                .usingAnyFreePort().build();
        ChromeDriver driver = new ChromeDriver(service, options);
        DevTools devTools = driver.getDevTools();
        devTools.createSession();
        devTools.send(Emulation.setTimezoneOverride(ZONE));
        return new Browser(driver, devTools, profile);
    }

    WebElement waitFor(By locator) {
        return new WebDriverWait(driver, Duration.ofSeconds(15)).until(ExpectedConditions.visibilityOfElementLocated(locator));
    }

    void waitUntilText(By locator, String text) {
        new WebDriverWait(driver, Duration.ofSeconds(15)).until(ExpectedConditions.textToBePresentInElementLocated(locator, text));
    }

    Object script(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    Object asyncScript(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeAsyncScript(script, args);
    }

    void resize(int width, int height) {
        driver.manage().window().setSize(new Dimension(width, height));
    }

    /** A PNG of the whole page as a person sees it, under target/screenshots/. */
    Path screenshot(String name) throws IOException {
        Files.createDirectories(SCREENSHOTS);
        Number height = (Number) script("return Math.max(document.documentElement.scrollHeight, document.body.scrollHeight)");
        Dimension before = driver.manage().window().getSize();
        resize(before.getWidth(), Math.min(6000, height.intValue() + 140));
        Path file = SCREENSHOTS.resolve(name + ".png");
        Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
        resize(before.getWidth(), before.getHeight());
        return file;
    }

    Optional<String> sessionStorage(String key) {
        return Optional.ofNullable((String) script("return sessionStorage.getItem(arguments[0])", key));
    }

    @Override
    public void close() throws IOException {
        try {
            driver.quit();
        } finally {
            try (var files = Files.walk(profile)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
