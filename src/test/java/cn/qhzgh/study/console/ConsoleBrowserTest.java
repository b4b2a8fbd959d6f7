package cn.qhzgh.study.console;

import cn.qhzgh.study.testsupport.Browser;
import cn.qhzgh.study.testsupport.ConsoleFixture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/** One headless chromium per test class, and the console's demo data in the test database before every test. */
abstract class ConsoleBrowserTest {

    protected static Browser browser;

    @BeforeAll
    static void startBrowser() {
        browser = Browser.start();
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @BeforeEach
    void consoleData() {
        ConsoleFixture.ensure();
    }
}
