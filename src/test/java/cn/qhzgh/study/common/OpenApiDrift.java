package cn.qhzgh.study.common;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Structural comparison of the served OpenAPI document with the contract file. The file may say more
 * (descriptions, examples, extra error responses) but must describe the same operations (with their ids and tags),
 * parameters, bodies, success schemas and DTO fields (with those required) as the code serves.
 */
final class OpenApiDrift {

    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");

    private OpenApiDrift() {
    }

    static List<String> compare(JsonNode served, JsonNode contract) {
        List<String> drift = new ArrayList<>();
        if (!served.path("openapi").equals(contract.path("openapi"))) {
            drift.add("OpenAPI version is " + contract.path("openapi").asText() + " in the contract but "
                    + served.path("openapi").asText() + " when served");
        }
        Set<String> servedOps = operations(served);
        Set<String> contractOps = operations(contract);
        difference(servedOps, contractOps).forEach(op -> drift.add("served but not in the contract: " + op));
        difference(contractOps, servedOps).forEach(op -> drift.add("in the contract but not served: " + op));
        for (String op : servedOps) {
            if (contractOps.contains(op)) {
                compareOperation(op, operation(served, op), operation(contract, op), drift);
            }
        }
        compareSchemas(served.path("components").path("schemas"), contract.path("components").path("schemas"), drift);
        return drift;
    }

    private static void compareOperation(String op, JsonNode served, JsonNode contract, List<String> drift) {
        if (!served.path("operationId").equals(contract.path("operationId"))) {
            drift.add(op + " operationId is " + contract.path("operationId") + " in the contract but "
                    + served.path("operationId") + " when served");
        }
        same(op + " tags", values(served.path("tags")), values(contract.path("tags")), drift);
        same(op + " parameters", parameters(served), parameters(contract), drift);
        same(op + " request media types", names(served.path("requestBody").path("content")),
                names(contract.path("requestBody").path("content")), drift);
        Set<String> missingCodes = difference(names(served.path("responses")), names(contract.path("responses")));
        if (!missingCodes.isEmpty()) {
            drift.add(op + " responses missing from the contract: " + missingCodes);
        }
        for (String code : names(served.path("responses"))) {
            String servedSchema = successSchema(served.path("responses").path(code));
            String contractSchema = successSchema(contract.path("responses").path(code));
            if (code.startsWith("2") && !servedSchema.equals(contractSchema)) {
                drift.add(op + " " + code + " schema is " + contractSchema + " in the contract but "
                        + servedSchema + " when served");
            }
        }
    }

    private static void compareSchemas(JsonNode served, JsonNode contract, List<String> drift) {
        for (String name : names(served)) {
            if (contract.path(name).isMissingNode()) {
                drift.add("schema " + name + " is served but not in the contract");
                continue;
            }
            same("schema " + name + " properties", names(served.path(name).path("properties")),
                    names(contract.path(name).path("properties")), drift);
            same("schema " + name + " required", values(served.path(name).path("required")),
                    values(contract.path(name).path("required")), drift);
        }
        difference(names(contract), names(served)).forEach(name ->
                drift.add("schema " + name + " is in the contract but not served"));
    }

    private static String successSchema(JsonNode response) {
        JsonNode content = response.path("content");
        if (content.isMissingNode() || content.isEmpty()) {
            return "(none)";
        }
        JsonNode schema = content.elements().next().path("schema");
        JsonNode ref = schema.has("$ref") ? schema.path("$ref") : schema.path("items").path("$ref");
        return ref.isMissingNode() ? schema.path("type").asText("(inline)") : ref.asText();
    }

    private static Set<String> operations(JsonNode document) {
        Set<String> ops = new TreeSet<>();
        document.path("paths").fields().forEachRemaining(path -> path.getValue().fieldNames().forEachRemaining(method -> {
            if (METHODS.contains(method)) {
                ops.add(method.toUpperCase() + " " + path.getKey());
            }
        }));
        return ops;
    }

    private static JsonNode operation(JsonNode document, String op) {
        String[] parts = op.split(" ", 2);
        return document.path("paths").path(parts[1]).path(parts[0].toLowerCase());
    }

    private static Set<String> parameters(JsonNode operation) {
        Set<String> params = new TreeSet<>();
        operation.path("parameters").forEach(p -> params.add(p.path("in").asText() + ":" + p.path("name").asText()));
        return params;
    }

    private static Set<String> values(JsonNode array) {
        Set<String> values = new TreeSet<>();
        array.forEach(value -> values.add(value.asText()));
        return values;
    }

    private static Set<String> names(JsonNode node) {
        Set<String> names = new TreeSet<>();
        Iterator<String> fields = node.fieldNames();
        fields.forEachRemaining(names::add);
        return names;
    }

    private static void same(String what, Set<String> served, Set<String> contract, List<String> drift) {
        if (!served.equals(contract)) {
            drift.add(what + " differ: served " + served + ", contract " + contract);
        }
    }

    private static Set<String> difference(Set<String> a, Set<String> b) {
        Set<String> result = new TreeSet<>(a);
        result.removeAll(b);
        return result;
    }
}
