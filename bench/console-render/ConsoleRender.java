import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.PageLoadStrategy;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * How long the province dashboard of the console takes to render, in Debian's headless chromium driven through
 * Debian's chromedriver (nothing downloaded). Each run loads the console afresh at the dashboard's address, signs in
 * (a bearer token handed to the sign-in page, or the dev sign-in's demo identity) and stops the clock when the page
 * sets data-rendered: every part answered, summary cards, children and charts drawn. A second figure is the same
 * page reached inside the signed-in console (hash change from another page), with everything already loaded.
 *
 * Usage: java -cp <selenium classpath> ConsoleRender.java <console URL> ; settings from the environment:
 * TOKEN or DEV_SIGN_IN, BENCH_ORG, BENCH_CAMPAIGN, BENCH_RUNS, BENCH_WARMUPS, BENCH_COLD_CACHE (see run.sh).
 */
public class ConsoleRender {

    private static final Duration PATIENCE = Duration.ofSeconds(Long.parseLong(env("BENCH_TIMEOUT_S", "120")));

    /** Waits in the page for the sign-in page, then signs in: the same event the sign-in page sends itself. */
    private static final String SIGN_IN = """
            const [token, identity, done] = arguments;
            const deadline = Date.now() + %d;
            (async function attempt() {
              const page = document.querySelector('console-sign-in');
              const button = identity && page?.querySelector(`[data-identity="${identity}"]`);
              if (page && !identity && customElements.get('console-sign-in')) {
                page.dispatchEvent(new CustomEvent('signed-in', {detail: {token}}));
                return done('ok');
              }
              if (button) { button.click(); return done('ok'); }
              if (Date.now() > deadline) return done('no sign-in page: ' + document.body.innerText.slice(0, 300));
              setTimeout(attempt, 5);
            })();""".formatted(PATIENCE.toMillis());

    /** Resolves when the dashboard says it is rendered: its time since navigation start, or why it failed. */
    private static final String RENDERED = """
            const [done] = arguments;
            const deadline = Date.now() + %d;
            (function check() {
              const page = document.querySelector('page-dashboard[data-rendered]');
              if (page) {
                return done({state: page.dataset.rendered, at: performance.now(),
                  cards: page.querySelectorAll('.card').length,
                  children: page.querySelectorAll('#children tbody tr').length,
                  charts: page.querySelectorAll('console-chart[data-ready]').length,
                  modules: page.querySelectorAll('#modules li').length,
                  errors: [...page.querySelectorAll('.state-error .state-title')].map(e => e.textContent.trim()),
                  slowestApi: Math.max(0, ...performance.getEntriesByType('resource')
                    .filter(r => r.name.includes('/api/v1/stats/')).map(r => r.duration))});
              }
              const error = document.querySelector('.state-error .state-title');
              if (error && !document.querySelector('page-dashboard')) return done({state: 'error', errors: [error.textContent]});
              if (Date.now() > deadline) return done({state: 'timeout', errors: [document.body.innerText.slice(0, 300)]});
              requestAnimationFrame(check);
            })();""".formatted(PATIENCE.toMillis());

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: ConsoleRender <console URL, e.g. http://127.0.0.1:8080/console/>");
        }
        String console = args[0].endsWith("/") ? args[0] : args[0] + "/";
        String token = System.getenv("TOKEN");
        String identity = System.getenv("DEV_SIGN_IN");
        if ((token == null || token.isBlank()) == (identity == null || identity.isBlank())) {
            throw new IllegalArgumentException("set exactly one of TOKEN (a province admin's bearer token) and "
                    + "DEV_SIGN_IN (a demo identity of the dev sign-in page, e.g. province-admin)");
        }
        String org = env("BENCH_ORG", "QH");
        String campaign = env("BENCH_CAMPAIGN", "");
        int runs = Integer.parseInt(env("BENCH_RUNS", "10"));
        int warmups = Integer.parseInt(env("BENCH_WARMUPS", "2"));
        boolean coldCache = env("BENCH_COLD_CACHE", "0").equals("1");
        String dashboard = console + "#/dashboard/" + org + (campaign.isEmpty() ? "" : "?campaign=" + campaign);

        Path profile = Files.createTempDirectory("console-render-");
        ChromeDriver driver = start(profile);
        try {
            String version = (String) driver.getCapabilities().getCapability("browserVersion");
            System.out.printf("console-render: %s (chromium %s, headless, 1440x900, %s HTTP cache, %s, %d warm-ups, %d runs)%n",
                    dashboard, version, coldCache ? "cleared" : "warm", token != null ? "bearer token" : "dev sign-in as "
                            + identity, warmups, runs);
            List<Double> loads = new ArrayList<>();
            List<Double> apis = new ArrayList<>();
            List<Double> inApp = new ArrayList<>();
            for (int i = 0; i < warmups + runs; i++) {
                if (coldCache) {
                    driver.executeCdpCommand("Network.clearBrowserCache", Map.of());
                }
                driver.get("about:blank");
                driver.get(dashboard);
                Object signedIn = ((JavascriptExecutor) driver).executeAsyncScript(SIGN_IN, token, identity);
                if (!"ok".equals(signedIn)) {
                    throw new IllegalStateException("signing in failed: " + signedIn);
                }
                Map<?, ?> full = awaitRendered(driver, "full load");
                // The same page again, reached from a light page of the signed-in console once that has shown.
                driver.executeScript("location.hash = '#/content'");
                new WebDriverWait(driver, PATIENCE).until(ExpectedConditions.presenceOfElementLocated(
                        By.cssSelector("page-content #documents, page-content .state-error")));
                double start = ((Number) driver.executeScript(
                        "const t = performance.now(); location.hash = arguments[0]; return t;",
                        "#/dashboard/" + org + (campaign.isEmpty() ? "" : "?campaign=" + campaign))).doubleValue();
                Map<?, ?> again = awaitRendered(driver, "in-app navigation");
                if (i == 0) {
                    System.out.printf("page: %s cards, %s children, %s charts, %s module rows%n", full.get("cards"),
                            full.get("children"), full.get("charts"), full.get("modules"));
                }
                if (i < warmups) {
                    continue;
                }
                loads.add(number(full, "at"));
                apis.add(number(full, "slowestApi"));
                inApp.add(number(again, "at") - start);
            }
            report("full load, navigation to data-rendered", loads);
            report("in-app, hash change to data-rendered", inApp);
            report("slowest /api/v1/stats call of a full load", apis);
            int fromTop = runs - (int) Math.ceil(0.95 * runs) + 1;
            System.out.printf("(p95 is the nearest rank: with %d runs, the %s)%n", runs,
                    fromTop == 1 ? "slowest run, as max" : "run ranked " + fromTop + " from the slowest");
        } finally {
            driver.quit();
            deleteTree(profile);
        }
    }

    private static ChromeDriver start(Path profile) {
        for (String binary : List.of("/usr/bin/chromium", "/usr/bin/chromedriver")) {
            if (!Files.isExecutable(Path.of(binary))) {
                throw new IllegalStateException(binary + " is missing: apt-get install chromium chromium-driver");
            }
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(new File("/usr/bin/chromium"));
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + profile.resolve("profile"), "--window-size=1440,900", "--lang=zh-CN");
        // driver.get returns at DOMContentLoaded; the clock runs from navigation start whatever the strategy.
        options.setPageLoadStrategy(PageLoadStrategy.EAGER);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File("/usr/bin/chromedriver")).build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().scriptTimeout(PATIENCE.plusSeconds(5));
        return driver;
    }

    private static Map<?, ?> awaitRendered(ChromeDriver driver, String what) {
        Map<?, ?> result = (Map<?, ?>) driver.executeAsyncScript(RENDERED);
        if (!"true".equals(result.get("state"))) {
            throw new IllegalStateException(what + ": the dashboard did not render (" + result.get("state") + "): "
                    + result.get("errors"));
        }
        return result;
    }

    private static void report(String what, List<Double> millis) {
        List<Double> sorted = millis.stream().sorted().toList();
        System.out.printf("%-44s ms: p50 %6.0f   p95 %6.0f   max %6.0f%n", what, rank(sorted, 0.50), rank(sorted, 0.95),
                sorted.get(sorted.size() - 1));
    }

    /** Nearest-rank percentile of sorted values. */
    private static double rank(List<Double> sorted, double p) {
        return sorted.get(Math.max(0, (int) Math.ceil(p * sorted.size()) - 1));
    }

    private static double number(Map<?, ?> result, String key) {
        return ((Number) result.get(key)).doubleValue();
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
