package cn.qhzgh.study.testsupport;

import io.restassured.RestAssured;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Debian's chromium, headless, driven through Debian's chromedriver: the driver is named explicitly, so Selenium
 * Manager never runs and nothing downloads a browser or driver. Missing binaries fail the test with what to install.
 */
public final class Browser implements AutoCloseable {

    public static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    public static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    public static final Path SCREENSHOTS = Path.of("target", "console-screenshots");
    private static final Duration PATIENCE = Duration.ofSeconds(20);

    private final ChromeDriver driver;
    private final Path downloads;
    private final WebDriverWait wait;

    private Browser(ChromeDriver driver, Path downloads) {
        this.driver = driver;
        this.downloads = downloads;
        this.wait = new WebDriverWait(driver, PATIENCE);
    }

    public static Browser start() {
        for (Path binary : List.of(CHROMIUM, CHROMEDRIVER)) {
            if (!Files.isExecutable(binary)) {
                throw new IllegalStateException(binary + " is missing: the console's browser tests need Debian's "
                        + "chromium and chromedriver (apt-get install chromium chromium-driver; .ci/run installs them)");
            }
        }
        try {
            Path profile = Files.createTempDirectory("console-chromium-");
            Path downloads = Files.createDirectories(profile.resolve("downloads"));
            ChromeOptions options = new ChromeOptions();
            options.setBinary(CHROMIUM.toFile());
            options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    "--user-data-dir=" + profile.resolve("profile"), "--window-size=1440,900", "--lang=zh-CN");
            options.setExperimentalOption("prefs", Map.of("download.default_directory", downloads.toString(),
                    "download.prompt_for_download", false));
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(CHROMEDRIVER.toFile()).build();
            ChromeDriver driver = new ChromeDriver(service, options);
            driver.executeCdpCommand("Browser.setDownloadBehavior",
                    Map.of("behavior", "allow", "downloadPath", downloads.toString()));
            // Charts then draw at once instead of animating, so screenshots show them finished.
            driver.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("features",
                    List.of(Map.of("name", "prefers-reduced-motion", "value", "reduce"))));
            return new Browser(driver, downloads);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Opens the console fresh (nobody signed in: the token lived in the old page's memory) at a hash route. */
    public void open(String hash) {
        // Another page first: going to the same page with another hash would keep the old page and its session.
        driver.get("about:blank");
        driver.get(RestAssured.baseURI + ":" + RestAssured.port + "/console/" + hash);
        waitFor("study-console");
    }

    /** Signs in on the dev sign-in page as one of the demo identities (province-admin, org-admin, worker). */
    public void signInAs(String identity) {
        click("[data-identity='" + identity + "']");
    }

    /** Changes the hash as a typed or pasted URL would. */
    public void go(String hash) {
        driver.executeScript("location.hash = arguments[0]", hash);
    }

    public WebElement waitFor(String css) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(css)));
    }

    /** Waits until the element shows exactly {@code text}: a page being replaced still shows the old one for a moment. */
    public void waitForText(String css, String text) {
        wait.until(ExpectedConditions.textToBe(By.cssSelector(css), text));
    }

    public void waitUntilGone(String css) {
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(css)));
    }

    public void waitForHash(String hash) {
        wait.until(d -> hash().equals(hash));
    }

    public void click(String css) {
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(css))).click();
    }

    public String text(String css) {
        return waitFor(css).getText().strip();
    }

    public List<WebElement> all(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    public String hash() {
        return (String) driver.executeScript("return location.hash");
    }

    public Object script(String script, Object... args) {
        return driver.executeScript(script, args);
    }

    /** Runs {@code body} as an async function in the page and returns what it resolves to. */
    public Object await(String body, Object... args) {
        return driver.executeAsyncScript("const done = arguments[arguments.length - 1];"
                + "(async (...args) => {" + body + "})(...Array.from(arguments).slice(0, -1))"
                + ".then(done, e => done('ERROR ' + e));", args);
    }

    /** Waits for a downloaded file whose name ends with {@code suffix}, complete (no .crdownload beside it). */
    public Path downloaded(String suffix) {
        return new WebDriverWait(driver, PATIENCE).until(d -> {
            try (var files = Files.list(downloads)) {
                return files.filter(f -> f.getFileName().toString().endsWith(suffix)).findFirst()
                        .filter(f -> !Files.exists(f.resolveSibling(f.getFileName() + ".crdownload")))
                        .orElse(null);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** A full-page PNG at a viewport width (phones through device emulation, as a window cannot be that narrow). */
    public Path screenshot(String name, int width) {
        emulateWidth(width, 900);
        long height = (Long) driver.executeScript("return document.documentElement.scrollHeight");
        emulateWidth(width, (int) height);
        try {
            // Charts follow their box on the next frames; the picture should show them laid out for this width.
            driver.executeAsyncScript("const done = arguments[0]; setTimeout(done, 600);");
            Files.createDirectories(SCREENSHOTS);
            Path file = SCREENSHOTS.resolve(name + ".png");
            Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            resetViewport();
        }
    }

    /** Whether the page, laid out {@code width} pixels wide, needs no sideways scrolling. */
    public boolean fitsWidth(int width) {
        emulateWidth(width, 812);
        try {
            return (Boolean) driver.executeScript("return document.documentElement.scrollWidth <= arguments[0]", width);
        } finally {
            resetViewport();
        }
    }

    /** Back to the 1440 × 900 desktop window. */
    public void resetViewport() {
        driver.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
        driver.manage().window().setSize(new Dimension(1440, 900));
    }

    /** Lays the page out at {@code width} CSS pixels, as a phone (below 500) or a desktop window would. */
    public void emulateWidth(int width, int height) {
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", width, "height", height,
                "deviceScaleFactor", 1, "mobile", width < 500));
    }

    @Override
    public void close() {
        driver.quit();
    }
}
