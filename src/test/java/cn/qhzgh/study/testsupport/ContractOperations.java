package cn.qhzgh.study.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The operations of {@code openapi/openapi.yaml}: parameters, request body media types and schemas, and the statuses
 * each documents. Read with a plain YAML mapper so examples stay the strings the file spells (no YAML timestamps).
 */
public final class ContractOperations {

    public static final String JSON = "application/json";
    public static final String MULTIPART = "multipart/form-data";

    public record Parameter(String name, String in, boolean required, JsonNode schema) {
    }

    /** {@code bodies} maps each accepted media type to its content object (schema and example). */
    public record Operation(String method, String path, List<Parameter> parameters, Map<String, JsonNode> bodies,
                            Set<Integer> statuses) {

        public String name() {
            return method + " " + path;
        }

        public boolean accepts(String mediaType) {
            return bodies.containsKey(mediaType);
        }
    }

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final JsonNode root;

    private ContractOperations(JsonNode root) {
        this.root = root;
    }

    public static ContractOperations read(Path contract) {
        try {
            return new ContractOperations(new YAMLMapper().readTree(contract.toFile()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public List<Operation> operations() {
        List<Operation> operations = new ArrayList<>();
        root.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(op -> {
            JsonNode operation = op.getValue();
            List<Parameter> parameters = new ArrayList<>();
            operation.path("parameters").forEach(p -> parameters.add(new Parameter(p.path("name").asText(),
                    p.path("in").asText(), p.path("required").asBoolean(false), resolve(p.path("schema")))));
            Map<String, JsonNode> bodies = new LinkedHashMap<>();
            operation.path("requestBody").path("content").fields()
                    .forEachRemaining(c -> bodies.put(c.getKey(), c.getValue()));
            Set<Integer> statuses = new LinkedHashSet<>();
            operation.path("responses").fieldNames().forEachRemaining(code -> statuses.add(Integer.parseInt(code)));
            operations.add(new Operation(op.getKey().toUpperCase(), path.getKey(), List.copyOf(parameters),
                    Map.copyOf(bodies), Set.copyOf(statuses)));
        }));
        return operations;
    }

    /** Follows {@code $ref} and folds an {@code allOf} into one schema, so limits and enums sit on the node itself. */
    public JsonNode resolve(JsonNode schema) {
        if (schema.has("$ref")) {
            String[] pointer = schema.get("$ref").asText().substring(2).split("/");
            JsonNode target = root;
            for (String part : pointer) {
                target = target.path(part);
            }
            return resolve(target);
        }
        if (!schema.has("allOf")) {
            return schema;
        }
        ObjectNode merged = schema.deepCopy();
        merged.remove("allOf");
        for (JsonNode part : schema.get("allOf")) {
            Iterator<Map.Entry<String, JsonNode>> fields = resolve(part).fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                if (!merged.has(field.getKey())) {
                    merged.set(field.getKey(), field.getValue());
                }
            }
        }
        return merged;
    }

    /**
     * A valid body built from the examples the contract gives for each property (or the schema's own example);
     * {@code null} when the schema has none.
     */
    public JsonNode example(JsonNode schema) {
        JsonNode resolved = resolve(schema);
        if (resolved.has("example")) {
            return resolved.get("example");
        }
        if (resolved.has("properties")) {
            ObjectNode object = NODES.objectNode();
            resolved.get("properties").fields().forEachRemaining(property -> {
                JsonNode value = example(property.getValue());
                if (value != null) {
                    object.set(property.getKey(), value);
                }
            });
            return object;
        }
        if (resolved.has("items")) {
            JsonNode item = example(resolved.get("items"));
            return item == null ? null : NODES.arrayNode().add(item);
        }
        return null;
    }
}
