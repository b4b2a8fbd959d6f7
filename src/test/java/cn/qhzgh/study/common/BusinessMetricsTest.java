package cn.qhzgh.study.common;

import cn.qhzgh.study.testsupport.Api;
import cn.qhzgh.study.testsupport.ContractValidation;
import cn.qhzgh.study.testsupport.Fixtures;
import cn.qhzgh.study.testsupport.Management;
import cn.qhzgh.study.testsupport.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

@QuarkusTest
class BusinessMetricsTest {

    private static double metric(String name, String labels) {
        String text = Management.given().get("/q/metrics").then().statusCode(200).extract().asString();
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(name) + "\\{" + Pattern.quote(labels) + "[^}]*} ([0-9.E]+)$")
                .matcher(text);
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }

    @Test
    void progressEventsAreCountedByStatus() {
        Fixtures.skeleton();
        Fixtures.notice();
        Fixtures.orgs("QH-TMX-G1,【测试】指标基层工会,GRASSROOTS,QH-XN-CD\n");
        double accepted = metric("study_progress_events_total", "status=\"ACCEPTED\"");
        double rejected = metric("study_progress_events_total", "status=\"REJECTED\"");
        long module = cn.qhzgh.study.testsupport.Database.count("SELECT MIN(id) FROM study_module");
        Map<String, Object> good = Map.of("eventId", UUID.randomUUID().toString(), "moduleId", module, "percent", 10,
                "secondsSpent", 5, "occurredAt", OffsetDateTime.now().toString(), "channel", "APP");
        Map<String, Object> bad = Map.of("eventId", "x", "moduleId", module, "percent", 10, "secondsSpent", 5,
                "occurredAt", OffsetDateTime.now().toString(), "channel", "APP");
        Api.as(TestTokens.worker("tmx-w-1", "QH-TMX-G1"))
                .filter(ContractValidation.requestDeliberatelyBreaksContract("a rejected event must be counted"))
                .contentType("application/json")
                .body(Map.of("events", List.of(good, bad))).post("/api/v1/me/progress").then().statusCode(200);
        assertThat(metric("study_progress_events_total", "status=\"ACCEPTED\"")).isEqualTo(accepted + 1);
        assertThat(metric("study_progress_events_total", "status=\"REJECTED\"")).isEqualTo(rejected + 1);
    }
}
