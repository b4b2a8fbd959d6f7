package cn.qhzgh.study.quiz.bank;

import cn.qhzgh.study.quiz.question.QuestionDraft;
import cn.qhzgh.study.quiz.question.QuestionOption;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes questions as Moodle GIFT, in UTF-8. Module code and tags go into a comment line, {@code [tag:…]} as
 * Moodle's own exporter writes them; multiple-choice answers carry weights that add up to 100%.
 */
final class GiftBankWriter {

    /** A wrong option of a multiple-choice question cancels the credit of the right ones, as in Moodle exports. */
    private static final String PENALTY = "%-100%";
    private static final String FULL_CREDIT = "%100%";
    private static final String NO_CREDIT = "%0%";

    private GiftBankWriter() {
    }

    static void write(List<QuestionDraft> questions, OutputStream out) {
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        try {
            for (QuestionDraft question : questions) {
                writer.write(question(question));
                writer.write("\n");
            }
            writer.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String question(QuestionDraft question) {
        StringBuilder gift = new StringBuilder();
        List<String> metadata = new ArrayList<>();
        if (question.moduleCode() != null) {
            metadata.add("[module:" + bracketed(question.moduleCode()) + "]");
        }
        question.tags().forEach(tag -> metadata.add("[tag:" + bracketed(tag) + "]"));
        if (!metadata.isEmpty()) {
            gift.append("// ").append(String.join(" ", metadata)).append('\n');
        }
        gift.append(GiftSyntax.escape(question.stem())).append(" {\n");
        for (String answer : answers(question)) {
            gift.append(answer).append('\n');
        }
        if (question.explanation() != null) {
            gift.append("####").append(GiftSyntax.escape(question.explanation())).append('\n');
        }
        return gift.append("}\n").toString();
    }

    private static List<String> answers(QuestionDraft question) {
        return switch (question.type()) {
            case SINGLE_CHOICE -> question.options().stream()
                    .map(option -> question.answer().contains(option.key())
                            ? "=" + weighted(FULL_CREDIT, text(option)) : "~" + weighted(NO_CREDIT, text(option)))
                    .toList();
            case MULTIPLE_CHOICE -> {
                String rightWeight = "%" + shareOfHundred(question.answer().size()) + "%";
                yield question.options().stream()
                        .map(option -> "~" + (question.answer().contains(option.key()) ? rightWeight
                                : PENALTY) + text(option))
                        .toList();
            }
            case TRUE_FALSE -> List.of(question.answer().contains(BankSyntax.TRUE_KEY) ? "T" : "F");
            case FILL_BLANK -> question.answer().stream()
                    .map(accepted -> "=" + weighted(FULL_CREDIT, GiftSyntax.escape(accepted))).toList();
        };
    }

    /** 100 / n with five decimals, as Moodle lists its grades (33.33333, 16.66667, 14.28571). */
    private static String shareOfHundred(int parts) {
        return BigDecimal.valueOf(100).divide(BigDecimal.valueOf(parts), 5, RoundingMode.HALF_UP)
                .stripTrailingZeros().toPlainString();
    }

    /** A text starting with % would read as a %weight%; an explicit weight in front keeps it text. */
    private static String weighted(String weight, String text) {
        return text.startsWith("%") ? weight + text : text;
    }

    private static String text(QuestionOption option) {
        return GiftSyntax.escape(option.text());
    }

    /** Inside {@code [tag:…]} only a closing bracket needs escaping; line breaks would end the comment. */
    private static String bracketed(String value) {
        return value.replace("]", "\\]").replaceAll("[\r\n]+", " ");
    }
}
