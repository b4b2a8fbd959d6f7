package cn.qhzgh.study.quiz.bank;

import cn.qhzgh.study.quiz.question.QuestionDraft;
import cn.qhzgh.study.quiz.question.QuestionOption;
import cn.qhzgh.study.quiz.question.QuestionType;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads JSON banks: {@code {"questions": [...]}} or a bare array of question objects, streamed one question
 * at a time so that the question limit stops the reading.
 */
final class JsonBankReader {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final List<BankProblem> problems = new ArrayList<>();
    private final long location;

    private JsonBankReader(long location) {
        this.location = location;
    }

    static void read(byte[] content, BankCollector collector) {
        // parsed as text, not bytes, so that error columns count characters as the admin's editor does
        try (JsonParser parser = MAPPER.createParser(BankText.decode(content))) {
            if (!moveToQuestions(parser)) {
                collector.report(BankProblem.ofFile(
                        "expected {\"questions\": [...]} or an array of questions at the top level"));
                return;
            }
            long index = 0;
            while (parser.nextToken() != JsonToken.END_ARRAY) {
                JsonNode question = parser.readValueAsTree();
                if (!collector.accept(new JsonBankReader(++index).parse(question))) {
                    return;
                }
            }
        } catch (JsonProcessingException e) {
            JsonLocation where = e.getLocation();
            String position = where == null ? "" : " at line " + where.getLineNr() + ", column " + where.getColumnNr();
            collector.report(BankProblem.ofFile("malformed JSON" + position + ": " + e.getOriginalMessage()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Leaves the parser on the START_ARRAY of the questions; false if the document has none. */
    private static boolean moveToQuestions(JsonParser parser) throws IOException {
        JsonToken first = parser.nextToken();
        if (first == JsonToken.START_ARRAY) {
            return true;
        }
        if (first != JsonToken.START_OBJECT) {
            return false;
        }
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            JsonToken value = parser.nextToken();
            if ("questions".equals(name) && value == JsonToken.START_ARRAY) {
                return true;
            }
            parser.skipChildren();
        }
        return false;
    }

    private ParsedQuestion parse(JsonNode question) {
        if (!question.isObject()) {
            problems.add(new BankProblem(location, "question", "must be a JSON object"));
            return new ParsedQuestion(location, null, problems);
        }
        String typeText = text(question, "type", "type");
        QuestionType type = BankSyntax.type(typeText).orElse(null);
        if (type == null) {
            problems.add(new BankProblem(location, "type", typeText == null || typeText.isBlank()
                    ? "is missing; " + BankSyntax.TYPE_HINT
                    : "unknown question type '" + typeText + "'; " + BankSyntax.TYPE_HINT));
        }
        JsonNode moduleCode = question.has("moduleCode") ? question.get("moduleCode") : question.get("module_code");
        QuestionDraft draft = new QuestionDraft(type, text(question, "stem", "stem"), options(question.get("options")),
                type == null ? List.of() : answer(type, question.get("answer")),
                text(question, "explanation", "explanation"), text(moduleCode, "module_code"), null,
                tags(question.get("tags")));
        return new ParsedQuestion(location, draft, problems);
    }

    private List<QuestionOption> options(JsonNode options) {
        if (isAbsent(options)) {
            return List.of();
        }
        if (!options.isArray()) {
            problems.add(new BankProblem(location, "options", "must be an array"));
            return List.of();
        }
        List<QuestionOption> parsed = new ArrayList<>();
        for (int i = 0; i < options.size(); i++) {
            JsonNode option = options.get(i);
            String positionalKey = BankSyntax.optionKey(i);
            if (option.isObject()) {
                String key = text(option, "key", "options");
                parsed.add(new QuestionOption(key == null ? positionalKey : key, text(option, "text", "options")));
            } else if (option.isValueNode() && !option.isNull()) {
                parsed.add(new QuestionOption(positionalKey, option.asText()));
            } else {
                problems.add(new BankProblem(location, "options", "option " + (i + 1)
                        + " must be a text or an object {\"key\": \"A\", \"text\": \"…\"}"));
            }
        }
        return parsed;
    }

    /** An array of keys or accepted texts; a single string is split like a spreadsheet cell. */
    private List<String> answer(QuestionType type, JsonNode answer) {
        if (isAbsent(answer)) {
            return List.of();
        }
        if (answer.isValueNode()) {
            return BankSyntax.splitAnswer(type, answer.asText());
        }
        if (!answer.isArray()) {
            problems.add(new BankProblem(location, "answer", "must be an array of texts"));
            return List.of();
        }
        List<String> tokens = new ArrayList<>();
        for (JsonNode element : answer) {
            if (!element.isValueNode() || element.isNull()) {
                problems.add(new BankProblem(location, "answer", "must be an array of texts"));
                return List.of();
            }
            tokens.addAll(type == QuestionType.FILL_BLANK ? List.of(element.asText())
                    : BankSyntax.splitAnswer(type, element.asText()));
        }
        return tokens;
    }

    private List<String> tags(JsonNode tags) {
        if (isAbsent(tags)) {
            return List.of();
        }
        if (tags.isValueNode()) {
            return BankSyntax.splitTags(tags.asText());
        }
        if (!tags.isArray()) {
            problems.add(new BankProblem(location, "tags", "must be an array of texts"));
            return List.of();
        }
        List<String> parsed = new ArrayList<>();
        for (JsonNode tag : tags) {
            if (!tag.isValueNode() || tag.isNull()) {
                problems.add(new BankProblem(location, "tags", "must be an array of texts"));
                return List.of();
            }
            parsed.add(tag.asText());
        }
        return parsed;
    }

    private String text(JsonNode object, String name, String field) {
        return text(object.get(name), field);
    }

    /** Numbers are accepted as text, so a module code written 3.1 reads like "3.1". */
    private String text(JsonNode value, String field) {
        if (isAbsent(value)) {
            return null;
        }
        if (!value.isValueNode()) {
            problems.add(new BankProblem(location, field, "must be a text"));
            return null;
        }
        return value.asText();
    }

    private static boolean isAbsent(JsonNode node) {
        return node == null || node.isNull();
    }
}
