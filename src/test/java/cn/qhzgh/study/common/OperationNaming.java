package cn.qhzgh.study.common;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The rules a client generator needs from the contract: every operation has a unique lowerCamelCase operationId
 * starting with a verb from {@link #VERBS} (it becomes the method name), and exactly one tag that is declared at the
 * top with a Chinese description (it becomes the API class).
 */
final class OperationNaming {

    static final Set<String> VERBS = Set.of("list", "get", "create", "update", "archive", "restore", "import", "export",
            "publish", "unpublish", "close", "set", "start", "submit", "sync");

    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");
    private static final Pattern LOWER_CAMEL = Pattern.compile("([a-z]+)(?:[A-Z][a-z0-9]*)+");
    private static final Pattern CHINESE = Pattern.compile("\\p{IsHan}");

    private OperationNaming() {
    }

    static List<String> problems(JsonNode document) {
        List<String> problems = new ArrayList<>();
        Map<String, String> declared = new HashMap<>();
        document.path("tags").forEach(tag -> declared.put(tag.path("name").asText(), tag.path("description").asText("")));
        declared.forEach((name, description) -> {
            if (!CHINESE.matcher(description).find()) {
                problems.add("tag " + name + " has no Chinese description");
            }
        });
        Map<String, String> seen = new HashMap<>();
        Set<String> used = new HashSet<>();
        document.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(method -> {
            if (!METHODS.contains(method.getKey())) {
                return;
            }
            String op = method.getKey().toUpperCase() + " " + path.getKey();
            JsonNode operation = method.getValue();
            String id = operation.path("operationId").asText("");
            if (id.isEmpty()) {
                problems.add(op + " has no operationId");
            } else {
                String earlier = seen.putIfAbsent(id, op);
                if (earlier != null) {
                    problems.add(op + " repeats operationId " + id + " of " + earlier);
                }
                Matcher camel = LOWER_CAMEL.matcher(id);
                if (!camel.matches()) {
                    problems.add(op + " operationId " + id + " is not lowerCamelCase with a verb and an object");
                } else if (!VERBS.contains(camel.group(1))) {
                    problems.add(op + " operationId " + id + " does not start with one of the verbs " + VERBS);
                }
            }
            JsonNode tags = operation.path("tags");
            if (tags.size() != 1) {
                problems.add(op + " has " + tags.size() + " tags instead of one");
            }
            tags.forEach(tag -> {
                used.add(tag.asText());
                if (!declared.containsKey(tag.asText())) {
                    problems.add(op + " uses tag " + tag.asText() + ", which is not declared");
                }
            });
        }));
        declared.keySet().stream().filter(tag -> !used.contains(tag)).sorted()
                .forEach(tag -> problems.add("tag " + tag + " is declared but no operation uses it"));
        return problems;
    }
}
