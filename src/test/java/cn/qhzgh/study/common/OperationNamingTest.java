package cn.qhzgh.study.common;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** openapi/openapi.yaml names every operation and groups it the way generated clients need (no Quarkus start). */
class OperationNamingTest {

    private static final Path CONTRACT = Path.of("openapi/openapi.yaml");

    private static JsonNode contract() throws IOException {
        return new YAMLMapper().readTree(CONTRACT.toFile());
    }

    private static ObjectNode operation(JsonNode document, String method, String path) {
        return (ObjectNode) document.path("paths").path(path).path(method);
    }

    @Test
    void everyOperationHasAUniqueVerbFirstIdAndOneDeclaredTag() throws IOException {
        assertThat(OperationNaming.problems(contract())).isEmpty();
    }

    @Test
    void theIdsTheAppsCallByNameAreThere() throws IOException {
        JsonNode document = contract();
        assertThat(operation(document, "get", "/api/v1/modules").path("operationId").asText()).isEqualTo("listModules");
        assertThat(operation(document, "post", "/api/v1/quizzes/{id}/attempts").path("operationId").asText())
                .isEqualTo("startAttempt");
        assertThat(operation(document, "get", "/api/v1/stats/orgs/{code}/summary").path("operationId").asText())
                .isEqualTo("getOrgSummary");
    }

    @Test
    void missingRepeatedAndBadlyNamedIdsAndStrayTagsAreFound() throws IOException {
        JsonNode document = contract();
        operation(document, "get", "/api/v1/me").remove("operationId");
        operation(document, "get", "/api/v1/notices").put("operationId", "listModules");
        operation(document, "get", "/api/v1/notices/{id}").put("operationId", "noticeById");
        operation(document, "get", "/api/v1/orgs/{code}").put("operationId", "Get_org");
        ((ArrayNode) operation(document, "get", "/api/v1/orgs/{code}/tree").withArray("tags")).removeAll().add("Org Resource");
        ((ObjectNode) document.path("tags").get(0)).put("description", "Study modules");
        assertThat(OperationNaming.problems(document)).contains(
                "GET /api/v1/me has no operationId",
                "GET /api/v1/notices repeats operationId listModules of GET /api/v1/modules",
                "GET /api/v1/notices/{id} operationId noticeById does not start with one of the verbs "
                        + OperationNaming.VERBS,
                "GET /api/v1/orgs/{code} operationId Get_org is not lowerCamelCase with a verb and an object",
                "GET /api/v1/orgs/{code}/tree uses tag Org Resource, which is not declared",
                "tag Modules has no Chinese description");
    }
}
