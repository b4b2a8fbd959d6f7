package cn.qhzgh.study.quiz.generation;

import cn.qhzgh.study.quiz.question.QuestionDraft;
import cn.qhzgh.study.quiz.question.QuestionType;
import cn.qhzgh.study.quiz.question.TextNormalizer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Single choice: the phrase blanked with 4 options. Multiple choice: an enumeration blanked, its members mixed with
 * non-members. Distractors the generator cannot find are simply missing, and the quality gate reports the draft.
 */
final class ChoiceQuestions {

    private static final int DISTRACTORS = 3;
    private static final int MAX_SHOWN_MEMBERS = 4;
    private static final int MAX_NON_MEMBERS = 2;
    private static final String MULTIPLE_CHOICE_QUESTION = QualityGate.MULTIPLE_CHOICE_PROMPT + QualityGate.CHOICE_BLANK + "。";

    private final Distractors distractors;
    private final MemberPool members;
    private final SourceCheck sourceCheck;

    ChoiceQuestions(Distractors distractors, MemberPool members, SourceCheck sourceCheck) {
        this.distractors = distractors;
        this.members = members;
        this.sourceCheck = sourceCheck;
    }

    QuestionDraft singleChoice(QuestionFrame frame, Random random) {
        String answer = frame.phrase().text();
        List<String> picked = new ArrayList<>();
        for (String candidate : shuffledPools(distractors.sourced(frame.phrase()),
                distractors.derived(frame.phrase()), random)) {
            if (picked.size() < DISTRACTORS && acceptable(frame, candidate, answer, picked)) {
                picked.add(candidate);
            }
        }
        QuestionFrame.Lettered lettered = QuestionFrame.letter(List.of(answer), picked, random);
        return frame.draft(QuestionType.SINGLE_CHOICE, frame.excerpt().with(QualityGate.CHOICE_BLANK),
                lettered.options(), lettered.answer(), frame.explanation());
    }

    QuestionDraft multipleChoice(QuestionFrame frame, Random random) {
        List<String> shown = new ArrayList<>(frame.phrase().items());
        Collections.shuffle(shown, random);
        shown = shown.subList(0, Math.min(MAX_SHOWN_MEMBERS, shown.size()));
        List<String> nonMembers = new ArrayList<>();
        for (String candidate : shuffledPools(members.sourced(frame.phrase()), members.derived(frame.phrase()),
                random)) {
            if (nonMembers.size() < MAX_NON_MEMBERS && !nonMembers.contains(candidate)
                    && !frame.excerptShows(candidate)) {
                nonMembers.add(candidate);
            }
        }
        QuestionFrame.Lettered lettered = QuestionFrame.letter(shown, nonMembers, random);
        String stem = frame.excerpt().with(QualityGate.FILL_IN_BLANK) + MULTIPLE_CHOICE_QUESTION;
        return frame.draft(QuestionType.MULTIPLE_CHOICE, stem, lettered.options(), lettered.answer(),
                frame.explanation());
    }

    private boolean acceptable(QuestionFrame frame, String candidate, String answer, List<String> picked) {
        String normalized = TextNormalizer.normalize(candidate);
        return !normalized.equals(TextNormalizer.normalize(answer))
                && picked.stream().map(TextNormalizer::normalize).noneMatch(normalized::equals)
                && candidate.length() <= QualityGate.MAX_OPTION_LENGTH
                && !frame.excerptShows(candidate)
                && !sourceCheck.fitsLikeSource(frame.site(), candidate);
    }

    /** The notice's own candidates first, in random order, then the derived ones, in random order. */
    static List<String> shuffledPools(List<String> sourced, List<String> derived, Random random) {
        List<String> first = new ArrayList<>(sourced);
        List<String> second = new ArrayList<>(derived);
        Collections.shuffle(first, random);
        Collections.shuffle(second, random);
        first.addAll(second);
        return first;
    }
}
