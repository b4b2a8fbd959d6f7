package cn.qhzgh.study.security;

import cn.qhzgh.study.testsupport.Api;
import cn.qhzgh.study.testsupport.Database;
import cn.qhzgh.study.testsupport.Fixtures;
import cn.qhzgh.study.testsupport.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.jwt.build.Jwt;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/** Token claims are input: every malformed claim gets a documented 401 or 403 problem, never a 500. */
@QuarkusTest
class ClaimsApiTest {

    private static final String ME = "/api/v1/me";
    private static final String UNION = "T-CLM-G1";
    private static final String LONG_SUB = "w".repeat(65);

    @BeforeEach
    void union() {
        Fixtures.skeleton();
        Fixtures.orgs(UNION + ",【测试】令牌声明测试基层工会,GRASSROOTS,QH-XN-CD\n");
    }

    /** Each row: the claim at fault, then the JSON of sub, groups and org exactly as the token carries them. */
    @ParameterizedTest(name = "{0}: sub={1} groups={2} org={3}")
    @CsvSource(delimiter = '|', quoteCharacter = '\'', value = {
            "sub    | '\"wwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwww\"' | '[\"worker\"]'       | '\"T-CLM-G1\"'",
            "sub    | '\"\"'                       | '[\"worker\"]'       | '\"T-CLM-G1\"'",
            "sub    | '\" clm-lead\"'              | '[\"worker\"]'       | '\"T-CLM-G1\"'",
            "sub    | '\"clm-trail \"'             | '[\"worker\"]'       | '\"T-CLM-G1\"'",
            "sub    | '\"clm\\u0007bell\"'         | '[\"worker\"]'       | '\"T-CLM-G1\"'",
            "sub    | '\"clm\\nline\"'             | '[\"worker\"]'       | '\"T-CLM-G1\"'",
            "sub    | '\"clm\\u200bzw\"'           | '[\"worker\"]'       | '\"T-CLM-G1\"'",
            "sub    | '\"   \"'                    | '[\"worker\"]'       | '\"T-CLM-G1\"'",
            "org    | '\"clm-org-1\"'              | '[\"worker\"]'       | '42'",
            "org    | '\"clm-org-2\"'              | '[\"worker\"]'       | '[\"T-CLM-G1\"]'",
            "org    | '\"clm-org-3\"'              | '[\"worker\"]'       | '{\"code\":\"T-CLM-G1\"}'",
            "org    | '\"clm-org-4\"'              | '[\"worker\"]'       | 'true'",
            "org    | '\"clm-org-5\"'              | '[\"worker\"]'       | '\" T-CLM-G1\"'",
            "org    | '\"clm-org-6\"'              | '[\"worker\"]'       | '\"GGGGGGGGGGGGGGGGGGGGGGGGGGGGGGGGGGGGGGGGGGGGGGGGGGGGGGGGGGGGGGGGG\"'",
            "org    | '\"clm-org-7\"'              | '[\"worker\"]'       | '\"\"'",
            "org    | '\"clm-org-8\"'              | '[\"org-admin\"]'    | '7'",
            "org    | '\"clm-org-9\"'              | '[\"province-admin\"]' | '[\"QH\"]'",
            "groups | '\"clm-grp-1\"'              | '\"worker\"'         | '\"T-CLM-G1\"'",
            "groups | '\"clm-grp-2\"'              | '1'                  | '\"T-CLM-G1\"'",
            "groups | '\"clm-grp-3\"'              | '[\"worker\", 7]'    | '\"T-CLM-G1\"'",
            "groups | '\"clm-grp-4\"'              | '{\"worker\":true}'  | '\"T-CLM-G1\"'",
    })
    void malformedClaimIs401NamingTheClaim(String claim, String sub, String groups, String org) {
        long workers = Database.count("SELECT COUNT(*) FROM worker");
        String token = signed(sub, groups, org, null);
        Api.as(token).get(ME).then().statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", "Bearer")
                .body("status", equalTo(401))
                .body("type", equalTo("urn:qhzgh:study:problem:invalid-token-claims"))
                .body("detail", containsString("'" + claim.strip() + "'"));
        assertThat(Database.count("SELECT COUNT(*) FROM worker")).isEqualTo(workers);
    }

    @ParameterizedTest(name = "name={0}")
    @CsvSource(delimiter = '|', quoteCharacter = '\'', value = {
            "'42'",
            "'[\"张三\"]'",
            "'\"名名名名名名名名名名名名名名名名名名名名名名名名名名名名名名名名名名名名名名名名名名名名名名名名名名名名名名名名名名名名名名名名名\"'",
            "'\"张\\u0000三\"'",
    })
    void malformedNameIs401(String name) {
        Api.as(signed("\"clm-name\"", "[\"worker\"]", "\"" + UNION + "\"", name)).get(ME).then().statusCode(401)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:qhzgh:study:problem:invalid-token-claims"))
                .body("detail", containsString("'name'"));
        assertThat(Database.count("SELECT COUNT(*) FROM worker WHERE external_id = 'clm-name'")).isZero();
    }

    @Test
    void badClaimIsRejectedBeforeAnAdminEndpointDoesAnyWork() {
        // The audit page never resolves the caller itself; the claims are still checked first.
        Api.as(signed("\"clm-admin\"", "[\"province-admin\"]", "42", null)).get("/api/v1/admin/audit").then()
                .statusCode(401).contentType("application/problem+json")
                .body("type", equalTo("urn:qhzgh:study:problem:invalid-token-claims"));
        Api.as(signed("\"" + LONG_SUB + "\"", "[\"province-admin\"]", "\"QH\"", null)).get("/api/v1/admin/audit").then()
                .statusCode(401).body("detail", containsString("'sub'"));
    }

    @Test
    void tokenWithoutGroupsOrWithOnlyUnknownGroupsIs403() {
        Api.as(signed("\"clm-nogroups\"", null, "\"" + UNION + "\"", null)).get(ME).then().statusCode(403)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:qhzgh:study:problem:forbidden"));
        Api.as(signed("\"clm-guest\"", "[\"guest\", \"auditor\"]", "\"" + UNION + "\"", null)).get(ME).then()
                .statusCode(403).contentType("application/problem+json")
                .body("type", equalTo("urn:qhzgh:study:problem:forbidden"));
        Api.as(signed("\"clm-empty-groups\"", "[]", "\"" + UNION + "\"", null)).get(ME).then().statusCode(403)
                .body("type", equalTo("urn:qhzgh:study:problem:forbidden"));
        assertThat(Database.count("SELECT COUNT(*) FROM worker WHERE external_id IN "
                + "('clm-nogroups', 'clm-guest', 'clm-empty-groups')")).isZero();
    }

    @Test
    void unknownGroupsBesideAKnownRoleAreIgnored() {
        Api.as(signed("\"clm-extra-group\"", "[\"wechat-user\", \"worker\"]", "\"" + UNION + "\"", null))
                .get(ME).then().statusCode(200).body("role", equalTo("worker"));
    }

    @Test
    void wellFormedButUnknownOrgStaysUnknownOrg403() {
        Api.as(TestTokens.worker("clm-unknown-org", "T-CLM-NOWHERE")).get(ME).then().statusCode(403)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:qhzgh:study:problem:unknown-org"));
        Api.as(signed("\"clm-no-org\"", "[\"worker\"]", null, null)).get(ME).then().statusCode(403)
                .body("type", equalTo("urn:qhzgh:study:problem:unknown-org"));
    }

    @Test
    void longestValidSubAndNameAreAccepted() {
        String sub = "clm-" + "x".repeat(60);
        Api.as(signed("\"" + sub + "\"", "[\"worker\"]", "\"" + UNION + "\"", "\" " + "名".repeat(64) + " \""))
                .get(ME).then().statusCode(200).body("externalId", equalTo(sub)).body("name", equalTo("名".repeat(64)));
    }

    /** Signs exactly the given claim JSON (null leaves the claim out), and checks the payload really carries it. */
    static String signed(String sub, String groups, String org, String name) {
        long now = System.currentTimeMillis() / 1000;
        StringBuilder json = new StringBuilder("{\"iss\":\"" + TestTokens.ISSUER + "\",\"aud\":\"" + TestTokens.AUDIENCE
                + "\",\"iat\":" + now + ",\"exp\":" + (now + 3600));
        append(json, "sub", sub);
        append(json, "groups", groups);
        append(json, "org", org);
        append(json, "name", name);
        String token = Jwt.claimsJson(json.append('}').toString()).sign();
        String payload = new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8);
        if (groups != null) {
            assertThat(payload.replace(" ", "")).contains("\"groups\":" + groups.replace(" ", "").charAt(0));
        }
        return token;
    }

    private static void append(StringBuilder json, String claim, String value) {
        if (value != null) {
            json.append(",\"").append(claim).append("\":").append(value);
        }
    }
}
