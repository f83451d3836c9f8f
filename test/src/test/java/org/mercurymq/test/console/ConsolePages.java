package org.mercurymq.test.console;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import org.mercurymq.test.harness.JvmProcess;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * The console's pages in a headless Chromium (the distribution's {@code chromium} and {@code chromium-driver};
 * .ci/run installs them): start the browser, open a page, find, read and type by element id, screenshots to
 * test/target/console-screenshots. One per browser; not thread-safe.
 */
final class ConsolePages {
    static final Path CHROMIUM = Paths.get("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Paths.get("/usr/bin/chromedriver");
    static final Path SCREENSHOTS = JvmProcess.repoRoot().resolve("test/target/console-screenshots");

    final WebDriver driver;
    private final String baseUrl;

    ConsolePages(WebDriver driver, String baseUrl) {
        this.driver = driver;
        this.baseUrl = baseUrl;
    }

    /** True when both Chromium and its driver are installed; else prints why {@code test} skips. */
    static boolean chromiumAvailable(String test) {
        boolean ok = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if (!ok) {
            System.out.println("SKIP " + test + ": needs " + CHROMIUM + " and " + CHROMEDRIVER
                + " (Debian packages chromium and chromium-driver; .ci/run installs them)");
        }
        return ok;
    }

    /** A headless Chromium with its profile in {@code profile}. */
    static WebDriver startChromium(Path profile) throws IOException {
        Files.createDirectories(SCREENSHOTS);
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
            "--window-size=1400,1000", "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder()
            .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        return new ChromeDriver(service, options);
    }

    /** Loads the page afresh (going to another #hash of the loaded page would keep its forms and filters). */
    void open(String hash) {
        driver.get(baseUrl + "#" + hash);
        driver.navigate().refresh();
    }

    /**
     * The live pages redraw their tables every few seconds: an element found just before a redraw is stale when
     * read. Reads (or clicks) again until it works.
     */
    <T> T readStable(Callable<T> read) {
        return await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
            .ignoreExceptionsInstanceOf(StaleElementReferenceException.class).until(read, v -> v != null);
    }

    WebElement find(String id) {
        List<WebElement> found = driver.findElements(By.id(id));
        return found.isEmpty() ? null : found.get(0);
    }

    /** Replaces the text of the input with id {@code id}. */
    void type(String id, CharSequence text) {
        WebElement e = driver.findElement(By.id(id));
        e.clear();
        e.sendKeys(text);
    }

    String textOf(String id) {
        try {
            WebElement e = find(id);
            return e == null ? "" : e.getText();
        } catch (StaleElementReferenceException e) {
            // the page replaced the element between finding and reading it: read again on the next poll
            return "";
        }
    }

    void screenshot(String name) throws IOException {
        Files.write(SCREENSHOTS.resolve(name + ".png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
    }
}
