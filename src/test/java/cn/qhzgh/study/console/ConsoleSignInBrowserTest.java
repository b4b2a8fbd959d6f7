package cn.qhzgh.study.console;

import cn.qhzgh.study.testsupport.Browser;
import cn.qhzgh.study.testsupport.ConsoleFixture;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Signing in through the identity provider (authorization code with PKCE), a worker turned away, an expired or busy
 * service, and the console's pure helpers, in the browser that runs them.
 */
@QuarkusTest
class ConsoleSignInBrowserTest extends ConsoleBrowserTest {

    @Test
    void identityProviderSignInWithPkceLandsOnTheDeepLinkWithTheTokenInMemoryOnly() {
        TestIdentityProvider.nextSubject = new TestIdentityProvider.Account("oidc-admin-cd", "org-admin", ConsoleFixture.COUNTY);
        browser.open("#/workers/" + ConsoleFixture.COUNTY);
        browser.click("#oidc-sign-in");
        browser.waitFor("#worker-list");
        assertThat(browser.hash()).isEqualTo("#/workers/" + ConsoleFixture.COUNTY);
        assertThat((String) browser.script("return location.search")).as("the code is gone from the address").isEmpty();

        TestIdentityProvider.Authorization asked = TestIdentityProvider.lastAuthorization;
        assertThat(asked.challengeMethod()).isEqualTo("S256");
        assertThat(asked.challenge()).matches("[A-Za-z0-9_-]{43}");
        assertThat(asked.clientId()).isEqualTo("study-console");
        assertThat(asked.scope()).isEqualTo("openid profile");
        assertThat(asked.redirectUri()).endsWith("/console/");
        assertThat(TestIdentityProvider.lastExchangeVerified).as("the token endpoint checked the verifier").isTrue();
        assertThat(browser.text("#who")).startsWith("城东区总工会");
        assertThat((Long) browser.script("return sessionStorage.length + localStorage.length")).isZero();
        assertThat((String) browser.script("return document.cookie")).isEmpty();

        browser.click("#sign-out");
        browser.waitFor("[data-reason='signed-out']");
        browser.go("#/dashboard/" + ConsoleFixture.COUNTY);
        assertThat(browser.all("#org-name")).isEmpty();
    }

    @Test
    void aRejectedAccessTokenIsRenewedWithTheRefreshTokenAndTheRequestRetriedOnce() {
        TestIdentityProvider.nextSubject = new TestIdentityProvider.Account("oidc-admin-renew", "org-admin", ConsoleFixture.CITY);
        TestIdentityProvider.refusesRefresh = false;
        browser.open("#/dashboard/" + ConsoleFixture.CITY);
        browser.click("#oidc-sign-in");
        browser.waitFor("#org-name");
        int grantsBefore = TestIdentityProvider.REFRESH_GRANTS.get();
        rejectTheFirstSummaryCall();
        browser.go("#/dashboard/" + ConsoleFixture.COUNTY);
        browser.waitForText("#org-name", "城东区总工会");
        List<?> sent = (List<?>) browser.script("return window.summaryBearers");
        assertThat(sent).as("the rejected call, then its retry with a new token").hasSize(2);
        assertThat(sent.get(1)).isNotEqualTo(sent.get(0));
        assertThat(TestIdentityProvider.REFRESH_GRANTS.get()).isEqualTo(grantsBefore + 1);
        assertThat((Long) browser.script("return sessionStorage.length + localStorage.length")).isZero();

        TestIdentityProvider.refusesRefresh = true;
        try {
            rejectTheFirstSummaryCall();
            browser.go("#/dashboard/" + ConsoleFixture.CITY);
            assertThat(browser.text("[data-reason='expired']")).isEqualTo("登录已过期，请重新登录。");
        } finally {
            TestIdentityProvider.refusesRefresh = false;
        }
    }

    @Test
    void aProvinceAdminWhoseTokenNamesNoUnionOpensTheProvince() {
        TestIdentityProvider.nextSubject = new TestIdentityProvider.Account("oidc-province-admin", "province-admin", null);
        browser.open("");
        browser.click("#oidc-sign-in");
        browser.waitFor("#org-name");
        assertThat(browser.hash()).startsWith("#/dashboard/QH");
        assertThat(browser.text("#who")).startsWith("青海省总工会");
    }

    /** The API answers the next /summary call 401, as it would an expired token; every /summary bearer is recorded. */
    private void rejectTheFirstSummaryCall() {
        browser.script("""
                const real = window.fetch;
                let rejected = false;
                window.summaryBearers = [];
                window.fetch = (url, init) => {
                  if (!String(url).includes('/summary')) return real(url, init);
                  window.summaryBearers.push(init?.headers?.Authorization);
                  if (rejected) return real(url, init);
                  rejected = true;
                  return Promise.resolve(new Response('', {status: 401}));
                };""");
    }

    @Test
    void aWorkerIsToldTheConsoleIsForUnionAdmins() {
        browser.open("");
        browser.signInAs("worker");
        assertThat(browser.text("[data-reason='worker']")).contains("本控制台供各级工会管理员使用");
        assertThat(browser.all("#page")).isEmpty();
    }

    @Test
    void withoutAConfiguredProviderTheSignInPageSaysSo() {
        browser.open("");
        browser.waitFor("[data-identity='province-admin']");
        browser.script("""
                document.querySelector('console-sign-in').settings = {oidc: null, devSignIn: false};""");
        assertThat(browser.text("#oidc-missing")).contains("尚未配置统一身份认证").contains("STUDY_CONSOLE_OIDC_ISSUER");
        assertThat(browser.all("#oidc-sign-in")).isEmpty();
    }

    @Test
    void anOverloadedServiceAsksToRetryAfterItsRetryAfter() {
        browser.open("#/dashboard/" + ConsoleFixture.CITY);
        browser.signInAs("province-admin");
        browser.waitFor("#org-name");
        browser.script("""
                const real = window.fetch;
                window.fetch = (url, init) => String(url).includes('/summary')
                  ? Promise.resolve(new Response(JSON.stringify({type: 'urn:qhzgh:study:problem:overloaded',
                      title: 'Service Unavailable', status: 503, detail: 'The service is overloaded.'}),
                      {status: 503, headers: {'Content-Type': 'application/problem+json', 'Retry-After': '7'}}))
                  : real(url, init);""");
        browser.go("#/dashboard/" + ConsoleFixture.COUNTY);
        browser.waitForText(".state-error .state-title", "服务繁忙，请 7 秒后重试");
        browser.script("""
                const real = window.fetch;
                window.fetch = (url, init) => String(url).includes('/summary')
                  ? Promise.resolve(new Response('', {status: 401})) : real(url, init);""");
        browser.click(".state-error button");
        assertThat(browser.text("[data-reason='expired']")).isEqualTo("登录已过期，请重新登录。");
    }

    @Test
    void pkceChallengeMatchesRfc7636AppendixB() {
        browser.open("");
        Object challenge = browser.await("""
                const pkce = await import('/console/shared/pkce.js');
                const verifier = pkce.base64Url(new Uint8Array([116, 24, 223, 180, 151, 153, 224, 37, 79, 250, 96, 125,
                  216, 173, 187, 186, 22, 212, 37, 77, 105, 214, 191, 240, 91, 88, 5, 88, 83, 132, 141, 121]));
                return [verifier, await pkce.challengeOf(verifier), pkce.newVerifier().length];""");
        assertThat(challenge).isEqualTo(List.of("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk",
                "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM", 43L));
    }

    @Test
    void figuresAreFormattedForChineseReadersInBeijingTime() {
        browser.open("");
        Object formatted = browser.await("""
                const f = await import('/console/shared/format.js');
                const api = await import('/console/shared/api.js');
                const later = new Date(Date.now() + 9000).toUTCString();
                return [f.formatCount(9999), f.formatCount(12345), f.formatCount(182000), f.formatCount(123456789),
                  f.formatPercent(0.5391), f.formatPercent(1), f.formatScore(null), f.formatScore(84.6),
                  f.formatDuration(45), f.formatDuration(1800), f.formatDuration(612345678),
                  f.formatDateTime('2022-11-20T01:30:00Z'), f.formatDay('2022-11-20'),
                  api.retryAfter(new Response('', {headers: {'Retry-After': '30'}})),
                  api.retryAfter(new Response('', {headers: {'Retry-After': later}})) >= 8];""");
        assertThat(formatted).isEqualTo(List.of("9,999", "1.2万", "18.2万", "1.2亿", "53.9%", "100.0%", "—", "84.6",
                "45 秒", "30 分钟", "17万小时", "2022-11-20 09:30", "11月20日", 30L, true));
    }
}
