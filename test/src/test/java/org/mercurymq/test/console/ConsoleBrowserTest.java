package org.mercurymq.test.console;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.alibaba.fastjson2.JSON;
import com.alibaba.fastjson2.JSONArray;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.concurrent.Callable;
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
import org.mercurymq.common.subscription.SubscriptionGroupConfig;
import org.mercurymq.console.login.ConsoleUsers;
import org.mercurymq.console.login.Role;
import org.mercurymq.test.harness.MercuryCluster;
import org.mercurymq.tools.admin.DefaultMQAdminExt;
import org.mercurymq.tools.command.MQAdminStartup;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/**
 * The console's pages in headless Chromium ({@link ConsolePages}), against a live cluster in child JVMs. Screenshots
 * go to test/target/console-screenshots.
 */
class ConsoleBrowserTest {
    static final Path SCREENSHOTS = ConsolePages.SCREENSHOTS;

    @TempDir
    static Path dir;
    static MercuryCluster cluster;
    static ConsoleProcess console;
    static WebDriver driver;
    static ConsolePages pages;

    @BeforeAll
    static void start() throws IOException {
        Assumptions.assumeTrue(ConsolePages.chromiumAvailable("ConsoleBrowserTest"),
            "no headless Chromium: install the packages chromium and chromium-driver");
        Files.createDirectories(SCREENSHOTS);
        // a failure picture of an earlier run must not be mistaken for this one's
        Files.deleteIfExists(SCREENSHOTS.resolve("failure.png"));
        Files.deleteIfExists(SCREENSHOTS.resolve("failure.html"));
        cluster = MercuryCluster.start(dir.resolve("cluster"));
        console = ConsoleProcess.start(dir.resolve("console"), cluster.namesrvAddress());
        driver = ConsolePages.startChromium(dir.resolve("chrome-profile"));
        pages = new ConsolePages(driver, console.baseUrl());
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
        withFailurePicture(this::walkThroughThePages);
    }

    @Test
    void groupIsResetSortedCreatedAndDeletedFromTheConsumersPage() throws Exception {
        withFailurePicture(this::groupOperations);
    }

    @Test
    void lagChartRisesWhileTheGroupIsNotConsuming() throws Exception {
        withFailurePicture(this::lagChart);
    }

    @Test
    void withLoginOnAViewerLogsInThroughTheFormAndSeesNoWriteForms() throws Exception {
        Path users = Files.writeString(dir.resolve("console-users.properties"), String.join("\n",
            ConsoleUsers.line("admin", Role.ADMIN, "admin-pw".toCharArray()),
            ConsoleUsers.line("viewer", Role.VIEWER, "viewer-pw".toCharArray()), ""), StandardCharsets.UTF_8);
        try (ConsoleProcess login = ConsoleProcess.start(dir.resolve("console-login"), cluster.namesrvAddress(),
            Map.of("console.login.enabled", "true", "console.login.usersFile", users.toString()))) {
            withFailurePicture(() -> {
                driver.get(login.baseUrl() + "#cluster");
                driver.navigate().refresh();
                logInThroughTheForm("viewer", "wrong");
                await().atMost(Duration.ofSeconds(30)).until(() -> textOf("login-status"), t -> t.contains("Wrong user name or password"));
                logInThroughTheForm("viewer", "viewer-pw");
                await().atMost(Duration.ofSeconds(60)).until(() -> textOf("cluster-table").contains(cluster.brokerAddress()));
                assertEquals("viewer (viewer)", textOf("who-user"));
                screenshot("login-viewer-cluster");
                driver.get(login.baseUrl() + "#topics");
                await().atMost(Duration.ofSeconds(30)).until(() -> find("create-topic-form") != null);
                assertTrue(!find("create-topic-form").isDisplayed(), "a viewer does not see the create form");

                driver.findElement(By.id("logout")).click();
                await().atMost(Duration.ofSeconds(30)).until(() -> find("login-form") != null);
                logInThroughTheForm("admin", "admin-pw");
                await().atMost(Duration.ofSeconds(30)).until(() -> find("create-topic-form") != null
                    && find("create-topic-form").isDisplayed());
                assertEquals("admin (admin)", textOf("who-user"));
            });
        }
    }

    private static void logInThroughTheForm(String user, String password) {
        WebElement name = await().atMost(Duration.ofSeconds(30)).until(() -> find("login-user"), e -> e != null);
        name.clear();
        name.sendKeys(user);
        type("login-password", password);
        driver.findElement(By.id("login-submit")).click();
    }

    @Test
    void producersPageShowsAnOnlineProducer() throws Exception {
        withFailurePicture(() -> {
            String topic = createTopic("ProducerPageTopic", 1);
            String group = "console_browser_producer_" + System.nanoTime();
            try (OfficialSender producer = OfficialSender.start(cluster.namesrvAddress(), group)) {
                producer.send(topic, "p", "hello");
                openPage("producers");
                // the broker lists the producer after its next heartbeat (at most 30 s): ask until it shows
                await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(2)).until(() -> {
                    WebElement g = find("producer-group");
                    if (g == null) {
                        return false;
                    }
                    g.clear();
                    g.sendKeys(group);
                    type("producer-topic", topic);
                    driver.findElement(By.id("producer-submit")).click();
                    return textOf("producer-table").contains(producer.clientId());
                });
                assertTrue(textOf("producer-table").contains("JAVA"));
                assertTrue(textOf("producer-table").contains("V4_9_7"));
                screenshot("producers");
            }
        });
    }

    @Test
    void messagesByTimeShowTheBodyAsTextJsonAndHexAndOneIsResent() throws Exception {
        withFailurePicture(this::messagesByTime);
    }

    @Test
    void clusterTopicsAndConsumersPagesRefreshThemselves() throws Exception {
        withFailurePicture(this::liveRefresh);
    }

    @Test
    void topicPageSendsATestMessageAndDeletesTheTopic() throws Exception {
        withFailurePicture(() -> {
            String topic = createTopic("SendPageTopic", 1);
            openPage("topics");
            await().atMost(Duration.ofSeconds(30)).until(() -> textOf("topic-table").contains(topic));
            driver.findElement(By.id("topic-search")).sendKeys(topic);
            readStable(() -> {
                driver.findElement(By.linkText(topic)).click();
                return true;
            });
            WebElement body = await().atMost(Duration.ofSeconds(30)).until(() -> find("send-body"), e -> e != null);
            driver.findElement(By.id("send-key")).sendKeys("page-key");
            body.sendKeys("typed on the page");
            driver.findElement(By.id("send-submit")).click();
            await().atMost(Duration.ofSeconds(30)).until(() -> textOf("send-status"), t -> t.startsWith("SEND_OK"));
            // the open topic's offsets follow by themselves: its one queue now ends at 1
            await().atMost(Duration.ofSeconds(30)).until(() -> readStable(() -> column("offsets-table", 3)), c -> c.equals(List.of(1L)));
            assertEquals("typed on the page", driver.findElement(By.id("send-body")).getAttribute("value"),
                "a refresh leaves the form as typed");
            screenshot("topic-send");

            driver.findElement(By.id("delete-topic-submit")).click();
            driver.switchTo().alert().accept();
            await().atMost(Duration.ofSeconds(30)).until(() -> textOf("delete-topic-status"), t -> t.startsWith("Deleted from"));
            await().atMost(Duration.ofSeconds(60)).until(() -> !mqadmin("topicList", "-n", cluster.namesrvAddress()).contains(topic));
        });
    }

    private interface Steps {
        void run() throws Exception;
    }

    private static void withFailurePicture(Steps steps) throws Exception {
        try {
            steps.run();
        } catch (Exception | AssertionError e) {
            // what the browser showed when it failed, beside the screenshots
            screenshot("failure");
            Files.writeString(SCREENSHOTS.resolve("failure.html"), driver.getPageSource());
            throw e;
        }
    }

    private void groupOperations() throws Exception {
        // one queue: the broker resets only a group with an offset on every queue, and an empty queue's offset
        // is committed only when the consumer's long poll on it ends
        String topic = createTopic("GroupOpsTopic", 1);
        long before = System.currentTimeMillis() - 1000;
        for (int i = 0; i < 3; i++) {
            OfficialSender.send(cluster.namesrvAddress(), topic, "ops-" + i, "body " + i);
        }
        String group = "console_ops_" + System.nanoTime();
        try (OfficialConsumer consumer = OfficialConsumer.start(cluster.namesrvAddress(), group, topic)) {
            await().atMost(Duration.ofSeconds(60)).until(() -> consumer.count() >= 3);
            // the broker resets only a group that has committed offsets (as RocketMQ's: "consumer group not exist")
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                HttpResponse<String> r = console.get("api/consumer?group=" + group);
                return r.statusCode() == 200 && Long.valueOf(0).equals(JSON.parseObject(r.body()).getLong("lag"));
            });
            openGroup(group);
            WebElement resetTopic = await().atMost(Duration.ofSeconds(30)).until(() -> find("reset-topic"), e -> e != null);
            resetTopic.clear();
            resetTopic.sendKeys(topic);
            type("reset-time", String.valueOf(before));
            driver.findElement(By.id("reset-submit")).click();
            driver.switchTo().alert().accept();
            await().atMost(Duration.ofSeconds(30)).until(() -> textOf("reset-status"), t -> t.startsWith("Reset"));
            // the online consumer was told and reads the three messages again
            await().atMost(Duration.ofSeconds(60)).until(() -> consumer.deliveriesOf("ops-0") >= 2
                && consumer.deliveriesOf("ops-1") >= 2 && consumer.deliveriesOf("ops-2") >= 2);
            screenshot("consumer-reset");
            // the online client's own report: its subscription and queues
            readStable(() -> {
                find("consumer-clients").findElement(By.tagName("a")).click();
                return true;
            });
            await().atMost(Duration.ofSeconds(30)).until(() -> textOf("client-subscriptions").contains(topic)
                && textOf("client-queues").contains(topic));
            screenshot("consumer-client");
        }
        // a group created through the form, after a confirmation (deleted from its detail below)
        String created = "console_form_group_" + System.nanoTime();
        openPage("consumers");
        await().atMost(Duration.ofSeconds(30)).until(() -> find("new-group") != null);
        driver.findElement(By.id("new-group")).sendKeys(created);
        type("new-group-retry", "5");
        driver.findElement(By.id("new-group-consume")).click();
        driver.findElement(By.id("new-group-submit")).click();
        driver.switchTo().alert().accept();
        await().atMost(Duration.ofSeconds(30)).until(() -> textOf("new-group-status"), t -> t.startsWith("Saved on"));
        // offline now: two more messages make a lag of 2, the highest of the list
        for (int i = 3; i < 5; i++) {
            OfficialSender.send(cluster.namesrvAddress(), topic, "ops-" + i, "body " + i);
        }
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(2)).until(() -> {
            openPage("consumers");
            WebElement lagOption = await().atMost(Duration.ofSeconds(10)).until(
                () -> driver.findElements(By.cssSelector("#consumer-sort option[value=lag]")).stream().findFirst().orElse(null),
                e -> e != null);
            lagOption.click();
            List<String> first = readStable(() -> firstRow("consumer-table"));
            return first.size() >= 3 && first.get(0).equals(group) && first.get(2).equals("2")
                && textOf("consumer-table").contains(created);
        });
        List<Long> lags = readStable(() -> column("consumer-table", 2));
        for (int i = 1; i < lags.size(); i++) {
            assertTrue(lags.get(i - 1) >= lags.get(i), "sorted by lag, highest first: " + lags);
        }
        driver.findElement(By.cssSelector("#consumer-sort option[value=tps]")).click();
        List<Long> tps = readStable(() -> column("consumer-table", 1));
        for (int i = 1; i < tps.size(); i++) {
            assertTrue(tps.get(i - 1) >= tps.get(i), "sorted by TPS, highest first: " + tps);
        }
        screenshot("consumers-sorted");
        driver.findElement(By.cssSelector("#consumer-sort option[value=group]")).click();
        String byName = readStable(() -> find("consumer-table").getText());
        assertTrue(byName.indexOf(created) < byName.indexOf(group), "by name the form's group comes first: " + byName);

        // the created group is deleted from its detail, after a confirmation
        DefaultMQAdminExt admin = new DefaultMQAdminExt(
            "console_browser_admin_" + System.nanoTime());
        admin.setNamesrvAddr(cluster.namesrvAddress());
        admin.start();
        try {
            SubscriptionGroupConfig c =
                admin.examineSubscriptionGroupConfig(cluster.brokerAddress(), created);
            assertTrue(c != null && c.getRetryMaxTimes() == 5 && !c.isConsumeEnable(), String.valueOf(c));
            openGroup(created);
            await().atMost(Duration.ofSeconds(30)).until(() -> textOf("group-config").contains("false"));
            driver.findElement(By.id("delete-group-submit")).click();
            driver.switchTo().alert().accept();
            await().atMost(Duration.ofSeconds(30)).until(() -> textOf("delete-group-status"), t -> t.startsWith("Deleted from"));
            assertEquals(null, admin.examineSubscriptionGroupConfig(cluster.brokerAddress(), created));
        } finally {
            admin.shutdown();
        }
    }

    private void lagChart() throws Exception {
        String topic = createTopic("LagTopic", 1);
        String group = "console_lag_" + System.nanoTime();
        OfficialSender.send(cluster.namesrvAddress(), topic, "lag-0", "first");
        try (OfficialConsumer consumer = OfficialConsumer.start(cluster.namesrvAddress(), group, topic)) {
            await().atMost(Duration.ofSeconds(60)).until(() -> consumer.count() >= 1);
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                HttpResponse<String> r = console.get("api/consumer/lag?group=" + group);
                return r.statusCode() == 200 && JSON.parseObject(r.body()).getLongValue("lag") == 0;
            });
        }
        // the consumer is shut down: what is sent now only adds to the lag
        openGroup(group);
        await().atMost(Duration.ofSeconds(30)).until(() -> lastLag() != null);
        long before = lastLag();
        assertEquals(0, before, "nothing waits yet");
        assertTrue(!driver.findElements(By.cssSelector("#consumer-lag-chart canvas")).isEmpty(), "uPlot drew the chart");
        for (int i = 1; i <= 3; i++) {
            OfficialSender.send(cluster.namesrvAddress(), topic, "lag-" + i, "waiting " + i);
        }
        // no reload: the page reads the lag every 5 s and the chart's last point follows
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1))
            .until(ConsoleBrowserTest::lastLag, lag -> lag != null && lag == before + 3);
        int points = Integer.parseInt(find("consumer-lag-chart").getAttribute("data-points"));
        assertTrue(points >= 2, "the chart has the readings before and after: " + points);
        assertTrue(textOf("consumer-queues").contains(topic));
        screenshot("consumer-lag-chart");

        // reloaded, the chart starts from the console's own samples, not from one point
        openGroup(group);
        int afterReload = Integer.parseInt(find("consumer-lag-chart").getAttribute("data-points"));
        assertTrue(afterReload >= 2, "the console's lag history is drawn at once: " + afterReload + " point(s)");
        assertEquals(before + 3, lastLag());
    }

    private void messagesByTime() throws Exception {
        String topic = createTopic("TimeQueryTopic", 1);
        String group = "console_resend_" + System.nanoTime();
        long begin = System.currentTimeMillis() - 1000;
        String key = "json-" + System.nanoTime();
        String body = "{\"a\":1,\"html\":\"<img src=x onerror=window.__xss=3>\"}";
        try (OfficialConsumer consumer = OfficialConsumer.start(cluster.namesrvAddress(), group, topic)) {
            OfficialSender.send(cluster.namesrvAddress(), topic, key, body);
            await().atMost(Duration.ofSeconds(60)).until(() -> consumer.deliveriesOf(key) == 1);
            long end = System.currentTimeMillis() + 1000;

            openPage("messages");
            WebElement t = await().atMost(Duration.ofSeconds(30)).until(() -> find("msg-topic3"), e -> e != null);
            t.sendKeys(topic);
            type("msg-begin", String.valueOf(begin));
            type("msg-end", String.valueOf(end));
            driver.findElement(By.id("msg-time-submit")).click();
            await().atMost(Duration.ofSeconds(30)).until(() -> textOf("msg-table").contains(key));
            assertEquals("1 message(s), newest first", textOf("msg-count"));
            driver.findElement(By.cssSelector("#msg-table tbody a")).click();
            await().atMost(Duration.ofSeconds(30)).until(() -> textOf("msg-body"), body::equals);

            driver.findElement(By.cssSelector("#msg-body-view option[value=json]")).click();
            assertEquals("{\n  \"a\": 1,\n  \"html\": \"<img src=x onerror=window.__xss=3>\"\n}", textOf("msg-body"));
            driver.findElement(By.cssSelector("#msg-body-view option[value=hex]")).click();
            // {"a":1,  is 7b 22 61 22 3a 31 2c
            assertTrue(textOf("msg-body").startsWith("00000000  7b 22 61 22 3a 31 2c"), textOf("msg-body"));
            assertEquals(List.of(), driver.findElements(By.cssSelector("#msg-body *")), "the body created no elements");
            assertEquals(Boolean.TRUE, ((JavascriptExecutor) driver).executeScript("return window.__xss === undefined;"));
            screenshot("messages-hex");
            await().atMost(Duration.ofSeconds(30)).until(() -> textOf("msg-track"), text -> text.contains(group));
            // this cluster has no trace topic and these clients trace nothing: the section says so, no error
            await().atMost(Duration.ofSeconds(30)).until(() -> find("msg-detail").getText().contains("No trace records"));

            // resend it to the group, after a confirmation: the online consumer gets it a second time
            driver.findElement(By.id("resend-group")).sendKeys(group);
            driver.findElement(By.id("resend-submit")).click();
            driver.switchTo().alert().accept();
            await().atMost(Duration.ofSeconds(30)).until(() -> textOf("resend-status"), s -> s.startsWith("CR_SUCCESS"));
            await().atMost(Duration.ofSeconds(30)).until(() -> consumer.deliveriesOf(key) == 2);
        }
    }

    private void liveRefresh() throws Exception {
        // Topics: a topic created elsewhere appears without a reload
        openPage("topics");
        await().atMost(Duration.ofSeconds(30)).until(() -> find("topic-table") != null);
        String topic = createTopic("LiveTopic", 1);
        await().atMost(Duration.ofSeconds(30)).until(() -> textOf("topic-table").contains(topic));
        assertTrue(Integer.parseInt(find("live-status").getAttribute("data-refreshes")) >= 1);

        // Consumers: a group that starts consuming appears without a reload
        openPage("consumers");
        await().atMost(Duration.ofSeconds(30)).until(() -> find("consumer-table") != null);
        String group = "console_live_" + System.nanoTime();
        OfficialSender.send(cluster.namesrvAddress(), topic, "live-0", "live");
        try (OfficialConsumer consumer = OfficialConsumer.start(cluster.namesrvAddress(), group, topic)) {
            await().atMost(Duration.ofSeconds(60)).until(() -> consumer.count() >= 1);
            await().atMost(Duration.ofSeconds(60)).until(() -> textOf("consumer-table").contains(group));
        }

        // Cluster: the broker's commit-log max offset grows as messages are stored, without a reload
        openPage("cluster");
        await().atMost(Duration.ofSeconds(30)).until(() -> textOf("cluster-table").contains(cluster.brokerAddress()));
        long before = readStable(() -> column("cluster-table", 8)).get(0);
        for (int i = 1; i <= 3; i++) {
            OfficialSender.send(cluster.namesrvAddress(), topic, "live-" + i, "live " + i);
        }
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(1))
            .until(() -> readStable(() -> column("cluster-table", 8)).get(0), max -> max > before);
        assertTrue(readStable(() -> find("cluster-table").getText()).matches("(?s).*\\d+(\\.\\d)?%.*"),
            "the disk use shows as a percentage");
        screenshot("cluster-live");

        // a hidden tab reads nothing; shown again, it reads again (the page's visibility is faked: headless
        // Chromium's tab is always visible)
        JavascriptExecutor js = (JavascriptExecutor) driver;
        js.executeScript("Object.defineProperty(document, 'hidden', {value: true, configurable: true});"
            + "document.dispatchEvent(new Event('visibilitychange'));");
        String hiddenAt = find("live-status").getAttribute("data-refreshes");
        await().during(Duration.ofSeconds(12)).atMost(Duration.ofSeconds(20))
            .until(() -> find("live-status").getAttribute("data-refreshes"), hiddenAt::equals);
        js.executeScript("Object.defineProperty(document, 'hidden', {value: false, configurable: true});"
            + "document.dispatchEvent(new Event('visibilitychange'));");
        await().atMost(Duration.ofSeconds(30)).until(() -> find("live-status").getAttribute("data-refreshes"), n -> !hiddenAt.equals(n));

        // the broker's address opens its configuration, which a filter narrows (and a refresh leaves open)
        readStable(() -> {
            driver.findElement(By.linkText(cluster.brokerAddress())).click();
            return true;
        });
        await().atMost(Duration.ofSeconds(30)).until(() -> textOf("broker-config").contains("brokerClusterName"));
        assertTrue(textOf("broker-config").contains(cluster.brokerName()), textOf("broker-config"));
        driver.findElement(By.id("broker-config-filter")).sendKeys("listenPort");
        await().atMost(Duration.ofSeconds(10)).until(() -> textOf("broker-config"),
            t -> t.contains("listenPort") && !t.contains("brokerClusterName"));
        screenshot("broker-config");
    }

    private static Long lastLag() {
        WebElement chart = find("consumer-lag-chart");
        String v = chart == null ? null : chart.getAttribute("data-last-lag");
        return v == null || v.isEmpty() ? null : Long.valueOf(v);
    }

    /** Opens the Consumers page until the group is listed, then its detail. */
    private static void openGroup(String group) {
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(2))
            .ignoreExceptionsMatching(ConsoleBrowserTest::redrawn).until(() -> {
                openPage("consumers");
                WebElement link = await().atMost(Duration.ofSeconds(10)).until(() -> find("consumer-table"), e -> e != null)
                    .findElements(By.linkText(group)).stream().findFirst().orElse(null);
                if (link == null) {
                    return false;
                }
                link.click();
                return await().atMost(Duration.ofSeconds(10)).until(() -> find("delete-group-form"), e -> e != null) != null;
            });
    }

    private static List<String> firstRow(String tableId) {
        List<WebElement> rows = driver.findElements(By.cssSelector("#" + tableId + " tbody tr"));
        return rows.isEmpty() ? List.of()
            : rows.get(0).findElements(By.tagName("td")).stream().map(WebElement::getText).collect(Collectors.toList());
    }

    /** The numbers of one column; a cell that is not a number (an error, "-") counts as -1, as the page sorts it. */
    private static List<Long> column(String tableId, int index) {
        List<Long> out = new ArrayList<>();
        for (WebElement row : driver.findElements(By.cssSelector("#" + tableId + " tbody tr"))) {
            String text = row.findElements(By.tagName("td")).get(index).getText().trim();
            out.add(text.matches("-?\\d+(\\.\\d+)?") ? Math.round(Double.parseDouble(text)) : -1L);
        }
        return out;
    }

    private static String createTopic(String prefix, int queues) throws Exception {
        String topic = prefix + System.nanoTime();
        String clusterName = await().atMost(Duration.ofSeconds(60)).until(() -> {
            JSONArray clusters = JSON.parseObject(console.get("api/cluster").body())
                .getJSONArray("clusters");
            return clusters.isEmpty() ? null : clusters.getJSONObject(0).getString("name");
        }, n -> n != null);
        HttpResponse<String> r = console.postJson("api/topics", Map.of("topic", topic,
            "cluster", clusterName, "readQueueNums", queues, "writeQueueNums", queues, "perm", 6));
        assertEquals(200, r.statusCode(), r.body());
        return topic;
    }

    private void walkThroughThePages() throws Exception {
        // Cluster: the broker's address and runtime numbers
        // The page fills the table from an API call after it loads: look for the broker every second and reload
        // only every fifth look (the broker may not have registered yet), never check right after a reload.
        openPage("cluster");
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
        openPage("topics");
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
        readStable(() -> {
            driver.findElement(By.linkText(topic)).click();
            return true;
        });
        await().atMost(Duration.ofSeconds(30)).until(() -> textOf("offsets-table").contains("Max offset"));
        screenshot("topics");

        // Messages: find it by key, the body shows as text and nothing ran
        openPage("messages");
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1)).until(() -> {
            WebElement t = find("msg-topic");
            if (t == null) {
                return false;
            }
            t.clear();
            t.sendKeys(topic);
            type("msg-key", key);
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
                .ignoreExceptionsMatching(ConsoleBrowserTest::redrawn).until(() -> {
                openPage("consumers");
                WebElement link = await().atMost(Duration.ofSeconds(10)).until(() -> find("consumer-table"), e -> e != null)
                    .findElements(By.linkText(group)).stream().findFirst().orElse(null);
                if (link == null) {
                    return false;
                }
                link.click();
                return await().atMost(Duration.ofSeconds(10)).until(() -> textOf("consumer-queues"), t -> !t.isEmpty())
                    .contains(topic);
            });
            assertTrue(textOf("group-consumption").contains("CONSUME_FROM_FIRST_OFFSET"), textOf("group-consumption"));
            assertTrue(textOf("group-subscriptions").contains(topic), textOf("group-subscriptions"));
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

    /** Loads the page afresh (going to another #hash of the loaded page would keep its forms and filters). */
    private static void openPage(String hash) {
        pages.open(hash);
    }

    /**
     * The live pages redraw their tables every few seconds: an element found just before a redraw is stale when
     * read. Reads (or clicks) again until it works.
     */
    private static <T> T readStable(Callable<T> read) {
        return pages.readStable(read);
    }

    /** A step that failed because the page was being redrawn or its answer was late: try it again. */
    private static boolean redrawn(Throwable e) {
        return e instanceof ConditionTimeoutException || e instanceof StaleElementReferenceException;
    }

    private static WebElement find(String id) {
        return pages.find(id);
    }

    /** Replaces the text of the input with id {@code id}. */
    private static void type(String id, CharSequence text) {
        pages.type(id, text);
    }

    private static String textOf(String id) {
        return pages.textOf(id);
    }

    private static void screenshot(String name) throws IOException {
        pages.screenshot(name);
    }

    private static String mqadmin(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8)) {
            MQAdminStartup.run(args, o, o);
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
