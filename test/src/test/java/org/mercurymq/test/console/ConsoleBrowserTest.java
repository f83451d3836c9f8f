package org.mercurymq.test.console;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.rocketmq.client.consumer.DefaultMQPushConsumer;
import org.apache.rocketmq.client.consumer.listener.ConsumeConcurrentlyStatus;
import org.apache.rocketmq.client.consumer.listener.MessageListenerConcurrently;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mercurymq.test.harness.JvmProcess;
import org.mercurymq.test.harness.MercuryCluster;
import org.mercurymq.tools.command.MQAdminStartup;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * The console's pages in headless Chromium (the distribution's {@code chromium} and {@code chromium-driver}
 * packages; .ci/run installs them), against a live cluster in child JVMs. Screenshots go to
 * test/target/console-screenshots.
 */
class ConsoleBrowserTest {
    static final Path CHROMIUM = Paths.get("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Paths.get("/usr/bin/chromedriver");
    static final Path SCREENSHOTS = JvmProcess.repoRoot().resolve("test/target/console-screenshots");

    @TempDir
    static Path dir;
    static MercuryCluster cluster;
    static ConsoleProcess console;
    static WebDriver driver;

    @BeforeAll
    static void start() throws IOException {
        boolean browser = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if (!browser) {
            System.out.println("SKIP ConsoleBrowserTest: needs " + CHROMIUM + " and " + CHROMEDRIVER
                + " (Debian packages chromium and chromium-driver; .ci/run installs them)");
        }
        Assumptions.assumeTrue(browser, "no headless Chromium: install the packages chromium and chromium-driver");
        Files.createDirectories(SCREENSHOTS);
        // a failure picture of an earlier run must not be mistaken for this one's
        Files.deleteIfExists(SCREENSHOTS.resolve("failure.png"));
        Files.deleteIfExists(SCREENSHOTS.resolve("failure.html"));
        cluster = MercuryCluster.start(dir.resolve("cluster"));
        console = ConsoleProcess.start(dir.resolve("console"), cluster.namesrvAddress());
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
            "--window-size=1400,1000", "--user-data-dir=" + dir.resolve("chrome-profile"));
        ChromeDriverService service = new ChromeDriverService.Builder()
            .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
    }

    @AfterAll
    static void stop() {
        if (driver != null) {
            driver.quit();
        }
        if (console != null) {
            console.close();
        }
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void everyPageRendersRealDataAndABodyWithScriptStaysText() throws Exception {
        try {
            walkThroughThePages();
        } catch (Exception | AssertionError e) {
            // what the browser showed when it failed, beside the screenshots
            screenshot("failure");
            Files.writeString(SCREENSHOTS.resolve("failure.html"), driver.getPageSource());
            throw e;
        }
    }

    private void walkThroughThePages() throws Exception {
        // Cluster: the broker's address and runtime numbers
        // The page fills the table from an API call after it loads: look for the broker every second and reload
        // only every fifth look (the broker may not have registered yet), never check right after a reload.
        driver.get(console.baseUrl() + "#cluster");
        AtomicInteger looks = new AtomicInteger();
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1)).until(() -> {
            if (textOf("cluster-table").contains(cluster.brokerAddress())) {
                return true;
            }
            if (looks.incrementAndGet() % 5 == 0) {
                driver.navigate().refresh();
            }
            return false;
        });
        assertTrue(textOf("cluster-table").contains("MASTER"));
        screenshot("cluster");

        // Topics: create one through the form, with its confirmation
        String topic = "BrowserTopic" + System.nanoTime();
        driver.get(console.baseUrl() + "#topics");
        WebElement name = await().atMost(Duration.ofSeconds(30)).until(() -> find("new-topic"), e -> e != null);
        name.sendKeys(topic);
        driver.findElement(By.id("new-topic-submit")).click();
        driver.switchTo().alert().accept();
        await().atMost(Duration.ofSeconds(30)).until(() -> textOf("new-topic-status").startsWith("Saved on"));
        await().atMost(Duration.ofSeconds(60)).until(() -> mqadmin("topicList", "-n", cluster.namesrvAddress()).contains(topic));

        // a message whose body and property try to inject markup
        String key = "browser-key-" + System.nanoTime();
        String body = "<script>window.__xss=1</script><img src=x onerror=\"window.__xss=2\">payload";
        OfficialSender.send(cluster.namesrvAddress(), topic, key, body);

        driver.navigate().refresh();
        await().atMost(Duration.ofSeconds(30)).until(() -> find("topic-search") != null);
        driver.findElement(By.id("topic-search")).sendKeys(topic);
        driver.findElement(By.linkText(topic)).click();
        await().atMost(Duration.ofSeconds(30)).until(() -> textOf("offsets-table").contains("Max offset"));
        screenshot("topics");

        // Messages: find it by key, the body shows as text and nothing ran
        driver.get(console.baseUrl() + "#messages");
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1)).until(() -> {
            WebElement t = find("msg-topic");
            if (t == null) {
                return false;
            }
            t.clear();
            t.sendKeys(topic);
            WebElement k = driver.findElement(By.id("msg-key"));
            k.clear();
            k.sendKeys(key);
            driver.findElement(By.id("msg-key-submit")).click();
            // the result arrives from an API call: give it a few seconds before querying again
            try {
                return await().atMost(Duration.ofSeconds(5)).until(() -> textOf("msg-body"), body::equals) != null;
            } catch (ConditionTimeoutException e) {
                return false;
            }
        });
        assertEquals(List.of(), driver.findElements(By.cssSelector("#msg-body *")), "the body created no elements");
        assertEquals(Boolean.TRUE, ((JavascriptExecutor) driver).executeScript("return window.__xss === undefined;"),
            "no script from the body ran");
        assertTrue(textOf("msg-properties").contains("<b>not bold</b>"));
        screenshot("messages");

        // Consumers: an official push consumer reads the topic; its group shows with its queues
        String group = "console_browser_group_" + System.nanoTime();
        AtomicInteger consumed = new AtomicInteger();
        DefaultMQPushConsumer consumer = new DefaultMQPushConsumer(group);
        consumer.setNamesrvAddr(cluster.namesrvAddress());
        consumer.setInstanceName(group);
        consumer.setPersistConsumerOffsetInterval(1000);
        consumer.subscribe(topic, "*");
        consumer.setConsumeFromWhere(org.apache.rocketmq.common.consumer.ConsumeFromWhere.CONSUME_FROM_FIRST_OFFSET);
        consumer.registerMessageListener((MessageListenerConcurrently) (msgs, ctx) -> {
            consumed.addAndGet(msgs.size());
            return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
        });
        consumer.start();
        try {
            await().atMost(Duration.ofSeconds(60)).until(() -> consumed.get() >= 1);
            // the group shows once the consumer has committed an offset; until then its stats say so
            await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(2))
                .ignoreExceptionsInstanceOf(ConditionTimeoutException.class).until(() -> {
                driver.get(console.baseUrl() + "#consumers");
                driver.navigate().refresh();
                WebElement link = await().atMost(Duration.ofSeconds(10)).until(() -> find("consumer-table"), e -> e != null)
                    .findElements(By.linkText(group)).stream().findFirst().orElse(null);
                if (link == null) {
                    return false;
                }
                link.click();
                return await().atMost(Duration.ofSeconds(10)).until(() -> textOf("consumer-queues"), t -> !t.isEmpty())
                    .contains(topic);
            });
            screenshot("consumers");
        } finally {
            consumer.shutdown();
        }

        // Dashboard (the default page): the broker's counts and the trend charts drawn by uPlot on canvases;
        // the page re-reads the statistics by itself every few seconds, so no reload is needed
        driver.get(console.baseUrl());
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).until(() ->
            textOf("dashboard-brokers").contains(cluster.brokerAddress())
                && textOf("dashboard-topics").contains(topic)
                && !driver.findElements(By.cssSelector("#dashboard-broker-chart canvas")).isEmpty()
                && !driver.findElements(By.cssSelector("#dashboard-topic-chart canvas")).isEmpty());
        screenshot("dashboard");
    }

    private static WebElement find(String id) {
        List<WebElement> found = driver.findElements(By.id(id));
        return found.isEmpty() ? null : found.get(0);
    }

    private static String textOf(String id) {
        try {
            WebElement e = find(id);
            return e == null ? "" : e.getText();
        } catch (StaleElementReferenceException e) {
            // the page replaced the element between finding and reading it: read again on the next poll
            return "";
        }
    }

    private static void screenshot(String name) throws IOException {
        Files.write(SCREENSHOTS.resolve(name + ".png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
    }

    private static String mqadmin(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8)) {
            MQAdminStartup.run(args, o, o);
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
