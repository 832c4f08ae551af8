package dev.resonitelink.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import dev.resonitelink.standin.ResoniteStandIn;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The product as a person uses it, in a real headless Chromium (Debian's chromium and chromedriver; .ci/run installs
 * them): sign up, link, consent, see the linked account with its avatar, decline, unlink, and the organizer's list
 * and CSV export; the sign-up, link and unlink journey again in Japanese and in German (chosen with the language
 * switch), asserting on outcome markers rather than words. Every page is checked with axe-core; screenshots of the
 * key pages go to target/screenshots (the Japanese ones at phone width to target/screenshots/ja).
 */
class BrowserIT extends DeployedApp {

    static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private WebDriver driver;
    private Path downloads;
    private String root;

    @BeforeEach
    void openBrowser() throws IOException {
        downloads = Files.createTempDirectory("downloads");
        driver = Chromium.start(downloads, false);
        StandIn.get().reset();
        root = Site.anonymous(base).base().toString();
        Files.createDirectories(SCREENSHOTS);
    }

    @AfterEach
    void closeBrowser() {
        if (driver != null) {
            driver.quit();
        }
    }

    @Test
    void signUpLinkConsentAndSeeTheLinkedAccountWithAvatar() throws IOException {
        signUpAndSignIn("ada" + shortId());
        accessible("sign-in and account pages");
        screenshot("1-account-not-linked");
        phoneScreenshot("1-account-not-linked-phone");

        ResoniteStandIn.User user = StandIn.newUser("Ada Lovelace");
        Chromium.clickThrough(driver, driver.findElement(By.id("link-button")));
        new WebDriverWait(driver, Duration.ofSeconds(10))
                .until(ExpectedConditions.urlContains(StandIn.get().baseUri() + "oidc/authorize"));
        screenshot("2-resonite-consent");
        consent(user, "allow");

        new WebDriverWait(driver, Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("/account?linked"));
        assertThat(text("resonite-username")).isEqualTo("Ada Lovelace");
        assertThat(text("resonite-id")).isEqualTo(user.id());
        assertThat(text("scopes")).contains("profile", "email", "patreon");
        assertThat(driver.findElement(By.cssSelector("[role=status]")).getText()).contains("now linked");
        WebElement avatar = driver.findElement(By.cssSelector(".avatar img"));
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> naturalWidth(avatar) > 0);
        accessible("linked account page");
        screenshot("3-account-linked");
        phoneScreenshot("3-account-linked-phone");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ja", "de"})
    void signUpLinkAndUnlinkInAnotherLanguage(String language) {
        driver.get(root + "login");
        Chromium.clickThrough(driver, driver.findElement(By.cssSelector("#language-switch a[data-lang=" + language + "]")));
        assertThat(lang()).isEqualTo(language);
        assertThat(driver.findElement(By.cssSelector("#language-switch a[aria-current=true]")).getAttribute("data-lang"))
                .isEqualTo(language);
        accessible(language + " sign-in page");
        inLanguage(language, "1-sign-in");
        signUpAndSignIn(language + shortId());
        assertThat(lang()).isEqualTo(language);
        assertThat(driver.findElement(By.id("link-state")).getAttribute("data-linked")).isEqualTo("false");
        accessible(language + " account page");
        inLanguage(language, "2-account-not-linked");

        ResoniteStandIn.User user = StandIn.newUser("Ada Lovelace");
        Chromium.clickThrough(driver, driver.findElement(By.id("link-button")));
        consent(user, "allow");
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("/account?linked"));
        assertThat(lang()).as("the language survives the trip to Resonite").isEqualTo(language);
        assertThat(driver.findElement(By.id("link-state")).getAttribute("data-linked")).isEqualTo("true");
        assertThat(text("resonite-id")).isEqualTo(user.id());
        accessible(language + " linked account page");
        inLanguage(language, "3-account-linked");

        Chromium.clickThrough(driver, driver.findElement(By.id("events-nav")));
        assertThat(lang()).isEqualTo(language);
        accessible(language + " events page");
        driver.get(root + "time-zone");
        accessible(language + " time zone page");
        inLanguage(language, "4-time-zone");
        driver.get(root + "account");

        Chromium.clickThrough(driver, waitForId("unlink-button"));
        assertThat(lang()).isEqualTo(language);
        accessible(language + " unlink confirmation");
        inLanguage(language, "5-unlink-confirm");
        Chromium.clickThrough(driver, driver.findElement(By.id("confirm-unlink")));
        waitForId("link-button");
        assertThat(driver.getCurrentUrl()).contains("/account?unlinked");
        assertThat(driver.findElement(By.id("link-state")).getAttribute("data-linked")).isEqualTo("false");
        assertThat(lang()).isEqualTo(language);

        Chromium.clickThrough(driver, driver.findElement(By.id("link-button")));
        consent(StandIn.newUser(), "deny");
        waitForId("outcome-title");
        assertThat(driver.findElement(By.id("outcome")).getAttribute("data-outcome")).isEqualTo("DECLINED");
        assertThat(lang()).isEqualTo(language);
        accessible(language + " declined page");
        inLanguage(language, "6-declined");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ja", "de"})
    void theOrganizerPagesInAnotherLanguagePassAxe(String language) {
        Organizers.signedIn(base);
        driver.get(root + "login");
        Chromium.clickThrough(driver, driver.findElement(By.cssSelector("#language-switch a[data-lang=" + language + "]")));
        driver.findElement(By.id("username")).sendKeys(Organizers.NAME);
        signInWithEnter();
        Chromium.clickThrough(driver, waitForId("organizer-nav"));
        assertThat(lang()).isEqualTo(language);
        accessible(language + " registrants page");
        inLanguage(language, "7-registrants");
        Chromium.clickThrough(driver, driver.findElement(By.id("organizer-events-nav")));
        accessible(language + " organizer events page");
        String start = java.time.LocalDateTime.now(java.time.ZoneOffset.UTC).plusDays(5).withHour(18).withMinute(0)
                .withSecond(0).withNano(0).toString();
        driver.findElement(By.id("title")).sendKeys("Workshop " + shortId());
        setValue("timeZone", "Asia/Tokyo");
        setValue("startsAt", start);
        setValue("endsAt", start.replace("T18:", "T20:"));
        driver.findElement(By.id("capacity")).sendKeys("1500");
        driver.findElement(By.id("ticketRequired")).click();
        driver.findElement(By.id("inviteOnly")).click();
        Chromium.clickThrough(driver, driver.findElement(By.id("create-event")));
        Chromium.clickThrough(driver, waitForId("publish"));
        assertThat(driver.findElement(By.id("event-status")).getAttribute("data-status")).isEqualTo("PUBLISHED");
        Chromium.clickThrough(driver, driver.findElement(By.id("make-tickets")));
        assertThat(lang()).isEqualTo(language);
        accessible(language + " organizer event page");
        inLanguage(language, "8-organizer-event");
        Chromium.clickThrough(driver, driver.findElement(By.id("public-page")));
        assertThat(driver.findElement(By.id("event-rules")).getText()).as("the places in the language's numbers")
                .contains(language.equals("de") ? "1.500" : "1,500");
        accessible(language + " event page");
        inLanguage(language, "9-event");
        Chromium.clickThrough(driver, driver.findElement(By.id("audit-nav")));
        accessible(language + " audit trail");
        Chromium.clickThrough(driver, driver.findElement(By.id("webhooks-nav")));
        accessible(language + " webhooks page");
    }

    @Test
    void aMissingAvatarFallsBackToTheInitial() {
        signUpAndSignIn("fb" + shortId());
        String login = "r" + shortId();
        JsonObject profile = Json.createObjectBuilder(ResoniteStandIn.readProfile("/standin/resonite-profile-full.json"))
                .add("id", "U-" + login).add("username", "Grace Hopper")
                .add("profile", Json.createObjectBuilder().add("iconUrl", "resdb:///deadbeef00.webp")).build();
        ResoniteStandIn.User user = new ResoniteStandIn.User(login, StandIn.PASSWORD, profile);
        StandIn.get().addUser(user);
        Chromium.clickThrough(driver, driver.findElement(By.id("link-button")));
        consent(user, "allow");
        waitForId("resonite-username");
        WebElement avatar = driver.findElement(By.cssSelector(".avatar img"));
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> Boolean.TRUE.equals(
                ((JavascriptExecutor) d).executeScript("return arguments[0].complete", avatar)));
        assertThat(naturalWidth(avatar)).as("the icon failed to load").isZero();
        new WebDriverWait(driver, Duration.ofSeconds(5)).until(d -> !avatar.isDisplayed());
        WebElement fallback = driver.findElement(By.cssSelector(".avatar-fallback"));
        assertThat(fallback.isDisplayed()).isTrue();
        assertThat(fallback.getText()).isEqualTo("G");
        screenshot("4-avatar-fallback");
    }

    @Test
    void decliningAtConsentEndsOnAPlainPage() {
        signUpAndSignIn("no" + shortId());
        Chromium.clickThrough(driver, driver.findElement(By.id("link-button")));
        consent(StandIn.newUser(), "deny");
        waitForId("outcome-title");
        assertThat(driver.findElement(By.id("outcome")).getAttribute("data-outcome")).isEqualTo("DECLINED");
        assertThat(driver.findElement(By.id("outcome")).getText()).contains("You declined", "start again");
        accessible("declined page");
        screenshot("5-declined");
        Chromium.clickThrough(driver, driver.findElement(By.linkText("Back to your account")));
        assertThat(driver.findElement(By.id("link-button")).isDisplayed()).isTrue();
    }

    @Test
    void unlinkingAsksForConfirmationFirst() {
        signUpAndSignIn("un" + shortId());
        Chromium.clickThrough(driver, driver.findElement(By.id("link-button")));
        consent(StandIn.newUser(), "allow");
        Chromium.clickThrough(driver, waitForId("unlink-button"));
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Unlink your Resonite account?");
        accessible("unlink confirmation");
        screenshot("6-unlink-confirm");
        Chromium.clickThrough(driver, driver.findElement(By.id("cancel-unlink")));
        assertThat(waitForId("resonite-username").isDisplayed()).as("cancel keeps the link").isTrue();
        Chromium.clickThrough(driver, driver.findElement(By.id("unlink-button")));
        Chromium.clickThrough(driver, driver.findElement(By.id("confirm-unlink")));
        waitForId("link-button");
        assertThat(driver.findElement(By.cssSelector("[role=status]")).getText()).contains("unlinked");
    }

    @Test
    void theSignInFormWorksFromTheKeyboard() {
        driver.get(root + "login");
        WebElement name = driver.findElement(By.id("username"));
        name.sendKeys("nobody-" + shortId());
        new org.openqa.selenium.interactions.Actions(driver).sendKeys(Keys.TAB).perform();
        assertThat(driver.switchTo().activeElement().getAttribute("id")).isEqualTo("password");
        new org.openqa.selenium.interactions.Actions(driver).sendKeys(Keys.TAB).perform();
        assertThat(driver.switchTo().activeElement().getText()).isEqualTo("Sign in");
        WebElement password = driver.findElement(By.id("password"));
        Chromium.navigate(driver, () -> password.sendKeys("wrong password", Keys.ENTER));
        assertThat(driver.findElement(By.cssSelector("[role=alert]")).getText()).contains("do not match");
        accessible("sign-in error");
    }

    @Test
    void organizersSearchTheRegistrantsAndExportThemAsCsv() throws Exception {
        signUpAndSignIn("at" + shortId());
        String attendee = currentUser;
        Chromium.clickThrough(driver, driver.findElement(By.id("link-button")));
        ResoniteStandIn.User user = StandIn.newUser("Grace Hopper");
        consent(user, "allow");
        waitForId("resonite-username");
        Chromium.clickThrough(driver, driver.findElement(By.cssSelector("form[action$='/logout'] button")));
        waitForId("username");

        Organizers.signedIn(base); // makes sure the account exists and is an organizer
        driver.get(root + "login");
        driver.findElement(By.id("username")).sendKeys(Organizers.NAME);
        signInWithEnter();
        Chromium.clickThrough(driver, waitForId("organizer-nav"));
        WebElement search = driver.findElement(By.id("q"));
        Chromium.navigate(driver, () -> search.sendKeys(user.id(), Keys.ENTER));
        assertThat(text("total")).isEqualTo("1");
        assertThat(driver.findElement(By.cssSelector("#registrants tbody tr")).getText())
                .contains(attendee, "Grace Hopper", user.id(), "active");
        accessible("organizer list");
        screenshot("7-organizer-list");

        driver.findElement(By.id("export-csv")).click();
        Path csv = downloads.resolve("registrants.csv");
        new WebDriverWait(driver, Duration.ofSeconds(15)).until(d -> Files.exists(csv) && csv.toFile().length() > 0);
        List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        assertThat(lines).hasSize(2);
        assertThat(lines.get(1)).startsWith(attendee + "," + user.id() + ",Grace Hopper,");
    }

    /**
     * Issue 24's journey: an organizer makes a ticketed event with 20 places; an attendee who is not linked yet opens
     * it, links on the way, redeems a ticket, registers and downloads the calendar file; the world's admission check
     * answers admit, and deny once the attendee unlinks.
     */
    @Test
    void anOrganizerMakesATicketedEventAndAnAttendeeLinksOnTheWayRegistersAndIsAdmittedUntilUnlinking() throws Exception {
        Organizers.signedIn(base);
        driver.get(root + "login");
        driver.findElement(By.id("username")).sendKeys(Organizers.NAME);
        signInWithEnter();
        Chromium.clickThrough(driver, waitForId("organizer-events-nav"));
        accessible("organizer events page");
        String start = java.time.LocalDateTime.now(java.time.ZoneOffset.UTC).plusDays(5).withHour(18).withMinute(0)
                .withSecond(0).withNano(0).toString();
        driver.findElement(By.id("title")).sendKeys("Ticketed workshop " + shortId());
        driver.findElement(By.id("location")).sendKeys("Workshop world");
        setValue("timeZone", "Europe/Berlin");
        setValue("startsAt", start);
        setValue("endsAt", start.replace("T18:", "T20:"));
        driver.findElement(By.id("capacity")).sendKeys("20");
        driver.findElement(By.id("ticketRequired")).click();
        Chromium.clickThrough(driver, driver.findElement(By.id("create-event")));
        Chromium.clickThrough(driver, waitForId("publish"));
        assertThat(driver.findElement(By.id("event-status")).getAttribute("data-status")).isEqualTo("PUBLISHED");
        Chromium.clickThrough(driver, driver.findElement(By.id("make-tickets")));
        String code = driver.findElements(By.cssSelector("#new-codes code")).get(0).getText();
        Chromium.clickThrough(driver, driver.findElement(By.id("rotate-key")));
        String key = text("admission-key");
        accessible("an event's organizer page");
        String eventPage = driver.findElement(By.id("public-page")).getAttribute("href");
        String id = eventPage.substring(eventPage.lastIndexOf('/') + 1);
        Chromium.clickThrough(driver, driver.findElement(By.cssSelector("form[action$='/logout'] button")));

        signUpAndSignIn("ev" + shortId());
        driver.get(eventPage);
        accessible("an event's page");
        screenshot("8-event");
        Chromium.clickThrough(driver, driver.findElement(By.id("link-to-register")));
        ResoniteStandIn.User user = StandIn.newUser("Event Goer");
        consent(user, "allow");
        waitForId("register");
        assertThat(driver.getCurrentUrl()).as("back at the event after linking").contains("/register/" + id);
        driver.findElement(By.id("ticket")).sendKeys(code);
        Chromium.clickThrough(driver, driver.findElement(By.id("register")));
        assertThat(waitForId("registration-outcome").getAttribute("data-outcome")).isEqualTo("REGISTERED");
        accessible("registered");
        screenshot("9-registered");
        phoneScreenshot("9-registered-phone");

        driver.findElement(By.id("calendar-file")).click();
        Path ics = downloads.resolve("event-" + id + ".ics");
        new WebDriverWait(driver, Duration.ofSeconds(15)).until(d -> Files.exists(ics) && ics.toFile().length() > 0);
        assertThat(Files.readString(ics)).contains("BEGIN:VEVENT", "UID:" + id + "@resonite-link");

        String admission = root + "api/events/" + id + "/admission/" + user.id() + "?key=" + key;
        assertThat(new Browser().get(admission).body()).isEqualTo("admit");
        driver.get(root + "account");
        Chromium.clickThrough(driver, waitForId("unlink-button"));
        Chromium.clickThrough(driver, waitForId("confirm-unlink"));
        waitForId("link-button");
        assertThat(new Browser().get(admission).body()).as("after unlinking").isEqualTo("deny");
    }

    /** Sets a form field as a person's typing would end up (date pickers do not take keystrokes alike everywhere). */
    private void setValue(String id, String value) {
        ((JavascriptExecutor) driver).executeScript("arguments[0].value = arguments[1]", driver.findElement(By.id(id)), value);
    }

    // ---- steps -----------------------------------------------------------------------------------------

    private String currentUser;

    private void signUpAndSignIn(String name) {
        driver.get(root);
        Chromium.clickThrough(driver, driver.findElement(By.cssSelector("main a[href$='/signup']")));
        accessible("sign-up page");
        driver.findElement(By.id("username")).sendKeys(name);
        driver.findElement(By.id("password")).sendKeys(Site.PASSWORD);
        Chromium.clickThrough(driver, driver.findElement(By.cssSelector("form button[type=submit]")));
        assertThat(driver.findElement(By.id("account-created")).isDisplayed()).isTrue();
        driver.findElement(By.id("username")).sendKeys(name);
        signInWithEnter();
        waitForId("link-button");
        currentUser = name;
    }

    private void consent(ResoniteStandIn.User user, String decision) {
        driver.findElement(By.name("login")).sendKeys(user.login());
        driver.findElement(By.name("password")).sendKeys(user.password());
        Chromium.clickThrough(driver, driver.findElement(By.cssSelector("button[value=" + decision + "]")));
    }

    /** The password, then Enter in its field (as a person would), then the next page. */
    private void signInWithEnter() {
        WebElement password = driver.findElement(By.id("password"));
        Chromium.navigate(driver, () -> password.sendKeys(Site.PASSWORD, Keys.ENTER));
    }

    private String lang() {
        return driver.findElement(By.tagName("html")).getAttribute("lang");
    }

    /** A screenshot at phone width (no sideways scrolling) of a page in Japanese, kept in target/screenshots/ja. */
    private void inLanguage(String language, String name) {
        if (language.equals("ja")) {
            try {
                Files.createDirectories(SCREENSHOTS.resolve("ja"));
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            phoneScreenshot("ja/" + name);
        }
    }

    private WebElement waitForId(String id) {
        return Chromium.waitForId(driver, id);
    }

    private String text(String id) {
        return driver.findElement(By.id(id)).getText();
    }

    private long naturalWidth(WebElement image) {
        return ((Number) ((JavascriptExecutor) driver).executeScript("return arguments[0].naturalWidth", image)).longValue();
    }

    /** axe-core on the current page: no violation of WCAG 2.1 A/AA rules (labels, contrast, landmarks, names). */
    private void accessible(String what) {
        Results results = new AxeBuilder().withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa")).analyze(driver);
        String violations = results.getViolations().stream()
                .map(Rule::getId).collect(Collectors.joining(", "));
        assertThat(results.getViolations()).as(what + " at " + driver.getCurrentUrl() + ": " + violations).isEmpty();
    }

    private void screenshot(String name) {
        try {
            File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
            Files.copy(shot.toPath(), SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private void phoneScreenshot(String name) {
        Dimension desktop = driver.manage().window().getSize();
        driver.manage().window().setSize(new Dimension(390, 844));
        try {
            Long overflow = (Long) ((JavascriptExecutor) driver).executeScript(
                    "return document.documentElement.scrollWidth - document.documentElement.clientWidth");
            Object widest = ((JavascriptExecutor) driver).executeScript("var w = document.documentElement.clientWidth;"
                    + " return Array.from(document.querySelectorAll('body *')).filter(e => e.getBoundingClientRect()"
                    + ".right > w + 1).slice(0, 8).map(e => e.tagName + '#' + e.id + '.' + e.className + ' '"
                    + " + Math.round(e.getBoundingClientRect().right)).join(', ')");
            assertThat(overflow).as("no sideways scrolling on a phone at " + driver.getCurrentUrl() + "; wider: " + widest)
                    .isLessThanOrEqualTo(0L);
            screenshot(name);
        } finally {
            driver.manage().window().setSize(desktop);
        }
    }

    private static String shortId() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
