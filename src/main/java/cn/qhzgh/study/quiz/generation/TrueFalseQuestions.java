package cn.qhzgh.study.quiz.generation;

import cn.qhzgh.study.quiz.question.QuestionDraft;
import cn.qhzgh.study.quiz.question.QuestionOption;
import cn.qhzgh.study.quiz.question.QuestionType;
import cn.qhzgh.study.quiz.question.TextNormalizer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;

/**
 * True/false statements: the excerpt as written, or made false by one change – another number (新时代10年 →
 * 新时代5年, 四个意识 → 三个意识), another slogan, or one enumeration member swapped for a non-member. A phrase with
 * no safe false version gets no true/false question, so that no kind of statement is always 正确. A false version is
 * safe when it is no real formula, does not already stand in the excerpt, does not read like the notice's own
 * wording around the phrase, and the whole statement does not occur in the notice.
 */
final class TrueFalseQuestions {

    private static final List<QuestionOption> OPTIONS =
            List.of(new QuestionOption("A", "正确"), new QuestionOption("B", "错误"));

    private record Falsehood(String statement, String wrong, String right) {
    }

    private final Distractors distractors;
    private final MemberPool members;
    private final SourceCheck sourceCheck;

    TrueFalseQuestions(Distractors distractors, MemberPool members, SourceCheck sourceCheck) {
        this.distractors = distractors;
        this.members = members;
        this.sourceCheck = sourceCheck;
    }

    /** The seeded choice of the true or the false version first, the other second; empty without a safe falsehood. */
    List<QuestionDraft> trueFalse(QuestionFrame frame, Random random) {
        Optional<Falsehood> falsehood = frame.phrase().kind() == PhraseKind.ENUMERATION
                ? swappedMember(frame, random) : replacedPhrase(frame, random);
        if (falsehood.isEmpty()) {
            return List.of();
        }
        Falsehood wrong = falsehood.get();
        String correction = "题中“" + wrong.wrong() + "”应为“" + wrong.right() + "”。";
        QuestionDraft falseVersion = frame.draft(QuestionType.TRUE_FALSE, wrong.statement(), OPTIONS, List.of("B"),
                frame.explanation() + correction);
        QuestionDraft trueVersion = frame.draft(QuestionType.TRUE_FALSE, frame.excerpt().with(frame.site().phrase()),
                OPTIONS, List.of("A"), frame.explanation());
        return random.nextBoolean() ? List.of(falseVersion, trueVersion) : List.of(trueVersion, falseVersion);
    }

    private Optional<Falsehood> replacedPhrase(QuestionFrame frame, Random random) {
        KeyPhrase phrase = frame.phrase();
        List<String> candidates = switch (phrase.kind()) {
            case FORMULA, NUMBER -> distractors.derived(phrase);
            case SLOGAN -> NumberSlot.leading(phrase.text()).isPresent()
                    ? distractors.derived(phrase) : distractors.sourced(phrase);
            case QUOTATION, ENUMERATION -> List.of();
        };
        List<String> shuffled = new ArrayList<>(candidates);
        Collections.shuffle(shuffled, random);
        for (String candidate : shuffled) {
            String statement = frame.excerpt().with(candidate);
            boolean safe = !TextNormalizer.normalize(candidate).equals(TextNormalizer.normalize(phrase.text()))
                    && !distractors.isRealFormula(candidate)
                    && !frame.excerptShows(candidate)
                    && !sourceCheck.fitsLikeSource(frame.site(), candidate)
                    && !sourceCheck.isVerbatim(statement);
            if (safe) {
                return Optional.of(new Falsehood(statement, candidate, phrase.text()));
            }
        }
        return Optional.empty();
    }

    private Optional<Falsehood> swappedMember(QuestionFrame frame, Random random) {
        KeyPhrase phrase = frame.phrase();
        int[] starts = frame.itemStarts();
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < starts.length; i++) {
            order.add(i);
        }
        Collections.shuffle(order, random);
        List<String> outsiders = ChoiceQuestions.shuffledPools(members.sourced(phrase), members.derived(phrase),
                random);
        for (int index : order) {
            String item = phrase.items().get(index);
            int at = starts[index];
            for (String outsider : outsiders) {
                String swapped = phrase.text().substring(0, at) + outsider + phrase.text().substring(at + item.length());
                String statement = frame.excerpt().with(swapped);
                if (!frame.excerptShows(outsider) && !sourceCheck.isVerbatim(statement)) {
                    return Optional.of(new Falsehood(statement, outsider, item));
                }
            }
        }
        return Optional.empty();
    }
}
