package cn.qhzgh.study.quiz.bank;

import static cn.qhzgh.study.quiz.bank.BankFixtures.draft;
import static cn.qhzgh.study.quiz.bank.BankFixtures.fillBlank;
import static cn.qhzgh.study.quiz.bank.BankFixtures.multiple;
import static cn.qhzgh.study.quiz.bank.BankFixtures.options;
import static cn.qhzgh.study.quiz.bank.BankFixtures.single;
import static cn.qhzgh.study.quiz.bank.BankFixtures.with;
import static org.assertj.core.api.Assertions.assertThat;

import cn.qhzgh.study.quiz.question.QuestionDraft;
import cn.qhzgh.study.quiz.question.QuestionOption;
import cn.qhzgh.study.quiz.question.QuestionType;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class BankRulesTest {

    private static final List<String> FOUR = List.of("甲", "乙", "丙", "丁");

    @Test
    void validQuestionsPassAndComeOutCanonical() {
        QuestionDraft messy = new QuestionDraft(QuestionType.MULTIPLE_CHOICE, "  题干  ",
                List.of(new QuestionOption("a", " 甲 "), new QuestionOption("Ｂ", "乙"), new QuestionOption("C", "丙")),
                List.of("c", "A", "A"), "  ", " 3.1 ", null, List.of(" 党史 ", ""));

        QuestionRules.Checked checked = check(messy);

        assertThat(checked.problems()).isEmpty();
        assertThat(checked.draft()).isEqualTo(with(multiple("题干", List.of("甲", "乙", "丙"), List.of("A", "C")),
                null, "3.1", List.of("党史")));
    }

    @Test
    void stemMustBeGivenAndAtMost500Characters() {
        assertThat(fields(single(" ", FOUR, "A"))).containsExactly("stem");
        assertThat(fields(single("字".repeat(500), FOUR, "A"))).isEmpty();
        assertThat(fields(single("字".repeat(501), FOUR, "A"))).containsExactly("stem");
    }

    @Test
    void choiceQuestionsNeedTwoToEightDistinctOptions() {
        assertThat(fields(single("题", List.of("甲"), "A"))).containsExactly("options");
        assertThat(fields(single("题", letters(8), "A"))).isEmpty();
        assertThat(fields(multiple("题", letters(9), List.of("A")))).containsExactly("options");
        assertThat(fields(single("题", List.of("甲", " ", "丙"), "A"))).containsExactly("option_b");
        assertThat(fields(single("题", List.of("甲", "乙", "字".repeat(201)), "A"))).containsExactly("option_c");
        QuestionRules.Checked sameAfterNormalising = check(single("题", List.of("Ａ Ｂ", "“ab”", "c"), "A"));
        assertThat(sameAfterNormalising.problems()).singleElement()
                .isEqualTo(new BankProblem(7, "option_b", "has the same text as option_a"));
    }

    @Test
    void optionKeysRunFromAWithoutGaps() {
        QuestionDraft gap = new QuestionDraft(QuestionType.SINGLE_CHOICE, "题",
                List.of(new QuestionOption("A", "甲"), new QuestionOption("C", "丙")), List.of("A"), null, null, null, null);

        assertThat(fields(gap)).containsExactly("options");
    }

    @Test
    void answersMustNameExistingOptionsAndSingleChoiceHasExactlyOne() {
        assertThat(fields(single("题", FOUR, "E"))).containsExactly("answer");
        assertThat(fields(draft(QuestionType.SINGLE_CHOICE, "题", FOUR, List.of()))).containsExactly("answer");
        assertThat(fields(draft(QuestionType.SINGLE_CHOICE, "题", FOUR, List.of("A", "C")))).containsExactly("answer");
        assertThat(fields(multiple("题", FOUR, List.of("B")))).isEmpty();
    }

    @Test
    void trueFalseAcceptsTruthWordsAndNormalisesOptions() {
        for (String yes : List.of("正确", "对", "√", "T", "true", "是", "A", "ＴＲＵＥ")) {
            assertThat(check(draft(QuestionType.TRUE_FALSE, "题", List.of(), List.of(yes))).draft().answer())
                    .as(yes).containsExactly("A");
        }
        for (String no : List.of("错误", "错", "×", "F", "False", "否", "b")) {
            assertThat(check(draft(QuestionType.TRUE_FALSE, "题", List.of(), List.of(no))).draft().answer())
                    .as(no).containsExactly("B");
        }
        QuestionRules.Checked typedOptions = check(draft(QuestionType.TRUE_FALSE, "题", List.of("对", "错"), List.of("错")));
        assertThat(typedOptions.problems()).isEmpty();
        assertThat(typedOptions.draft().options()).isEqualTo(options(List.of("正确", "错误")));
        assertThat(fields(draft(QuestionType.TRUE_FALSE, "题", List.of("错", "对"), List.of("对")))).containsExactly("options");
        assertThat(fields(draft(QuestionType.TRUE_FALSE, "题", List.of(), List.of("也许")))).containsExactly("answer");
        assertThat(fields(draft(QuestionType.TRUE_FALSE, "题", List.of(), List.of()))).containsExactly("answer");
    }

    @Test
    void fillBlankHasNoOptionsAndOneToTenShortAcceptedAnswers() {
        assertThat(fields(draft(QuestionType.FILL_BLANK, "题", FOUR, List.of("甲")))).containsExactly("options");
        assertThat(fields(fillBlank("题", List.of(" ")))).containsExactly("answer");
        assertThat(fields(fillBlank("题", letters(10)))).isEmpty();
        assertThat(fields(fillBlank("题", letters(11)))).containsExactly("answer");
        assertThat(fields(fillBlank("题", List.of("字".repeat(101))))).containsExactly("answer");
        assertThat(fields(fillBlank("题", List.of("甲|乙")))).containsExactly("answer");
        assertThat(check(fillBlank("题", List.of("劳动节", " 劳动节 ", "ＡＢ", "ab"))).draft().answer())
                .containsExactly("劳动节", "ＡＢ");
    }

    @Test
    void explanationModuleCodeAndTagsAreBounded() {
        QuestionDraft base = single("题", FOUR, "A");
        assertThat(fields(with(base, "字".repeat(1000), "0", letters(10)))).isEmpty();
        assertThat(fields(with(base, "字".repeat(1001), null, List.of()))).containsExactly("explanation");
        assertThat(fields(with(base, null, "3.1.2", List.of()))).isEmpty();
        assertThat(fields(with(base, null, "第三章", List.of()))).containsExactly("module_code");
        assertThat(fields(with(base, null, "1.2.3.4.5.6.7.8.9", List.of()))).containsExactly("module_code");
        assertThat(fields(with(base, null, null, letters(11)))).containsExactly("tags");
        assertThat(fields(with(base, null, null, List.of("字".repeat(33))))).containsExactly("tags");
        assertThat(fields(with(base, null, null, List.of("党史、新中国史")))).containsExactly("tags");
    }

    @Test
    void aFieldTheFormatReaderReportedIsNotReportedAgain() {
        QuestionRules.Checked checked = QuestionRules.check(7, draft(QuestionType.SINGLE_CHOICE, "题", FOUR, List.of()),
                Set.of("answer"));

        assertThat(checked.problems()).isEmpty();
    }

    @Test
    void unknownTypeStillHasItsStemChecked() {
        assertThat(fields(draft(null, "", FOUR, List.of("A")))).containsExactly("stem");
    }

    private static QuestionRules.Checked check(QuestionDraft draft) {
        return QuestionRules.check(7, draft, Collections.emptySet());
    }

    private static List<String> fields(QuestionDraft draft) {
        return check(draft).problems().stream().map(BankProblem::field).toList();
    }

    private static List<String> letters(int count) {
        return IntStream.range(0, count).mapToObj(i -> "选项" + (char) ('A' + i)).toList();
    }
}
