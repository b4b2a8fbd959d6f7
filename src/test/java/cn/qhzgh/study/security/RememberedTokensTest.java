package cn.qhzgh.study.security;

import cn.qhzgh.study.testsupport.Api;
import cn.qhzgh.study.testsupport.Fixtures;
import cn.qhzgh.study.testsupport.TestTokens;
import io.quarkus.arc.ClientProxy;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTCallerPrincipalFactory;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

@QuarkusTest
class RememberedTokensTest {

    @Inject
    JWTCallerPrincipalFactory factory;

    @Inject
    JWTAuthContextInfo settings;

    private static long nowSeconds() {
        return System.currentTimeMillis() / 1000;
    }

    @Test
    void theServiceVerifiesThroughTheRememberingFactory() {
        assertThat(ClientProxy.unwrap(factory)).isInstanceOf(RememberingJwtCallerPrincipalFactory.class);
        Fixtures.skeleton();
        Fixtures.orgs("T-REM-G1,【测试】令牌测试基层工会,GRASSROOTS,QH-XN-CD\n");
        String token = TestTokens.worker("rem-w-1", "T-REM-G1");
        Api.as(token).get("/api/v1/me").then().statusCode(200);
        Api.as(token).get("/api/v1/me").then().statusCode(200);
    }

    @Test
    void aValidTokenIsVerifiedOnceAndRecognisedAfterwards() throws Exception {
        String token = TestTokens.worker("rem-w-2", "T-REM-G1");
        assertThat(factory.parse(token, settings)).isSameAs(factory.parse(token, settings));
    }

    @Test
    void aTokenPastItsExpiryIsVerifiedAgainEveryTime() throws Exception {
        // Expired a few seconds ago: within the verifier's clock skew, so it still verifies, but is never remembered.
        String token = TestTokens.claims("rem-w-3", "worker", "T-REM-G1")
                .issuedAt(nowSeconds() - 600).expiresAt(nowSeconds() - 5).sign();
        assertThat(factory.parse(token, settings)).isNotSameAs(factory.parse(token, settings));
    }
}
