package cn.qhzgh.study.quiz.generation;

import static org.assertj.core.api.Assertions.assertThat;

import cn.qhzgh.study.quiz.question.QuestionDraft;
import cn.qhzgh.study.quiz.question.QuestionOption;
import cn.qhzgh.study.quiz.question.QuestionType;
import cn.qhzgh.study.quiz.question.TextNormalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Generation on the real notice. */
class QuestionGeneratorTest {

    static final long SEED = 20221115L;
    private static final Pattern QUOTED = Pattern.compile("“([^“”]+)”");
    private static final Pattern FORMULA_HEAD = Pattern.compile("^[两二三四五六七八九十]+([个位项])");
    private static final List<String> FIVE_SPIRITS = List.of("劳动精神", "奋斗精神", "奉献精神", "创造精神", "勤俭节约精神");

    private static List<KeyPhrase> phrases;
    private static GenerationResult result;

    @BeforeAll
    static void generate() {
        phrases = new KeyPhraseExtractor().extract(NoticeFixture.modules());
        result = new QuestionGenerator().generate(NoticeFixture.modules(), phrases, SEED);
    }

    @Test
    void approvesAtLeast150Questions() {
        assertThat(result.approved()).hasSizeGreaterThanOrEqualTo(150);
        assertThat(result.approved()).extracting(QuestionDraft::type).contains(QuestionType.values());
    }

    @Test
    void everyShortQuotedPhraseIsTheAnswerOfAnApprovedQuestion() {
        Set<String> quoted = new TreeSet<>();
        for (SourceModule module : NoticeFixture.modules()) {
            for (String paragraph : module.paragraphs()) {
                Matcher matcher = QUOTED.matcher(paragraph);
                while (matcher.find()) {
                    if (matcher.group(1).length() <= 15) {
                        quoted.add(TextNormalizer.normalize(matcher.group(1)));
                    }
                }
            }
        }
        Set<String> answered = new TreeSet<>();
        result.approved().forEach(draft -> correctTexts(draft).forEach(text -> answered.add(TextNormalizer.normalize(text))));

        assertThat(quoted).contains("司机之家", "三微一端", "转作风、解难题、促发展、保稳定", "法院+工会+人社+司法").hasSize(33);
        assertThat(answered).containsAll(quoted);
    }

    @Test
    void asksSingleChoicesOnTrickyPhrasesThatHaveDistractors() {
        for (String phrase : List.of("司机之家", "三微一端", "四地", "十四五", "五小", "四风", "六个现代化新青海建设",
                "中国梦·劳动美", "五位一体", "新时代10年")) {
            assertThat(result.approved()).as(phrase).anyMatch(draft -> draft.type() == QuestionType.SINGLE_CHOICE
                    && draft.keyPhrase().equals(phrase));
        }
    }

    @Test
    void isDeterministicPerSeed() {
        GenerationResult again = new QuestionGenerator().generate(NoticeFixture.modules(), phrases, SEED);
        GenerationResult otherSeed = new QuestionGenerator().generate(NoticeFixture.modules(), phrases, SEED + 1);

        assertThat(again.approved()).isEqualTo(result.approved());
        assertThat(again.rejected()).isEqualTo(result.rejected());
        List<List<QuestionOption>> options = singleChoiceOptions(result);
        List<List<QuestionOption>> otherOptions = singleChoiceOptions(otherSeed);
        assertThat(otherOptions).isNotEqualTo(options);
    }

    @Test
    void answersFormulasOnlyWithFormulasOfTheSameCounter() {
        List<QuestionDraft> formulaChoices = result.approved().stream()
                .filter(draft -> draft.type() == QuestionType.SINGLE_CHOICE && draft.tags().contains("FORMULA")).toList();
        assertThat(formulaChoices).hasSizeGreaterThanOrEqualTo(15);
        for (QuestionDraft draft : formulaChoices) {
            String counter = counterOf(correctTexts(draft).get(0));
            for (String distractor : wrongTexts(draft)) {
                assertThat(counterOf(distractor)).as(draft.stem() + " / " + distractor).isEqualTo(counter);
            }
        }
    }

    @Test
    void keepsOptionsDistinctShortAndApartFromTheAnswer() {
        for (QuestionDraft draft : result.approved()) {
            List<String> normalized = draft.options().stream().map(QuestionOption::text).map(TextNormalizer::normalize)
                    .toList();
            assertThat(normalized).as(draft.stem()).doesNotHaveDuplicates();
            assertThat(draft.options()).allSatisfy(option -> assertThat(option.text().length()).isLessThanOrEqualTo(40));
            if (draft.type() == QuestionType.SINGLE_CHOICE) {
                String answer = TextNormalizer.normalize(correctTexts(draft).get(0));
                assertThat(wrongTexts(draft)).as(draft.stem()).hasSize(3)
                        .noneMatch(text -> TextNormalizer.normalize(text).equals(answer));
            }
        }
    }

    @Test
    void neverShowsTheAnswerInTheStem() {
        for (QuestionDraft draft : result.approved()) {
            if (draft.type() != QuestionType.TRUE_FALSE) {
                String stem = TextNormalizer.normalize(draft.stem());
                assertThat(correctTexts(draft)).as(draft.stem())
                        .noneMatch(text -> stem.contains(TextNormalizer.normalize(text)));
            }
        }
    }

    @Test
    void mixesNonMembersIntoTheFiveSpirits() {
        QuestionDraft fiveSpirits = result.approved().stream().filter(draft -> draft.type() == QuestionType.MULTIPLE_CHOICE
                && draft.keyPhrase().equals(String.join("、", FIVE_SPIRITS))).findFirst().orElseThrow();

        assertThat(correctTexts(fiveSpirits)).hasSizeGreaterThanOrEqualTo(2).allMatch(FIVE_SPIRITS::contains);
        assertThat(wrongTexts(fiveSpirits)).isNotEmpty().noneMatch(FIVE_SPIRITS::contains)
                .anyMatch(text -> text.equals("工匠精神") || text.equals("劳模精神"));
        for (QuestionDraft draft : result.approved()) {
            if (draft.type() == QuestionType.MULTIPLE_CHOICE) {
                List<String> members = List.of(draft.keyPhrase().split("[、和及]"));
                assertThat(wrongTexts(draft)).as(draft.stem()).isNotEmpty().noneMatch(members::contains);
            }
        }
    }

    @Test
    void makesFalseStatementsThatTheNoticeNeverMakes() {
        NoticeText notice = NoticeText.of(NoticeFixture.modules());
        Set<String> realFormulas = new TreeSet<>();
        phrases.stream().filter(phrase -> phrase.kind() == PhraseKind.FORMULA).forEach(phrase -> realFormulas.add(phrase.text()));
        List<QuestionDraft> statements = result.approved().stream()
                .filter(draft -> draft.type() == QuestionType.TRUE_FALSE).toList();

        assertThat(statements).extracting(draft -> draft.answer().get(0)).contains("A", "B");
        for (QuestionDraft statement : statements) {
            String body = statement.stem().substring(0, statement.stem().length() - 1);
            boolean meantTrue = statement.answer().equals(List.of("A"));
            // A true statement is an unbroken excerpt of the notice; a false one is nowhere in it.
            assertThat(notice.contains(body)).as(statement.stem()).isEqualTo(meantTrue);
            if (!meantTrue && statement.tags().contains("FORMULA")) {
                Matcher quoted = QUOTED.matcher(statement.stem());
                while (quoted.find()) {
                    boolean changed = !notice.contains("“" + quoted.group(1) + "”");
                    assertThat(changed && realFormulas.contains(quoted.group(1))).as(statement.stem()).isFalse();
                }
            }
        }
    }

    @Test
    void explainsEveryQuestionFromItsSourceSentence() {
        for (QuestionDraft draft : result.approved()) {
            assertThat(draft.explanation()).startsWith("原文（" + draft.moduleCode() + "）：").endsWith("。");
            assertThat(draft.keyPhrase()).isNotBlank();
            assertThat(draft.tags()).hasSize(2).contains("generated");
            assertThat(PhraseKind.valueOf(draft.tags().get(0))).isNotNull();
        }
    }

    @Test
    void writesStemsAsCleanSentences() {
        for (QuestionDraft draft : result.approved()) {
            String stem = draft.stem();
            assertThat(stem).as(stem).endsWith("。").doesNotContain("，。", "、。", "；。", "  ", "（一）")
                    .doesNotContainPattern("\\d\\s|\\s\\d");
            assertThat(count(stem, "“")).as(stem).isEqualTo(count(stem, "”"));
            int blanks = count(stem, QualityGate.CHOICE_BLANK) + count(stem, QualityGate.FILL_IN_BLANK);
            assertThat(blanks).as(stem).isEqualTo(switch (draft.type()) {
                case TRUE_FALSE -> 0;
                case SINGLE_CHOICE, FILL_BLANK -> 1;
                case MULTIPLE_CHOICE -> 2;
            });
        }
    }

    @Test
    void acceptsOnlyFillInSpellingsThatDifferAfterNormalisation() {
        for (QuestionDraft draft : result.approved()) {
            if (draft.type() == QuestionType.FILL_BLANK) {
                assertThat(draft.answer().stream().map(TextNormalizer::normalize)).as(draft.stem()).doesNotHaveDuplicates();
            }
        }
        assertThat(result.approved()).anyMatch(draft -> draft.type() == QuestionType.FILL_BLANK
                && draft.answer().equals(List.of("新时代10年", "新时代十年")));
    }

    @Test
    void reportsWhatItRejectsWithAReason() {
        assertThat(result.rejected()).allSatisfy(rejection ->
                assertThat(rejection.reason()).matches("[A-Z_]+: .+"));
        assertThat(result.rejected()).anySatisfy(rejection -> {
            assertThat(rejection.draft().keyPhrase()).isEqualTo("法院+工会+人社+司法");
            assertThat(rejection.reason()).startsWith("TOO_FEW_DISTRACTORS");
        });
        QualityGate gate = new QualityGate();
        assertThat(result.approved()).allSatisfy(draft -> assertThat(gate.check(draft)).isEmpty());
    }

    static List<String> correctTexts(QuestionDraft draft) {
        if (draft.type() == QuestionType.FILL_BLANK) {
            return draft.answer();
        }
        return draft.options().stream().filter(option -> draft.answer().contains(option.key()))
                .map(QuestionOption::text).toList();
    }

    private static List<String> wrongTexts(QuestionDraft draft) {
        return draft.options().stream().filter(option -> !draft.answer().contains(option.key()))
                .map(QuestionOption::text).toList();
    }

    private static List<List<QuestionOption>> singleChoiceOptions(GenerationResult generated) {
        List<List<QuestionOption>> options = new ArrayList<>();
        generated.approved().stream().filter(draft -> draft.type() == QuestionType.SINGLE_CHOICE)
                .forEach(draft -> options.add(draft.options()));
        return options;
    }

    private static String counterOf(String formula) {
        Matcher matcher = FORMULA_HEAD.matcher(formula);
        return matcher.find() ? matcher.group(1) : "not a formula: " + formula;
    }

    private static int count(String text, String part) {
        int count = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + part.length())) {
            count++;
        }
        return count;
    }
}
