package cn.qhzgh.study.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * The hostile values a robustness test sends for one field: numbers at and beyond the integer limits, values just
 * outside the schema's limits, huge strings, control and zero-width characters, wrong types, unknown enum values
 * and impossible dates. Every field gets all of them, whatever its type, since a phone may send anything.
 */
public final class BadValues {

    /** One value for a parameter, sent as text; {@code label} names the case without the value's bulk. */
    public record Text(String label, String value) {
    }

    /** One value for a JSON body field; a {@code null} value means the field is left out. */
    public record Json(String label, JsonNode value) {
    }

    public static final String HUGE = "x".repeat(10_000);
    public static final String CONTROL = "a\u0000b\u0007c\u001Bd";
    public static final String ZERO_WIDTH = "\u200B\u200D\uFEFF\u2060";

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final List<Text> NUMBERS = List.of(new Text("-1", "-1"), new Text("0", "0"),
            new Text("2147483647", "2147483647"), new Text("9223372036854775807", "9223372036854775807"),
            new Text("99999999999999999999 (beyond long)", "99999999999999999999"), new Text("1.5", "1.5"));
    private static final List<Text> STRINGS = List.of(new Text("10000 chars", HUGE),
            new Text("control characters", CONTROL), new Text("zero-width characters", ZERO_WIDTH),
            new Text("empty", ""), new Text("blank", "   "), new Text("not a number", "abc"),
            new Text("unknown enum value", "NOT_A_KNOWN_VALUE"));
    private static final List<Text> DATES = List.of(new Text("far-past date", "0001-01-01"),
            new Text("far-future date", "9999-12-31"), new Text("beyond-year-9999 date", "+999999999-12-31"),
            new Text("malformed date", "2022-13-45"), new Text("far-past date-time", "0001-01-01T00:00:00Z"),
            new Text("far-future date-time", "9999-12-31T23:59:59Z"),
            new Text("beyond-year-9999 date-time", "+999999999-12-31T23:59:59Z"),
            new Text("malformed date-time", "2022-11-20T25:61:00+08:00"));

    /** Opaque tokens (cursors, keys) are often base64url of colon-separated numbers; these carry hostile ones. */
    private static final List<Text> ENCODED = List.of(
            new Text("base64url of numbers beyond every range", base64Url("99999999999999999:9223372036854775807:9:x")),
            new Text("base64url of negative numbers", base64Url("-1:-1:-1:-1")));

    private BadValues() {
    }

    /** The impossible dates alone: date parameters often form a range, so a test sets them all at once. */
    public static List<Text> dates() {
        return DATES;
    }

    /** Values for a path, query or header parameter of the given (resolved) schema. */
    public static List<Text> forParameter(JsonNode schema) {
        List<Text> values = new ArrayList<>(NUMBERS);
        values.addAll(outsideLimits(schema));
        values.addAll(STRINGS);
        values.addAll(DATES);
        values.addAll(ENCODED);
        return values;
    }

    /** Values for one JSON body field whose valid example is {@code example}. */
    public static List<Json> forJsonField(JsonNode schema, JsonNode example) {
        List<Json> values = new ArrayList<>();
        values.add(new Json("missing", null));
        values.add(new Json("null", NODES.nullNode()));
        values.add(new Json("-1", NODES.numberNode(-1)));
        values.add(new Json("0", NODES.numberNode(0)));
        values.add(new Json("2147483647", NODES.numberNode(Integer.MAX_VALUE)));
        values.add(new Json("9223372036854775807", NODES.numberNode(Long.MAX_VALUE)));
        values.add(new Json("99999999999999999999 (beyond long)",
                NODES.numberNode(new BigInteger("99999999999999999999"))));
        values.add(new Json("1.5", NODES.numberNode(1.5)));
        values.add(new Json("true", NODES.booleanNode(true)));
        values.add(new Json("object", NODES.objectNode().put("unexpected", 1)));
        values.add(new Json("empty array", NODES.arrayNode()));
        STRINGS.forEach(text -> values.add(new Json(text.label(), NODES.textNode(text.value()))));
        DATES.forEach(text -> values.add(new Json(text.label(), NODES.textNode(text.value()))));
        outsideLimits(schema).forEach(text -> values.add(new Json(text.label(), number(text.value()))));
        if (schema.has("maxItems") && example != null && example.isArray() && !example.isEmpty()) {
            ArrayNode tooMany = NODES.arrayNode();
            for (int i = 0; i <= schema.get("maxItems").asInt(); i++) {
                tooMany.add(example.get(0).deepCopy());
            }
            values.add(new Json("maxItems + 1", tooMany));
        }
        return values;
    }

    /** The values one step outside minimum, maximum, minLength and maxLength. */
    private static List<Text> outsideLimits(JsonNode schema) {
        List<Text> values = new ArrayList<>();
        if (schema.has("minimum")) {
            values.add(new Text("minimum - 1", schema.get("minimum").bigIntegerValue().subtract(BigInteger.ONE).toString()));
        }
        if (schema.has("maximum")) {
            values.add(new Text("maximum + 1", schema.get("maximum").bigIntegerValue().add(BigInteger.ONE).toString()));
        }
        if (schema.has("minLength") && schema.get("minLength").asInt() > 0) {
            values.add(new Text("minLength - 1", "x".repeat(schema.get("minLength").asInt() - 1)));
        }
        if (schema.has("maxLength")) {
            values.add(new Text("maxLength + 1", "x".repeat(schema.get("maxLength").asInt() + 1)));
        }
        return values;
    }

    private static String base64Url(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    private static JsonNode number(String value) {
        try {
            return NODES.numberNode(new BigInteger(value));
        } catch (NumberFormatException notANumber) {
            return NODES.textNode(value);
        }
    }
}
