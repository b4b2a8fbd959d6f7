package cn.qhzgh.study.common;

import cn.qhzgh.study.testsupport.ContractValidation;
import com.atlassian.oai.validator.report.MessageResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import com.atlassian.oai.validator.schema.SchemaValidator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.parser.OpenAPIV3Parser;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The mobile teams copy the contract's examples: every JSON body of every operation must have one, built from
 * its own example or its fields' examples, and each must be valid against the schema it illustrates.
 */
class OpenApiExamplesTest {

    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch");

    private static JsonNode document;
    private static OpenAPI model;
    private static SchemaValidator schemas;

    @BeforeAll
    static void load() throws IOException {
        document = new ObjectMapper(new YAMLFactory()).readTree(ContractValidation.CONTRACT.toFile());
        model = new OpenAPIV3Parser().read(ContractValidation.CONTRACT.toUri().toString());
        schemas = new SchemaValidator(model, new MessageResolver());
    }

    @Test
    void everyFieldExampleFitsItsField() throws IOException {
        List<String> invalid = new ArrayList<>();
        for (Map.Entry<String, Schema> component : model.getComponents().getSchemas().entrySet()) {
            Map<String, Schema> properties = component.getValue().getProperties();
            if (properties == null) {
                continue;
            }
            for (Map.Entry<String, Schema> property : properties.entrySet()) {
                JsonNode example = document.path("components").path("schemas").path(component.getKey())
                        .path("properties").path(property.getKey()).path("example");
                if (!example.isMissingNode()) {
                    check(component.getKey() + "." + property.getKey(), example, property.getValue(), invalid);
                }
            }
        }
        assertThat(invalid).isEmpty();
    }

    @Test
    void everyJsonBodyHasAValidExample() throws IOException {
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, JsonNode> path : iterable(document.path("paths"))) {
            for (Map.Entry<String, JsonNode> operation : iterable(path.getValue())) {
                if (!METHODS.contains(operation.getKey())) {
                    continue;
                }
                String name = operation.getKey().toUpperCase() + " " + path.getKey();
                Operation modelOperation = model.getPaths().get(path.getKey()).readOperationsMap()
                        .get(PathItem.HttpMethod.valueOf(operation.getKey().toUpperCase()));
                JsonNode body = operation.getValue().path("requestBody").path("content");
                for (Map.Entry<String, JsonNode> media : iterable(body)) {
                    checkBody(name + " request " + media.getKey(), media.getValue(),
                            modelOperation.getRequestBody().getContent().get(media.getKey()), problems);
                }
                for (Map.Entry<String, JsonNode> response : iterable(operation.getValue().path("responses"))) {
                    for (Map.Entry<String, JsonNode> media : iterable(response.getValue().path("content"))) {
                        checkBody(name + " " + response.getKey() + " " + media.getKey(), media.getValue(),
                                modelOperation.getResponses().get(response.getKey()).getContent().get(media.getKey()),
                                problems);
                    }
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    private static void checkBody(String where, JsonNode media, MediaType modelMedia, List<String> problems)
            throws IOException {
        if (!where.contains("json")) {
            return;
        }
        List<String> missing = new ArrayList<>();
        JsonNode example = media.has("example") ? media.get("example") : compose(media.path("schema"), missing);
        if (!missing.isEmpty()) {
            problems.add(where + " has no example for " + missing);
            return;
        }
        check(where, example, modelMedia.getSchema(), problems);
    }

    /** The example a reader sees: the schema's own, or one assembled from its properties' and items' examples. */
    private static JsonNode compose(JsonNode schema, List<String> missing) {
        if (schema.has("$ref")) {
            String name = schema.get("$ref").asText().replace("#/components/schemas/", "");
            return compose(document.path("components").path("schemas").path(name), missing);
        }
        if (schema.has("example")) {
            return schema.get("example");
        }
        if (schema.has("allOf")) {
            return compose(schema.get("allOf").get(0), missing);
        }
        if (schema.has("enum")) {
            return schema.get("enum").get(0);
        }
        if ("array".equals(schema.path("type").asText())) {
            JsonNode item = compose(schema.path("items"), missing);
            if (item.isMissingNode()) {
                missing.add("items");
                return item;
            }
            ArrayNode items = JsonNodeFactory.instance.arrayNode();
            return items.add(item);
        }
        ObjectNode object = JsonNodeFactory.instance.objectNode();
        for (Map.Entry<String, JsonNode> property : iterable(schema.path("properties"))) {
            JsonNode example = compose(property.getValue(), missing);
            if (example.isMissingNode()) {
                missing.add(property.getKey());
            } else {
                object.set(property.getKey(), example);
            }
        }
        return schema.has("properties") ? object : JsonNodeFactory.instance.missingNode();
    }

    private static void check(String where, JsonNode example, Schema<?> schema, List<String> invalid)
            throws IOException {
        ValidationReport report = schemas.validate(() -> example, schema, "example");
        if (report.hasErrors()) {
            invalid.add(where + ": " + report.getMessages());
        }
    }

    private static Iterable<Map.Entry<String, JsonNode>> iterable(JsonNode node) {
        return node::fields;
    }
}
