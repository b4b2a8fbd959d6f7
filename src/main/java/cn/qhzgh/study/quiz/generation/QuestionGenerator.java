package cn.qhzgh.study.quiz.generation;

import cn.qhzgh.study.quiz.question.QuestionDraft;
import cn.qhzgh.study.quiz.question.QuestionType;
import cn.qhzgh.study.quiz.question.TextNormalizer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Generates questions from key phrases, in phrase order and per phrase in the order single choice, multiple choice,
 * true/false, fill-in. Formulas, slogans and numbers get a single choice, enumerations a multiple choice; all kinds
 * that have a safe false version get a true/false question; phrases of at most 15 characters, and one member of each
 * enumeration, get a fill-in. Every draft passes the {@link QualityGate} or is returned as rejected, as is a draft
 * whose stem repeats an approved one – except that a true/false question whose chosen version (true or false) fails
 * falls back to its other version, because phrases sharing an excerpt share its true statement. The same seed always
 * yields the same result.
 */
public final class QuestionGenerator {

    private static final int HEADING_MAX = 40;

    private final QualityGate gate = new QualityGate();
    private final FillBlankQuestions fillBlanks = new FillBlankQuestions();

    public GenerationResult generate(List<SourceModule> modules, List<KeyPhrase> phrases, long seed) {
        SourceCheck sourceCheck = new SourceCheck(NoticeText.of(modules));
        Distractors distractors = new Distractors(phrases);
        MemberPool members = new MemberPool(phrases, modules);
        ChoiceQuestions choices = new ChoiceQuestions(distractors, members, sourceCheck);
        TrueFalseQuestions statements = new TrueFalseQuestions(distractors, members, sourceCheck);
        Ledger ledger = new Ledger(headingKeys(modules));
        for (KeyPhrase phrase : phrases) {
            QuestionFrame frame = QuestionFrame.of(phrase, PhraseSite.of(phrase, modules));
            questions(frame, seed, choices, statements).forEach(ledger::decide);
        }
        return new GenerationResult(ledger.approved, ledger.rejected);
    }

    /** Module titles and the numbered paragraphs that are only a heading (1．坚决做到“两个维护”。). */
    private static Set<String> headingKeys(List<SourceModule> modules) {
        Set<String> keys = new HashSet<>();
        for (SourceModule module : modules) {
            keys.add(QualityGate.headingKey(module.title()));
            module.paragraphs().stream().filter(p -> p.length() <= HEADING_MAX && p.indexOf('。') >= p.length() - 2
                            && QualityGate.LEADING_NUMBERING.matcher(p).lookingAt())
                    .map(QualityGate::headingKey).forEach(keys::add);
        }
        keys.remove("");
        return keys;
    }

    /** Per question, its drafts in order of preference: a later one is only used when the earlier ones fail. */
    private List<List<QuestionDraft>> questions(QuestionFrame frame, long seed, ChoiceQuestions choices,
                                                TrueFalseQuestions statements) {
        KeyPhrase phrase = frame.phrase();
        List<List<QuestionDraft>> questions = new ArrayList<>();
        switch (phrase.kind()) {
            case FORMULA, SLOGAN, NUMBER -> questions.add(List.of(choices.singleChoice(frame,
                    QuestionFrame.random(seed, phrase, QuestionType.SINGLE_CHOICE))));
            case ENUMERATION -> questions.add(List.of(choices.multipleChoice(frame,
                    QuestionFrame.random(seed, phrase, QuestionType.MULTIPLE_CHOICE))));
            case QUOTATION -> {
                // Other report quotations are no wrong answers: they are quoted as true in the same passage.
            }
        }
        List<QuestionDraft> statement = statements.trueFalse(frame,
                QuestionFrame.random(seed, phrase, QuestionType.TRUE_FALSE));
        if (!statement.isEmpty()) {
            questions.add(statement);
        }
        fillBlanks.fillBlank(frame, QuestionFrame.random(seed, phrase, QuestionType.FILL_BLANK))
                .ifPresent(draft -> questions.add(List.of(draft)));
        return questions;
    }

    /** Approved and rejected drafts so far; no two approved questions of a type share a stem. */
    private final class Ledger {

        private final List<QuestionDraft> approved = new ArrayList<>();
        private final List<Rejection> rejected = new ArrayList<>();
        private final Set<String> approvedStems = new HashSet<>();
        private final Set<String> headings;

        Ledger(Set<String> headings) {
            this.headings = headings;
        }

        /** Approves the first alternative without a problem, or rejects the first alternative with its problem. */
        void decide(List<QuestionDraft> alternatives) {
            Rejection firstProblem = null;
            for (QuestionDraft draft : alternatives) {
                String stemKey = draft.type() + "|" + TextNormalizer.normalize(draft.stem());
                Optional<String> problem = gate.check(draft, headings).or(() -> approvedStems.contains(stemKey)
                        ? Optional.of("DUPLICATE_STEM: an approved question already has this stem") : Optional.empty());
                if (problem.isEmpty()) {
                    approvedStems.add(stemKey);
                    approved.add(draft);
                    return;
                }
                firstProblem = firstProblem == null ? new Rejection(draft, problem.get()) : firstProblem;
            }
            rejected.add(firstProblem);
        }
    }
}
