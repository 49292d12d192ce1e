package health.leiming.it;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Chromium from Debian's packages, driven by Selenium, with a fresh profile. Without the
 * browser the test is skipped, unless leiming.it.browser-required or the environment's
 * LEIMING_IT_BROWSER_REQUIRED=true (CI) makes that a failure.
 */
final class Browser implements AutoCloseable {

    private final ChromeDriver driver;

    private Browser(ChromeDriver driver) {
        this.driver = driver;
    }

    static Browser open(int width, int height) throws IOException {
        File chromium = new File(System.getProperty("leiming.it.chromium", "/usr/bin/chromium"));
        File chromedriver = new File(System.getProperty("leiming.it.chromedriver", "/usr/bin/chromedriver"));
        boolean present = chromium.canExecute() && chromedriver.canExecute();
        boolean required = Boolean.getBoolean("leiming.it.browser-required")
                || "true".equals(System.getenv("LEIMING_IT_BROWSER_REQUIRED"));
        if (!present && required) {
            fail("Chromium and chromedriver are required (apt-get install chromium chromium-driver)");
        }
        assumeTrue(present, "no Chromium here: apt-get install chromium chromium-driver to run the browser tests");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--lang=zh-CN", "--window-size=" + width + "," + height,
                "--user-data-dir=" + Files.createTempDirectory("leiming-chromium"));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(chromedriver)
                .usingAnyFreePort().build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().window().setSize(new Dimension(width, height));
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
        return new Browser(driver);
    }

    WebDriver driver() {
        return driver;
    }

    void go(String path) {
        driver.get(Api.BASE + path);
    }

    String path() {
        return java.net.URI.create(driver.getCurrentUrl()).getPath();
    }

    /** The element, waiting for it; when it never comes, the failure shows the page that came instead. */
    WebElement find(String css) {
        try {
            return new WebDriverWait(driver, Duration.ofSeconds(20))
                    .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(css)));
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError("no " + css + " on " + driver.getCurrentUrl() + ":\n" + driver.getPageSource(), e);
        }
    }

    String text(String css) {
        return find(css).getText();
    }

    boolean has(String css) {
        return !driver.findElements(By.cssSelector(css)).isEmpty();
    }

    void type(String css, String text) {
        WebElement field = find(css);
        field.clear();
        field.sendKeys(text);
    }

    /** Clicks (a button or a link) and waits until the next page has replaced this one and finished loading. */
    void submit(String css) {
        WebElement button = find(css);
        button.click();
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(30));
        wait.until(d -> gone(button));
        wait.until(d -> "complete".equals(((org.openqa.selenium.JavascriptExecutor) d).executeScript("return document.readyState")));
    }

    /**
     * True once the element left the document. Chromium reports that as a stale element, or, when asked
     * while the old page is being torn down, as "Node with given id does not belong to the document".
     */
    private static boolean gone(WebElement element) {
        try {
            element.isEnabled();
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

    String page() {
        return driver.getPageSource();
    }

    /** Full-page screenshot under ear/target/screenshots, for people to look at. */
    void screenshot(String name) throws IOException {
        Path dir = Path.of(System.getProperty("leiming.it.screenshots", "target/screenshots"));
        Files.createDirectories(dir);
        File shot = driver.getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), dir.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }

    @Override
    public void close() {
        driver.quit();
    }
}
