package cn.qhzgh.study.quiz.generation;

import static org.assertj.core.api.Assertions.assertThat;

import cn.qhzgh.study.quiz.question.QuestionDraft;
import cn.qhzgh.study.quiz.question.QuestionOption;
import cn.qhzgh.study.quiz.question.QuestionType;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/** Distractor and member rules on small hand-made notices. */
class QuestionGeneratorRulesTest {

    private final KeyPhraseExtractor extractor = new KeyPhraseExtractor();
    private final QuestionGenerator generator = new QuestionGenerator();

    @Test
    void dropsADistractorThatTheNoticeUsesInTheSamePlace() {
        List<SourceModule> modules = List.of(
                module("1", "各级工会要增强“四个意识”，推动工作落实。"),
                module("2", "党员干部要增强“四个自信”。"),
                module("3", "坚决做到“两个维护”，深刻领悟“两个确立”，重点把握“两个结合”。"));
        List<KeyPhrase> phrases = extractor.extract(modules);

        for (long seed : LongStream.range(0, 20).toArray()) {
            QuestionDraft choice = generator.generate(modules, phrases, seed).approved().stream()
                    .filter(draft -> draft.type() == QuestionType.SINGLE_CHOICE && draft.keyPhrase().equals("四个意识"))
                    .findFirst().orElseThrow();
            assertThat(choice.options()).extracting(QuestionOption::text).contains("四个意识")
                    .doesNotContain("四个自信");
        }
    }

    @Test
    void derivesFormulaDistractorsWithTheSameCounterWhenTheNoticeHasTooFew() {
        List<SourceModule> modules = List.of(module("1", "统筹推进“五位一体”总体布局，协调推进“四个全面”战略布局。"));

        QuestionDraft choice = generator.generate(modules, extractor.extract(modules), 7L).approved().stream()
                .filter(draft -> draft.type() == QuestionType.SINGLE_CHOICE && draft.keyPhrase().equals("五位一体"))
                .findFirst().orElseThrow();

        assertThat(choice.options()).extracting(QuestionOption::text).allMatch(text -> text.endsWith("位一体"))
                .doesNotContain("四个全面");
    }

    @Test
    void reportsASingleChoiceWithoutDistractorsAndStillAsksTheFillIn() {
        List<SourceModule> modules = List.of(module("1", "推进“法院+工会+人社+司法”四方联动机制建设。"));

        GenerationResult result = generator.generate(modules, extractor.extract(modules), 1L);

        assertThat(result.rejected()).singleElement().satisfies(rejection -> {
            assertThat(rejection.draft().type()).isEqualTo(QuestionType.SINGLE_CHOICE);
            assertThat(rejection.reason()).isEqualTo("TOO_FEW_DISTRACTORS: 0 distractors, need 3");
        });
        assertThat(result.approved()).singleElement().satisfies(draft -> {
            assertThat(draft.stem()).isEqualTo("推进“____”四方联动机制建设。");
            assertThat(draft.answer()).containsExactly("法院+工会+人社+司法", "法院工会人社司法");
            assertThat(draft.explanation()).isEqualTo("原文（1）：推进“法院+工会+人社+司法”四方联动机制建设。");
        });
    }

    @Test
    void fallsBackToTheOtherTrueFalseVersionWhenPhrasesShareAnExcerpt() {
        List<SourceModule> modules = List.of(module("1", "增强“四个意识”、坚定“四个自信”、做到“两个维护”。"));
        List<KeyPhrase> phrases = extractor.extract(modules);

        for (long seed : LongStream.range(0, 20).toArray()) {
            GenerationResult result = generator.generate(modules, phrases, seed);
            List<QuestionDraft> statements = result.approved().stream()
                    .filter(draft -> draft.type() == QuestionType.TRUE_FALSE).toList();
            assertThat(statements).hasSize(3).extracting(QuestionDraft::stem).doesNotHaveDuplicates();
            assertThat(statements).filteredOn(draft -> draft.answer().equals(List.of("A"))).hasSizeLessThanOrEqualTo(1);
            assertThat(result.rejected()).noneMatch(rejection -> rejection.draft().type() == QuestionType.TRUE_FALSE);
        }
    }

    @Test
    void takesNonMembersFromOtherListsWithTheSameAffix() {
        List<SourceModule> modules = List.of(
                module("1", "在全社会弘扬劳动精神、奋斗精神、奉献精神、创造精神，培育时代新风新貌。"),
                module("2", "大力弘扬劳模精神、劳动精神、工匠精神。"));
        List<KeyPhrase> phrases = extractor.extract(modules);

        for (long seed : LongStream.range(0, 10).toArray()) {
            QuestionDraft choice = generator.generate(modules, phrases, seed).approved().stream()
                    .filter(draft -> draft.type() == QuestionType.MULTIPLE_CHOICE && draft.moduleCode().equals("1"))
                    .findFirst().orElseThrow();
            List<String> wrong = choice.options().stream().filter(option -> !choice.answer().contains(option.key()))
                    .map(QuestionOption::text).toList();
            assertThat(wrong).isNotEmpty().allMatch(text -> text.equals("劳模精神") || text.equals("工匠精神"));
            assertThat(choice.stem()).isEqualTo("在全社会弘扬____，培育时代新风新貌。横线处应填入的内容包括（　　）。");
        }
    }

    @Test
    void blanksNumbersWrittenWithConversionSpacesWithoutTheSpaces() {
        List<SourceModule> modules = List.of(module("2.2", "聚焦到新时代 10 年的伟大变革上。"));

        GenerationResult result = generator.generate(modules, extractor.extract(modules), 3L);

        assertThat(result.approved()).filteredOn(draft -> draft.type() == QuestionType.FILL_BLANK).singleElement()
                .satisfies(draft -> {
                    assertThat(draft.stem()).isEqualTo("聚焦到____的伟大变革上。");
                    assertThat(draft.explanation()).isEqualTo("原文（2.2）：聚焦到新时代10年的伟大变革上。");
                });
    }

    private static SourceModule module(String code, String paragraph) {
        return new SourceModule(code, "标题", List.of(paragraph));
    }
}
