package cn.qhzgh.study.security;

import cn.qhzgh.study.common.DomainException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TokenClaimsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static TokenClaims read(String payload) throws JsonProcessingException {
        return TokenClaims.of(JSON.readTree(payload));
    }

    @Test
    void wellFormedClaimsAreRead() throws Exception {
        assertThat(read("{\"sub\":\"qh-w-000128\",\"groups\":[\"worker\"],\"org\":\"QH-XN-CD\",\"name\":\" 张三 \"}"))
                .isEqualTo(new TokenClaims("qh-w-000128", Roles.WORKER, "QH-XN-CD", "张三"));
        assertThat(read("{\"sub\":\"a@b.cn\",\"groups\":[\"worker\",\"province-admin\",\"wechat\"]}"))
                .isEqualTo(new TokenClaims("a@b.cn", Roles.PROVINCE_ADMIN, null, null));
    }

    @Test
    void groupsWithoutARoleOfOursGiveNoRole() throws Exception {
        assertThat(read("{\"sub\":\"w1\",\"groups\":[\"guest\"]}").role()).isNull();
        assertThat(read("{\"sub\":\"w1\",\"groups\":[]}").role()).isNull();
        assertThat(read("{\"sub\":\"w1\"}").role()).isNull();
    }

    @Test
    void blankNameFallsBackLater() throws Exception {
        assertThat(read("{\"sub\":\"w1\",\"groups\":[\"worker\"],\"name\":\"   \"}").name()).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"groups\":[\"worker\"]}",
            "{\"sub\":\"\",\"groups\":[\"worker\"]}",
            "{\"sub\":42,\"groups\":[\"worker\"]}",
            "{\"sub\":\" w1\",\"groups\":[\"worker\"]}",
            "{\"sub\":\"w1\\t\",\"groups\":[\"worker\"]}",
            "{\"sub\":\"w\\u00001\",\"groups\":[\"worker\"]}",
            "{\"sub\":\"w\\u200b1\",\"groups\":[\"worker\"]}",
            "{\"sub\":\"张三\",\"groups\":[\"worker\"]}",
            "{\"sub\":\"wwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwww\",\"groups\":[\"worker\"]}",
    })
    void badSubIsNamed(String payload) {
        assertInvalid(payload, "'sub'");
    }

    @ParameterizedTest
    @ValueSource(strings = {"42", "true", "null", "[\"QH\"]", "{\"code\":\"QH\"}", "\"\"", "\" QH\"", "\"-QH\"",
            "\"QH XN\"", "\"GGGGGGGGGGGGGGGGGGGGGGGGGGGGGGGGGGGGGGGGGGGGGGGGGGGGGGGGGGGGGGGGG\""})
    void badOrgIsNamed(String org) {
        assertInvalid("{\"sub\":\"w1\",\"groups\":[\"worker\"],\"org\":" + org + "}", "'org'");
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"worker\"", "1", "null", "{\"worker\":true}", "[\"worker\",7]", "[[\"worker\"]]"})
    void badGroupsAreNamed(String groups) {
        assertInvalid("{\"sub\":\"w1\",\"groups\":" + groups + "}", "'groups'");
    }

    @ParameterizedTest
    @ValueSource(strings = {"42", "[\"张三\"]", "\"张\\u0007三\"",
            "\"名名名名名名名名名名名名名名名名名名名名名名名名名名名名名名名名名名名名名名名名名名名名名名名名名名名名名名名名名名名名名名名名名\""})
    void badNameIsNamed(String name) {
        assertInvalid("{\"sub\":\"w1\",\"groups\":[\"worker\"],\"name\":" + name + "}", "'name'");
    }

    private static void assertInvalid(String payload, String claim) {
        assertThatThrownBy(() -> read(payload))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.status()).isEqualTo(401);
                    assertThat(e.slug()).isEqualTo(TokenClaims.INVALID);
                    assertThat(e.getMessage()).contains(claim);
                });
    }
}
