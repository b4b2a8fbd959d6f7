package cn.qhzgh.study.common;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** openapi/openapi.yaml is what the mobile teams code against; the served document must not drift from it. */
@QuarkusTest
class OpenApiContractTest {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Path CONTRACT = Path.of("openapi/openapi.yaml");

    @Test
    void servedDocumentMatchesTheContractFile() throws IOException {
        JsonNode served = YAML.readTree(RestAssured.get("/q/openapi").asString());
        JsonNode contract = YAML.readTree(CONTRACT.toFile());
        assertThat(OpenApiDrift.compare(served, contract))
                .as("drift between /q/openapi and %s; update the file with the API change", CONTRACT)
                .isEmpty();
    }

    @Test
    void driftIsDetected() throws IOException {
        JsonNode served = YAML.readTree(RestAssured.get("/q/openapi").asString());
        JsonNode contract = YAML.readTree(CONTRACT.toFile());
        ((ObjectNode) contract.path("paths")).remove("/api/v1/me");
        ((ObjectNode) contract.path("paths").path("/api/v1/modules").path("get")).put("operationId", "getModules");
        ((ArrayNode) contract.path("components").path("schemas").path("ModuleDetail").path("required")).remove(0);
        ((ObjectNode) contract.path("components").path("schemas").path("ModuleSummary").path("properties"))
                .remove("readingMinutes");
        assertThat(OpenApiDrift.compare(served, contract))
                .contains("served but not in the contract: GET /api/v1/me",
                        "GET /api/v1/modules operationId is \"getModules\" in the contract but \"listModules\" when served")
                .anySatisfy(line -> assertThat(line).startsWith("schema ModuleDetail required differ"))
                .anySatisfy(line -> assertThat(line).startsWith("schema ModuleSummary properties differ"));
    }
}
