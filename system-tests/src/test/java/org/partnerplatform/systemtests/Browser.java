package org.partnerplatform.systemtests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import javax.crypto.spec.SecretKeySpec;

import org.apache.commons.codec.binary.Base32;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import com.eatthepath.otp.TimeBasedOneTimePasswordGenerator;

/**
 * Headless Chromium driven by Selenium, as a person uses the portal: Debian's chromium and chromium-driver
 * (.ci/run installs them). Without them the browser tests fail, saying so: they are never skipped.
 */
final class Browser implements AutoCloseable {
    static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("PLATFORM_CHROMIUM", "/usr/bin/chromium"));
    static final Path CHROMEDRIVER = Path.of(System.getenv().getOrDefault("PLATFORM_CHROMEDRIVER", "/usr/bin/chromedriver"));

    final ChromeDriver driver;
    private final WebDriverWait wait;

    Browser() {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            throw new IllegalStateException("the browser tests need " + CHROMIUM + " and " + CHROMEDRIVER
                    + " (apt-get install chromium chromium-driver; .ci/run does it)");
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,900", "--lang=en");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).build();
        driver = new ChromeDriver(service, options);
        wait = new WebDriverWait(driver, Duration.ofSeconds(20));
    }

    void open(String url) {
        driver.get(url);
    }

    WebElement element(String id) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(By.id(id)));
    }

    boolean present(String id) {
        return !driver.findElements(By.id(id)).isEmpty();
    }

    void type(String id, String text) {
        WebElement field = element(id);
        field.clear();
        field.sendKeys(text);
    }

    void click(String id) {
        element(id).click();
    }

    /**
     * Clicks a link or a submit button and waits for the next page: a click returns before the browser has left the
     * page, and an element found right after it may still belong to the old one (a stale element reference).
     */
    void follow(WebElement linkOrButton) {
        WebElement page = driver.findElement(By.tagName("html"));
        linkOrButton.click();
        wait.until(driver -> left(page));
    }

    /**
     * Whether the browser has left the page. During the navigation chromedriver may answer "Node with given id does
     * not belong to the document" instead of a stale reference: that is gone too.
     */
    private static boolean left(WebElement page) {
        try {
            page.isEnabled();
            return false;
        } catch (org.openqa.selenium.StaleElementReferenceException e) {
            return true;
        } catch (org.openqa.selenium.WebDriverException e) {
            if (e.getMessage() != null && e.getMessage().contains("does not belong to the document")) {
                return true;
            }
            throw e;
        }
    }

    void follow(String id) {
        follow(element(id));
    }

    String text(String id) {
        return element(id).getText();
    }

    /**
     * A screenshot of the page, under system-tests/target/screenshots; with -Dportal.screenshots.update=true also
     * in docs/portal/, which the README shows (so that a test run leaves the working tree as it was).
     */
    void screenshot(Path repository, String name) {
        byte[] png = driver.getScreenshotAs(OutputType.BYTES);
        write(repository.resolve("system-tests/target/screenshots").resolve(name + ".png"), png);
        if (Boolean.getBoolean("portal.screenshots.update")) {
            write(repository.resolve("docs/portal").resolve(name + ".png"), png);
        }
    }

    private static void write(Path file, byte[] png) {
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, png);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The code an authenticator app with this Base32 secret shows, {@code stepsAhead} 30-second steps from now. */
    static String totp(String base32Secret, int stepsAhead) {
        try {
            TimeBasedOneTimePasswordGenerator generator = new TimeBasedOneTimePasswordGenerator();
            return generator.generateOneTimePasswordString(new SecretKeySpec(new Base32().decode(base32Secret), generator.getAlgorithm()),
                    Instant.now().plusSeconds(30L * stepsAhead));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        driver.quit();
    }
}
