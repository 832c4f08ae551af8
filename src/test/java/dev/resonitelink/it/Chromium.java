package dev.resonitelink.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium driven by Debian's chromedriver (never a downloaded browser). Skipped with a message
 * on a machine without them, an error where tools are required ({@link RequiredTools}).
 */
public final class Chromium {

    static final Path BINARY = Path.of(System.getProperty("chromium.binary", "/usr/bin/chromium"));
    static final Path DRIVER = Path.of(System.getProperty("chromedriver.binary", "/usr/bin/chromedriver"));

    private Chromium() {
    }

    /**
     * A fresh browser with an empty profile that saves downloads into {@code downloads}. With
     * {@code acceptTestCertificates} it accepts the test CA's certificates (the browser only; the application
     * itself verifies every certificate it meets).
     */
    public static WebDriver start(Path downloads, boolean acceptTestCertificates) throws IOException {
        RequiredTools.require(BINARY, "Chromium", "chromium chromium-driver");
        RequiredTools.require(DRIVER, "chromedriver", "chromium chromium-driver");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BINARY.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--disable-quic", "--window-size=1280,900",
                "--user-data-dir=" + Files.createTempDirectory("chromium-profile"));
        options.setAcceptInsecureCerts(acceptTestCertificates);
        Map<String, Object> prefs = new HashMap<>();
        prefs.put("download.default_directory", downloads.toString());
        prefs.put("download.prompt_for_download", false);
        options.setExperimentalOption("prefs", prefs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(DRIVER.toFile()).usingAnyFreePort().build();
        WebDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        driver.manage().timeouts().implicitlyWait(Duration.ofSeconds(5));
        return driver;
    }

    /**
     * Clicks what leads to another page (a link, a form's button) and returns once that page has replaced this one.
     * A click returns as soon as the browser has it, not when the next page has landed: a step that reads the page
     * right after it can meet the old page's element of the same name (a sign-up form followed by a sign-in form).
     */
    public static void clickThrough(WebDriver driver, WebElement trigger) {
        navigate(driver, trigger::click);
    }

    /**
     * Does what leads to another page ({@code action}: a click, Enter in a form) and waits until the next page has
     * replaced this one and loaded. The old page is marked before and the wait ends when the mark is gone (a new
     * document has a new window); Selenium's staleness check is not used, since Chromium 156 answers it for a
     * replaced page with an "unhandled inspector error" instead of a stale element.
     */
    public static void navigate(WebDriver driver, Runnable action) {
        JavascriptExecutor js = (JavascriptExecutor) driver;
        js.executeScript("window.resoniteLinkOldPage = true");
        action.run();
        new WebDriverWait(driver, Duration.ofSeconds(30)).ignoring(WebDriverException.class)
                .until(d -> Boolean.TRUE.equals(js.executeScript("return window.resoniteLinkOldPage === undefined"
                        + " && document.readyState === 'complete'")));
    }

    /**
     * The element with this id, once the page has it (15 s at most). When it never comes, the error says which page
     * the browser is on and what it shows, so a failure in CI names its cause instead of only the missing id.
     */
    public static WebElement waitForId(WebDriver driver, String id) {
        try {
            return new WebDriverWait(driver, Duration.ofSeconds(15))
                    .until(ExpectedConditions.presenceOfElementLocated(By.id(id)));
        } catch (TimeoutException e) {
            throw new AssertionError("no #" + id + " on " + driver.getCurrentUrl() + " (" + driver.getTitle()
                    + "), which shows: " + shown(driver), e);
        }
    }

    private static String shown(WebDriver driver) {
        try {
            Object text = ((JavascriptExecutor) driver).executeScript(
                    "var o = document.querySelector('[data-outcome]');"
                    + " return (o ? '[data-outcome=' + o.getAttribute('data-outcome') + '] ' : '')"
                    + " + (document.body ? document.body.innerText : '')");
            String shown = String.valueOf(text).replaceAll("\\s+", " ").strip();
            return shown.length() > 600 ? shown.substring(0, 600) + "..." : shown;
        } catch (WebDriverException e) {
            return "(unreadable: " + e.getMessage().lines().findFirst().orElse("") + ")";
        }
    }
}
