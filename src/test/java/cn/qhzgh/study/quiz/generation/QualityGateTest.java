package cn.qhzgh.study.quiz.generation;

import static org.assertj.core.api.Assertions.assertThat;

import cn.qhzgh.study.quiz.question.QuestionDraft;
import cn.qhzgh.study.quiz.question.QuestionOption;
import cn.qhzgh.study.quiz.question.QuestionType;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** Each rule of the gate on hand-made drafts. */
class QualityGateTest {

    private static final String EXPLANATION = "原文（3.1）：要牢记“国之大者”。";

    private final QualityGate gate = new QualityGate();

    @Test
    void passesWellFormedQuestionsOfEveryType() {
        assertThat(gate.check(singleChoice("要牢记“（　　）”。", options("国之大者", "司机之家", "娘家人", "头雁效应"), "A")))
                .isEmpty();
        assertThat(gate.check(draft(QuestionType.MULTIPLE_CHOICE, "大力弘扬____。横线处应填入的内容包括（　　）。",
                options("劳模精神", "劳动精神", "工匠精神", "奋斗精神"), List.of("A", "B", "C")))).isEmpty();
        assertThat(gate.check(trueFalse("要牢记“国之大者”。", options("正确", "错误"), "A"))).isEmpty();
        assertThat(gate.check(fillBlank("要牢记“____”。", List.of("国之大者")))).isEmpty();
    }

    @Test
    void rejectsAHeadingOnlyStemWithAReasonButKeepsAStemWithContext() {
        java.util.Set<String> headings = java.util.Set.of(QualityGate.headingKey("1．坚决做到“两个维护”。"));

        assertThat(gate.check(fillBlank("坚决做到“____”。", List.of("两个维护")), headings))
                .hasValueSatisfying(startsWith("HEADING_ONLY_STEM"));
        assertThat(gate.check(singleChoice("坚决做到“（　　）”。", options("两个维护", "四个意识", "四个自信", "两个确立"), "A"),
                headings)).hasValueSatisfying(startsWith("HEADING_ONLY_STEM"));
        assertThat(gate.check(fillBlank("要坚决做到“____”，体现到贯彻党中央决策部署的行动上。", List.of("两个维护")), headings))
                .isEmpty();
        assertThat(gate.check(fillBlank("坚决做到“____”。", List.of("两个维护")))).isEmpty();
    }

    @Test
    void rejectsAnEmptyStem() {
        assertThat(gate.check(fillBlank("  ", List.of("国之大者")))).hasValueSatisfying(startsWith("EMPTY_STEM"));
    }

    @Test
    void rejectsAMissingExplanation() {
        QuestionDraft draft = new QuestionDraft(QuestionType.FILL_BLANK, "要牢记“____”。", List.of(),
                List.of("国之大者"), "", "3.1", "国之大者", List.of());
        assertThat(gate.check(draft)).hasValueSatisfying(startsWith("MISSING_EXPLANATION"));
    }

    @Test
    void rejectsTooFewDistractors() {
        Optional<String> reason = gate.check(singleChoice("要牢记“（　　）”。", options("国之大者", "司机之家", "娘家人"), "A"));
        assertThat(reason).contains("TOO_FEW_DISTRACTORS: 2 distractors, need 3");
    }

    @Test
    void rejectsASingleChoiceWithMoreThanFourOptions() {
        assertThat(gate.check(singleChoice("要牢记“（　　）”。",
                options("国之大者", "司机之家", "娘家人", "头雁效应", "爱心驿站"), "A")))
                .hasValueSatisfying(startsWith("TOO_MANY_OPTIONS"));
    }

    @Test
    void rejectsASingleChoiceWithTwoAnswers() {
        assertThat(gate.check(draft(QuestionType.SINGLE_CHOICE, "要牢记“（　　）”。",
                options("国之大者", "司机之家", "娘家人", "头雁效应"), List.of("A", "B"))))
                .hasValueSatisfying(startsWith("WRONG_ANSWER_COUNT"));
    }

    @Test
    void rejectsAMultipleChoiceWithFewerThanFourOptions() {
        assertThat(gate.check(draft(QuestionType.MULTIPLE_CHOICE, "大力弘扬____。横线处应填入的内容包括（　　）。",
                options("劳模精神", "劳动精神", "奋斗精神"), List.of("A", "B"))))
                .contains("TOO_FEW_OPTIONS: 3 options, need at least 4");
    }

    @Test
    void rejectsAMultipleChoiceWithOneCorrectOption() {
        assertThat(gate.check(draft(QuestionType.MULTIPLE_CHOICE, "大力弘扬____。横线处应填入的内容包括（　　）。",
                options("劳模精神", "奋斗精神", "奉献精神", "创造精神"), List.of("A"))))
                .hasValueSatisfying(startsWith("TOO_FEW_CORRECT"));
    }

    @Test
    void rejectsAMultipleChoiceWithoutAWrongOption() {
        assertThat(gate.check(draft(QuestionType.MULTIPLE_CHOICE, "推动提高____。横线处应填入的内容包括（　　）。",
                options("知情权", "参与权", "表达权", "监督权"), List.of("A", "B", "C", "D"))))
                .hasValueSatisfying(startsWith("NO_WRONG_OPTION"));
    }

    @Test
    void rejectsTheAnswerVisibleInTheStem() {
        assertThat(gate.check(singleChoice("要牢记“国之大者”（　　）。", options("国之大者", "司机之家", "娘家人", "头雁效应"),
                "A"))).hasValueSatisfying(startsWith("ANSWER_IN_STEM"));
        // Full-width letters and digits are compared in normal form.
        assertThat(gate.check(fillBlank("回顾总结了过去５年的工作和____的伟大变革。", List.of("过去5年"))))
                .hasValueSatisfying(startsWith("ANSWER_IN_STEM"));
        assertThat(gate.check(draft(QuestionType.MULTIPLE_CHOICE, "弘扬劳动精神和____。横线处应填入的内容包括（　　）。",
                options("劳动精神", "奋斗精神", "劳模精神", "工匠精神"), List.of("A", "B"))))
                .hasValueSatisfying(startsWith("ANSWER_IN_STEM"));
    }

    @Test
    void rejectsAnOptionLongerThanFortyCharacters() {
        String longOption = "坚持尊重劳动、尊重知识、尊重人才、尊重创造，实施更加积极、更加开放、更加有效的人才政策";
        assertThat(gate.check(singleChoice("重申“（　　）”。", options(longOption, "司机之家", "娘家人", "头雁效应"), "B")))
                .hasValueSatisfying(startsWith("OPTION_TOO_LONG"));
    }

    @Test
    void rejectsOptionsEqualAfterNormalisation() {
        assertThat(gate.check(singleChoice("要牢记“（　　）”。", options("国之大者", "“国之大者”", "娘家人", "头雁效应"), "A")))
                .hasValueSatisfying(startsWith("DUPLICATE_OPTIONS"));
        assertThat(gate.check(singleChoice("新时代（　　）的伟大变革。", options("10年", "１０年", "5年", "20年"), "A")))
                .hasValueSatisfying(startsWith("DUPLICATE_OPTIONS"));
    }

    @Test
    void rejectsAnEmptyOption() {
        assertThat(gate.check(singleChoice("要牢记“（　　）”。", options("国之大者", " ", "娘家人", "头雁效应"), "A")))
                .hasValueSatisfying(startsWith("EMPTY_OPTION"));
    }

    @Test
    void rejectsAnswerKeysThatAreNoOption() {
        assertThat(gate.check(singleChoice("要牢记“（　　）”。", options("国之大者", "司机之家", "娘家人", "头雁效应"), "E")))
                .contains("ANSWER_NOT_AMONG_OPTIONS: answer key E is not an option");
    }

    @Test
    void rejectsOptionKeysOutOfOrder() {
        List<QuestionOption> options = List.of(new QuestionOption("A", "国之大者"), new QuestionOption("C", "司机之家"),
                new QuestionOption("B", "娘家人"), new QuestionOption("D", "头雁效应"));
        assertThat(gate.check(singleChoice("要牢记“（　　）”。", options, "A")))
                .hasValueSatisfying(startsWith("BAD_OPTION_KEYS"));
    }

    @Test
    void rejectsTrueFalseOptionsOtherThanRightAndWrong() {
        assertThat(gate.check(trueFalse("要牢记“国之大者”。", options("对", "错"), "A")))
                .hasValueSatisfying(startsWith("BAD_TRUE_FALSE_OPTIONS"));
        assertThat(gate.check(trueFalse("要牢记“国之大者”。", options("错误", "正确"), "A")))
                .hasValueSatisfying(startsWith("BAD_TRUE_FALSE_OPTIONS"));
        assertThat(gate.check(trueFalse("要牢记“国之大者”。", options("正确", "错误", "不确定"), "A")))
                .hasValueSatisfying(startsWith("BAD_TRUE_FALSE_OPTIONS"));
    }

    @Test
    void rejectsAFillInWithOptionsOrWithoutAnswer() {
        assertThat(gate.check(draft(QuestionType.FILL_BLANK, "要牢记“____”。", options("国之大者"), List.of("国之大者"))))
                .hasValueSatisfying(startsWith("FILL_BLANK_WITH_OPTIONS"));
        assertThat(gate.check(fillBlank("要牢记“____”。", List.of()))).hasValueSatisfying(startsWith("NO_ANSWER"));
    }

    @Test
    void rejectsAStemWithoutBlank() {
        assertThat(gate.check(fillBlank("领导干部要先学一步。", List.of("头雁效应")))).hasValueSatisfying(startsWith("NO_BLANK"));
    }

    private static QuestionDraft singleChoice(String stem, List<QuestionOption> options, String answer) {
        return draft(QuestionType.SINGLE_CHOICE, stem, options, List.of(answer));
    }

    private static QuestionDraft trueFalse(String stem, List<QuestionOption> options, String answer) {
        return draft(QuestionType.TRUE_FALSE, stem, options, List.of(answer));
    }

    private static QuestionDraft fillBlank(String stem, List<String> accepted) {
        return draft(QuestionType.FILL_BLANK, stem, List.of(), accepted);
    }

    private static QuestionDraft draft(QuestionType type, String stem, List<QuestionOption> options,
                                       List<String> answer) {
        return new QuestionDraft(type, stem, options, answer, EXPLANATION, "3.1", "国之大者", List.of("SLOGAN"));
    }

    private static List<QuestionOption> options(String... texts) {
        List<QuestionOption> options = new ArrayList<>();
        for (int i = 0; i < texts.length; i++) {
            options.add(new QuestionOption(String.valueOf((char) ('A' + i)), texts[i]));
        }
        return options;
    }

    private static Consumer<String> startsWith(String code) {
        return reason -> assertThat(reason).startsWith(code + ": ");
    }
}
