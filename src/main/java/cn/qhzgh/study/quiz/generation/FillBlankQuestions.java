package cn.qhzgh.study.quiz.generation;

import cn.qhzgh.study.quiz.question.QuestionDraft;
import cn.qhzgh.study.quiz.question.QuestionType;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;

/**
 * Typed answers. A phrase is blanked whole when it is short enough to type; an enumeration has one member blanked
 * instead. Besides the phrase, the answer accepts the same words without separators (中国梦劳动美) and a digit count
 * in Chinese (新时代十年); spellings that normalise equal are left to the scorer.
 */
final class FillBlankQuestions {

    static final int MAX_ANSWER_LENGTH = 15;
    private static final String SEPARATORS = "[、，+·]";

    Optional<QuestionDraft> fillBlank(QuestionFrame frame, Random random) {
        KeyPhrase phrase = frame.phrase();
        if (phrase.kind() == PhraseKind.ENUMERATION) {
            return Optional.of(oneMember(frame, random));
        }
        if (phrase.text().length() > MAX_ANSWER_LENGTH) {
            return Optional.empty();
        }
        return Optional.of(frame.draft(QuestionType.FILL_BLANK, frame.excerpt().with(QualityGate.FILL_IN_BLANK),
                List.of(), accepted(phrase), frame.explanation()));
    }

    private static QuestionDraft oneMember(QuestionFrame frame, Random random) {
        int index = random.nextInt(frame.phrase().items().size());
        String item = frame.phrase().items().get(index);
        int start = frame.site().start() + frame.itemStarts()[index];
        Excerpt excerpt = Excerpt.around(frame.site().narrow(start, start + item.length()));
        return frame.draft(QuestionType.FILL_BLANK, excerpt.with(QualityGate.FILL_IN_BLANK), List.of(), List.of(item),
                frame.explanation());
    }

    private static List<String> accepted(KeyPhrase phrase) {
        List<String> accepted = new ArrayList<>(List.of(phrase.text()));
        String joined = phrase.text().replaceAll(SEPARATORS, "");
        if (!joined.equals(phrase.text())) {
            accepted.add(joined);
        }
        if (phrase.kind() == PhraseKind.NUMBER) {
            NumberSlot.find(phrase.text()).filter(slot -> slot.style() == NumberSlot.Style.ARABIC
                    && slot.value() >= 1 && slot.value() <= 99)
                    .ifPresent(slot -> accepted.add(slot.prefix() + ChineseNumerals.format(slot.value(), false)
                            + slot.suffix()));
        }
        return List.copyOf(accepted);
    }
}
