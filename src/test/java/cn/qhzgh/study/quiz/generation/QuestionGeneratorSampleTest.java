package cn.qhzgh.study.quiz.generation;

import static org.assertj.core.api.Assertions.assertThat;

import cn.qhzgh.study.quiz.question.QuestionDraft;
import cn.qhzgh.study.quiz.question.QuestionOption;
import cn.qhzgh.study.quiz.question.QuestionType;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Prints a spread of generated questions per type, for a human to read. */
class QuestionGeneratorSampleTest {

    private static final int PER_TYPE = 15;

    @Test
    void printsSamplesOfEveryType() {
        List<SourceModule> modules = NoticeFixture.modules();
        GenerationResult result = new QuestionGenerator().generate(modules,
                new KeyPhraseExtractor().extract(modules), QuestionGeneratorTest.SEED);
        for (QuestionType type : QuestionType.values()) {
            List<QuestionDraft> ofType = result.approved().stream().filter(draft -> draft.type() == type).toList();
            assertThat(ofType).isNotEmpty();
            System.out.println("===== " + type + " (" + ofType.size() + " approved) =====");
            int step = Math.max(1, ofType.size() / PER_TYPE);
            for (int i = 0; i < ofType.size() && i / step < PER_TYPE; i += step) {
                print(ofType.get(i));
            }
        }
    }

    private static void print(QuestionDraft draft) {
        StringBuilder text = new StringBuilder("[").append(draft.moduleCode()).append("] ").append(draft.stem())
                .append('\n');
        for (QuestionOption option : draft.options()) {
            text.append("    ").append(option.key()).append(". ").append(option.text()).append('\n');
        }
        text.append("    答案：").append(String.join("、", draft.answer())).append('\n');
        text.append("    解析：").append(draft.explanation()).append('\n');
        System.out.println(text);
    }
}
