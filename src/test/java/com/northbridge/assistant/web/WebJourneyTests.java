package com.northbridge.assistant.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import com.northbridge.assistant.knowledge.KnowledgeIngestion;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The pages as people use them, in headless Chromium (Debian's chromium and chromium-driver, installed by
 * scripts/setup-test-tools; nothing is downloaded): a customer asks, sees cited sources and opens one, asks
 * for a transfer and sees it pending; a reviewer finds the case in the queue, reads it (exactly the turn that raised it
 * highlighted) and approves it; the customer's card turns to executed; the audit trail shows every step. A customer
 * who wants a human gets a reply from a named member of staff in the chat, and the hand-over is closed. Every page is
 * also checked on a phone (390 × 844: nothing scrolls sideways). Screenshots of every page, at desktop and phone
 * size, go to target/screenshots/ for people to look at. Skipped where no Chromium is installed.
 */
@QuarkusTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WebJourneyTests {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final Dimension DESKTOP = new Dimension(1366, 900);
    private static final Dimension PHONE = new Dimension(390, 844);

    /** Selenium warns that it has no DevTools module for this Chromium; the tests use WebDriver only. */
    private static final java.util.logging.Logger DEVTOOLS_LOG = java.util.logging.Logger.getLogger("org.openqa.selenium.devtools");

    private static WebDriver browser;
    private static Path profile;
    /** The windows of the customer and the reviewer: separate tabs keep separate sessionStorage, so separate sign-ins. */
    private static String customerTab;
    private static String reviewerTab;

    @TestHTTPResource("/")
    URL base;

    @Inject
    KnowledgeIngestion ingestion;

    @Inject
    javax.sql.DataSource dataSource;

    @BeforeAll
    static void startBrowser() throws IOException {
        assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "Chromium and ChromeDriver are not installed (scripts/setup-test-tools installs them)");
        Files.createDirectories(SCREENSHOTS);
        DEVTOOLS_LOG.setLevel(java.util.logging.Level.SEVERE);
        profile = Files.createTempDirectory("chromium-profile");
        // The driver is named, so Selenium Manager has nothing to look up or download.
        System.setProperty(ChromeDriverService.CHROME_DRIVER_EXE_PROPERTY, CHROMEDRIVER.toString());
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        // Root in a container needs --no-sandbox; the rest keeps Chromium from calling out of this closed machine.
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-extensions",
                "--disable-default-apps", "--window-size=1366,900", "--lang=en-GB", "--user-data-dir=" + profile);
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, java.util.logging.Level.WARNING);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        browser.manage().timeouts().scriptTimeout(WAIT);
    }

    @AfterAll
    static void stopBrowser() throws IOException {
        if (browser != null) {
            browser.quit();
        }
        if (profile != null) {
            try (var files = Files.walk(profile)) {
                files.sorted(java.util.Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            }
        }
    }

    @BeforeEach
    void knowledgeBase() {
        ingestion.scan(Path.of("knowledge-docs")); // unchanged files cost a hash each
    }

    /**
     * bank_test keeps what earlier runs booked, and c001 may make 20 transfers a day: after a few runs of the suite on
     * one day the approval would be refused (daily_count). The transfers that tests booked today move to yesterday.
     */
    @BeforeEach
    void roomForTodaysTransfers() throws java.sql.SQLException {
        try (var c = dataSource.getConnection(); var ps = c.prepareStatement("""
                UPDATE ledger_entry SET booked_at = booked_at - interval '1 day'
                WHERE account_id IN (SELECT id FROM account WHERE customer_id = 'c001') AND category = 'transfer' AND amount < 0
                  AND transfer_id IS NOT NULL AND booked_at > now() - interval '1 day'""")) {
            ps.executeUpdate();
        }
    }

    @AfterEach
    void printBrowserErrors() {
        if (browser != null) {
            for (LogEntry entry : browser.manage().logs().get(LogType.BROWSER)) {
                System.out.println("[browser] " + entry.getLevel() + " " + entry.getMessage());
            }
        }
    }

    @Test
    @Order(1)
    void a_transfer_asked_for_in_the_chat_is_approved_in_the_console_and_the_customer_sees_it_executed() {
        // The customer signs in and asks a question: the answer streams in, with citations that open their passage.
        customerTab = browser.getWindowHandle();
        signIn("c001");
        await(ExpectedConditions.urlContains("/chat.html"));
        await(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#messages li.assistant")));
        screenshot("01-chat-signed-in");
        countStreamedPieces();
        ask("新加的收款人当天最多能转多少钱");
        WebElement answer = await(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#messages li.assistant .sources button.source")))
                .findElement(By.xpath("ancestor::li[contains(@class, 'message')]"));
        assertThat(answer.findElement(By.cssSelector(".text")).getText()).contains("5,000");
        assertThat(answer.findElements(By.cssSelector(".text button.cite"))).isNotEmpty();
        assertThat(((Number) js("return window.streamedPieces;")).intValue()).as("pieces of the answer shown as they arrived").isGreaterThan(5);
        screenshot("02-chat-answer-with-sources");

        answer.findElement(By.cssSelector(".sources button.source")).click();
        WebElement passage = await(ExpectedConditions.visibilityOfElementLocated(By.id("passage")));
        await(d -> !d.findElement(By.id("passage-text")).getText().isBlank()
                && !d.findElement(By.id("passage-text")).getText().startsWith("Opening"));
        assertThat(passage.findElement(By.id("passage-title")).getText()).isNotBlank();
        assertThat(passage.findElement(By.id("passage-text")).getText()).hasSizeGreaterThan(20);
        screenshot("03-chat-cited-passage");
        browser.findElement(By.id("passage-close")).click();
        await(ExpectedConditions.invisibilityOfElementLocated(By.id("passage")));

        // The interface switches language (the assistant answers in the language of each message anyway).
        browser.findElement(By.id("lang-switch")).click();
        assertThat(browser.findElement(By.id("human")).getText()).isEqualTo("转人工");
        assertThat(browser.findElement(By.cssSelector("label[for=message]")).getText()).isEqualTo("您的消息");
        screenshot("04-chat-in-chinese");
        browser.findElement(By.id("lang-switch")).click();
        assertThat(browser.findElement(By.id("human")).getText()).isEqualTo("Talk to a person");

        // A transfer: a card that waits for review.
        ask("Please transfer 88 yuan to James Carter");
        WebElement card = await(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("section.card.transfer[data-status=pending_review]")));
        String caseId = card.getAttribute("data-case-id");
        assertThat(caseId).isNotBlank();
        assertThat(card.getText()).contains("88.00 CNY").contains("James Carter").contains("Waiting for review");
        screenshot("05-chat-transfer-pending");

        // A reviewer, in another tab, signs in, filters the queue and opens the case.
        browser.switchTo().newWindow(WindowType.TAB);
        reviewerTab = browser.getWindowHandle();
        signIn("r001");
        await(ExpectedConditions.urlContains("/console.html"));
        await(ExpectedConditions.visibilityOfElementLocated(By.id("queue-counts")));
        new Select(await(ExpectedConditions.elementToBeClickable(By.id("f-level")))).selectByValue("red");
        await(ExpectedConditions.urlContains("level=red"));
        new Select(await(ExpectedConditions.elementToBeClickable(By.id("f-kind")))).selectByValue("transfer");
        await(ExpectedConditions.urlContains("kind=transfer"));
        WebElement row = await(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("tr[data-case-id='" + caseId + "']")));
        assertThat(browser.findElements(By.cssSelector("table.cases tbody tr .badge.level-red"))).hasSameSizeAs(
                browser.findElements(By.cssSelector("table.cases tbody tr")));
        assertThat(row.getText()).contains("fund operation");
        screenshot("06-console-queue-filtered");
        row.findElement(By.cssSelector("a.open-case")).click();

        await(ExpectedConditions.visibilityOfElementLocated(By.id("decision-comment")));
        // Exactly the turn that raised the case is highlighted (the earlier question is not): the customer's message with
        // the turn's reasons in words, and the answer it got.
        List<WebElement> flagged = browser.findElements(By.cssSelector(".transcript li.flagged"));
        assertThat(flagged).hasSize(2);
        WebElement raised = browser.findElement(By.cssSelector(".transcript li.customer[data-flagged=message]"));
        assertThat(raised.findElement(By.cssSelector(".text")).getText()).isEqualTo("Please transfer 88 yuan to James Carter");
        assertThat(raised.findElement(By.cssSelector(".flag")).getText()).isEqualTo("Raised this case");
        assertThat(raised.findElement(By.cssSelector(".turn-reasons li[data-reason=fund_operation]")).getText())
                .contains("only a reviewer can let a transfer go");
        assertThat(browser.findElement(By.cssSelector(".transcript li.assistant[data-flagged=answer]")).getText()).contains("88");
        assertThat(browser.findElements(By.cssSelector(".transcript li.customer:not(.flagged)")))
                .anySatisfy(m -> assertThat(m.getText()).contains("新加的收款人当天最多能转多少钱"));
        assertThat(browser.findElements(By.cssSelector(".tool-call[data-tool=request_transfer]"))).isNotEmpty();
        assertThat(browser.findElement(By.cssSelector(".reasons li[data-reason=fund_operation]")).getText())
                .contains("only a reviewer can let a transfer go");
        fullPageScreenshot("07-console-case");

        // The comment is mandatory; then the approval.
        browser.findElement(By.id("approve")).click();
        assertThat(await(ExpectedConditions.visibilityOfElementLocated(By.id("decision-error"))).getText()).contains("comment");
        browser.findElement(By.id("decision-comment")).sendKeys("Known payee, usual amount.");
        browser.findElement(By.id("approve")).click();
        await(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#transfer-status[data-status=executed]")));
        List<String> actions = browser.findElements(By.cssSelector("#audit-trail tr[data-action]")).stream()
                .map(r -> r.getAttribute("data-action")).toList();
        assertThat(actions).contains("transfer.requested", "case.opened", "case.viewed", "case.approved", "transfer.executed");
        assertThat(actions.indexOf("case.approved")).isLessThan(actions.lastIndexOf("transfer.executed"));
        fullPageScreenshot("08-console-case-approved-with-audit-trail");
        onAPhone("08b-console-case-phone");
        browser.get(base + "console.html#queue?status=&sort=-created");
        await(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("table.cases tbody tr")));
        onAPhone("06b-console-queue-phone");

        // Back to the customer: the card has followed the decision, and the bank's message is in the conversation.
        browser.switchTo().window(customerTab);
        await(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("section.card.transfer[data-status=executed]")));
        await(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#messages li.bank")));
        assertThat(browser.findElement(By.cssSelector("section.card.transfer")).getText()).contains("Executed");
        screenshot("09-chat-transfer-executed");

        // The same page on a phone: nothing wider than the screen.
        Dimension desktop = browser.manage().window().getSize();
        browser.manage().window().setSize(PHONE);
        assertFitsTheScreen("chat");
        js("window.scrollTo(0, document.documentElement.scrollHeight);");
        screenshot("10-chat-phone");
        browser.manage().window().setSize(desktop);
    }

    @Test
    @Order(2)
    void a_customer_who_wants_a_human_gets_a_staff_reply_in_the_chat_and_staff_see_the_analytics_and_the_evaluation_runs() {
        if (customerTab == null) { // run on its own
            customerTab = browser.getWindowHandle();
            signIn("c001");
            await(ExpectedConditions.urlContains("/chat.html"));
            await(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#messages li.assistant")));
        }
        browser.switchTo().window(customerTab);
        ask("I want a human");
        await(ExpectedConditions.visibilityOfElementLocated(By.id("handed-off")));
        String conversation = (String) js("return sessionStorage.getItem('nb.conversation');");
        assertThat(conversation).isNotBlank();
        screenshot("11-chat-handed-to-a-person");

        if (reviewerTab == null) {
            browser.switchTo().newWindow(WindowType.TAB);
            reviewerTab = browser.getWindowHandle();
            signIn("r001");
            await(ExpectedConditions.urlContains("/console.html"));
        }
        browser.switchTo().window(reviewerTab);
        browser.get(base + "console.html#handoffs");
        WebElement row = await(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("table.handoffs tr[data-conversation-id='" + conversation + "']")));
        assertThat(row.getText()).contains("c001");
        onAPhone("12a-console-human-agent-queue-phone");
        row.findElement(By.cssSelector("a.open-handoff")).click();
        await(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#handoff-transcript .transcript li")));
        assertThat(browser.findElement(By.id("handoff-state")).getAttribute("data-state")).isEqualTo("handed_off");
        assertThat(browser.findElements(By.cssSelector("#handoff-transcript li.customer"))).anySatisfy(m -> assertThat(m.getText()).contains("I want a human"));

        // The reply is mandatory, then it is sent under the reviewer's name.
        browser.findElement(By.id("send-reply")).click();
        assertThat(await(ExpectedConditions.visibilityOfElementLocated(By.id("reply-error"))).getText()).isEqualTo("Write a reply first.");
        String reply = "Hello, this is Zhou Min. Your transfer of 88 yuan to James Carter has been sent; anything else I can do?";
        browser.findElement(By.id("agent-reply")).sendKeys(reply);
        browser.findElement(By.id("send-reply")).click();
        WebElement sent = await(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#handoff-transcript li.agent")));
        assertThat(sent.getText()).contains(reply).contains("周敏");
        fullPageScreenshot("12-console-human-agent-reply");
        onAPhone("12b-console-hand-over-phone");

        // The customer's chat picks the reply up by itself, under the colleague's name.
        browser.switchTo().window(customerTab);
        WebElement answer = await(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#messages li.agent")));
        assertThat(answer.findElement(By.cssSelector(".text")).getText()).isEqualTo(reply);
        assertThat(answer.findElement(By.cssSelector(".author")).getText()).isEqualTo("周敏 · Northbridge Bank");
        screenshot("12c-chat-colleague-reply");
        browser.manage().window().setSize(PHONE);
        assertFitsTheScreen("chat with a colleague's reply");
        js("window.scrollTo(0, document.documentElement.scrollHeight);");
        screenshot("12d-chat-colleague-reply-phone");
        browser.manage().window().setSize(DESKTOP);

        // The reviewer closes the hand-over: it leaves the queue, the trail names who did what, the customer is told.
        browser.switchTo().window(reviewerTab);
        browser.findElement(By.id("close-note")).sendKeys("Customer confirmed the transfer arrived.");
        browser.findElement(By.id("close-handoff")).click();
        await(ExpectedConditions.visibilityOfElementLocated(By.id("handoff-closed")));
        assertThat(browser.findElement(By.id("handoff-state")).getAttribute("data-state")).isEqualTo("closed");
        assertThat(browser.findElements(By.id("agent-reply"))).isEmpty();
        List<WebElement> trail = browser.findElements(By.cssSelector("#audit-trail tr[data-action]"));
        assertThat(trail).anySatisfy(r -> assertThat(r.getAttribute("data-action")).isEqualTo("conversation.agent_replied"));
        assertThat(trail).anySatisfy(r -> assertThat(r.getText()).contains("conversation.handoff_closed").contains("r001"));
        fullPageScreenshot("12e-console-hand-over-closed");
        browser.get(base + "console.html#handoffs");
        await(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#view h1")));
        await(d -> d.findElements(By.cssSelector("#view p.muted, table.handoffs")).size() > 0);
        assertThat(browser.findElements(By.cssSelector("tr[data-conversation-id='" + conversation + "']"))).isEmpty();
        browser.switchTo().window(customerTab);
        await(d -> d.findElement(By.id("handed-off")).getText().contains("closed this conversation"));
        browser.switchTo().window(reviewerTab);

        browser.get(base + "console.html#analytics");
        await(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#chart-per-day svg rect[data-value]")));
        assertThat(browser.findElements(By.cssSelector("#chart-per-day svg rect[data-value]"))).hasSize(60); // 30 days, two series
        assertThat(Long.parseLong(browser.findElement(By.cssSelector("#kpi-turns strong")).getText())).isPositive();
        assertThat(browser.findElement(By.cssSelector("#kpi-handoff strong")).getText()).endsWith("%");
        assertThat(browser.findElements(By.cssSelector("#chart-risk svg rect"))).hasSize(3);
        assertThat(browser.findElements(By.cssSelector("#chart-intents svg rect"))).isNotEmpty();
        fullPageScreenshot("13-console-analytics");
        onAPhone("13b-console-analytics-phone");

        // Engineers read evaluation runs; reviewers do not see that section.
        assertThat(browser.findElement(By.cssSelector("#nav a[data-route=evals]")).isDisplayed()).isFalse();
        browser.switchTo().newWindow(WindowType.TAB);
        signIn("e001");
        await(ExpectedConditions.urlContains("#evals"));
        await(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#view h1")));
        await(d -> !d.findElements(By.cssSelector("table.evals, #view p.muted")).isEmpty());
        List<WebElement> reports = browser.findElements(By.cssSelector("table.evals button:enabled"));
        if (!reports.isEmpty()) {
            reports.get(0).click();
            await(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#eval-report iframe")));
        }
        assertThat(browser.findElement(By.cssSelector("#nav a[data-route=queue]")).isDisplayed()).isFalse();
        fullPageScreenshot("14-console-evaluation-runs");
        onAPhone("14b-console-evaluation-runs-phone");
    }

    /**
     * The page as it is now, on a phone (390 × 844): nothing is wider than the screen, so nothing scrolls sideways;
     * a whole-page screenshot at that width; then back to the desktop size.
     */
    private void onAPhone(String name) {
        browser.manage().window().setSize(PHONE);
        assertFitsTheScreen(name);
        fullPageScreenshot(name);
        browser.manage().window().setSize(DESKTOP);
    }

    /** document.documentElement.scrollWidth <= window.innerWidth, naming the widest elements when it is not. */
    private static void assertFitsTheScreen(String what) {
        try {
            await(d -> ((Number) js("return document.documentElement.scrollWidth - window.innerWidth;")).intValue() <= 0);
        } catch (org.openqa.selenium.TimeoutException e) {
            Object wide = js("const w = window.innerWidth; return [...document.querySelectorAll('body *')]"
                    + ".filter(el => el.getBoundingClientRect().right > w + 0.5)"
                    + ".map(el => el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') + '.' + [...el.classList].join('.')"
                    + " + ' ' + Math.round(el.getBoundingClientRect().right)).slice(0, 15).join(', ');");
            throw new AssertionError(what + " is wider than the phone's screen (" + js("return document.documentElement.scrollWidth;")
                    + " > " + js("return window.innerWidth;") + "): " + wide, e);
        }
        assertThat(((Number) js("return document.documentElement.scrollWidth;")).longValue())
                .as(what + ": scrollWidth <= innerWidth").isLessThanOrEqualTo(((Number) js("return window.innerWidth;")).longValue());
    }

    private void signIn(String user) {
        browser.get(base + "index.html");
        new Select(await(ExpectedConditions.elementToBeClickable(By.id("user")))).selectByValue(user);
        if ("c001".equals(user) && !Files.exists(SCREENSHOTS.resolve("00-sign-in.png"))) {
            screenshot("00-sign-in");
        }
        browser.findElement(By.id("signin-submit")).click();
    }

    private void ask(String message) {
        int answers = browser.findElements(By.cssSelector("#messages li.assistant")).size();
        WebElement input = browser.findElement(By.id("message"));
        input.sendKeys(message);
        browser.findElement(By.id("send")).click();
        // the new answer is finished when the send button is usable again
        await(d -> d.findElements(By.cssSelector("#messages li.assistant")).size() > answers && d.findElement(By.id("send")).isEnabled());
    }

    /** Counts the changes to an answer while it is being written, to see that it arrives in pieces. */
    private void countStreamedPieces() {
        js("window.streamedPieces = 0; new MutationObserver(records => { for (const r of records) {"
                + " const el = r.target.nodeType === 1 ? r.target : r.target.parentElement;"
                + " if (el && el.closest('.streaming')) window.streamedPieces++; } })"
                + ".observe(document.getElementById('messages'), {subtree: true, childList: true, characterData: true});");
    }

    private static Object js(String script) {
        return ((JavascriptExecutor) browser).executeScript(script);
    }

    private static <T> T await(java.util.function.Function<WebDriver, T> condition) {
        return new WebDriverWait(browser, WAIT).until(condition::apply);
    }

    private static void screenshot(String name) {
        try {
            Files.copy(((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath(), SCREENSHOTS.resolve(name + ".png"),
                    StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The whole page, not just the window: the window grows to the page's height for the picture. */
    private static void fullPageScreenshot(String name) {
        Dimension size = browser.manage().window().getSize();
        js("window.scrollTo(0, 0);");
        long height = ((Number) js("return document.documentElement.scrollHeight;")).longValue();
        browser.manage().window().setSize(new Dimension(size.getWidth(), (int) Math.min(Math.max(height + 120, size.getHeight()), 7000)));
        screenshot(name);
        browser.manage().window().setSize(size);
    }
}
