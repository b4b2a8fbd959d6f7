package cn.qhzgh.study.common;

import cn.qhzgh.study.testsupport.Api;
import cn.qhzgh.study.testsupport.ContractValidation;
import cn.qhzgh.study.testsupport.Fixtures;
import cn.qhzgh.study.testsupport.TestTokens;
import com.atlassian.oai.validator.restassured.OpenApiValidationFilter.OpenApiValidationException;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.builder.ResponseBuilder;
import io.restassured.filter.Filter;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Proves the suite-wide contract check is on and bites: a wrong response or request fails the calling test. */
@QuarkusTest
class ContractValidationTest {

    private String worker;

    @BeforeEach
    void worker() {
        Fixtures.skeleton();
        worker = TestTokens.worker("contract-w-1", "QH-XN-CZ");
    }

    @Test
    void everyRestAssuredCallGoesThroughTheContractFilter() {
        assertThat(RestAssured.filters()).contains(ContractValidation.instance());
        Api.as(worker).get("/api/v1/me").then().statusCode(200);
    }

    /** swagger-request-validator reads 3.1 type arrays as no type at all, which would let every wrong type pass. */
    @Test
    void theContractIsOpenApi30SoTheValidatorChecksTypes() throws IOException {
        assertThat(Files.readString(ContractValidation.CONTRACT)).containsPattern("(?m)^openapi: 3\\.0\\.\\d+$");
    }

    @Test
    void aResponseTheContractDoesNotDescribeFailsTheCall() {
        assertThatThrownBy(() -> Api.as(worker).filter(replaceBodyWith("{\"externalId\": 128, \"role\": [\"worker\"]}"))
                .get("/api/v1/me"))
                .isInstanceOf(OpenApiValidationException.class)
                .hasMessageContaining("validation.response.body.schema.type")
                .hasMessageContaining("/externalId");
    }

    @Test
    void aResponseStatusTheContractDoesNotListFailsTheCall() {
        assertThatThrownBy(() -> Api.as(worker).filter((request, response, context) ->
                new ResponseBuilder().clone(context.next(request, response)).setStatusCode(418).build())
                .get("/api/v1/me"))
                .isInstanceOf(OpenApiValidationException.class)
                .hasMessageContaining("validation.response.status.unknown");
    }

    @Test
    void aRequestTheContractForbidsFailsTheCallEvenWhenTheServerCopes() {
        Map<String, Object> outOfRange = Map.of("eventId", UUID.randomUUID().toString(), "moduleId", 1, "percent", 101,
                "secondsSpent", 5, "occurredAt", OffsetDateTime.now().toString(), "channel", "APP");
        assertThatThrownBy(() -> Api.as(worker).contentType("application/json")
                .body(Map.of("events", List.of(outOfRange))).post("/api/v1/me/progress"))
                .isInstanceOf(OpenApiValidationException.class)
                .hasMessageContaining("validation.request.body.schema.maximum");
    }

    @Test
    void anExemptRequestStillHasItsResponseChecked() {
        assertThatThrownBy(() -> Api.as(worker)
                .filter(ContractValidation.requestDeliberatelyBreaksContract("proving exemptions cover only the request"))
                .filter(replaceBodyWith("{\"type\": 400}"))
                .contentType("application/json").body("{not json").post("/api/v1/me/progress"))
                .isInstanceOf(OpenApiValidationException.class)
                .hasMessageContaining("/type");
    }

    @Test
    void anExemptionMustSayWhy() {
        assertThatThrownBy(() -> ContractValidation.requestDeliberatelyBreaksContract(" "))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /** Runs inside the contract filter, so the validator sees the altered response as if the server had sent it. */
    private static Filter replaceBodyWith(String body) {
        return (request, response, context) -> new ResponseBuilder().clone(context.next(request, response))
                .setBody(body).build();
    }
}
