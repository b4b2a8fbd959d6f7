package cn.qhzgh.study.quiz.generation;

import cn.qhzgh.study.quiz.QuestionDraft;
import cn.qhzgh.study.quiz.QuestionType;
import cn.qhzgh.study.quiz.TextNormalizer;
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
 * whose stem repeats an approved one. The same seed always yields the same result.
 */
public final class QuestionGenerator {

    private final QualityGate gate = new QualityGate();
    private final FillBlankQuestions fillBlanks = new FillBlankQuestions();

    public GenerationResult generate(List<SourceModule> modules, List<KeyPhrase> phrases, long seed) {
        SourceCheck sourceCheck = new SourceCheck(NoticeText.of(modules));
        Distractors distractors = new Distractors(phrases);
        MemberPool members = new MemberPool(phrases, modules);
        ChoiceQuestions choices = new ChoiceQuestions(distractors, members, sourceCheck);
        TrueFalseQuestions statements = new TrueFalseQuestions(distractors, members, sourceCheck);
        List<QuestionDraft> approved = new ArrayList<>();
        List<Rejection> rejected = new ArrayList<>();
        Set<String> approvedStems = new HashSet<>();
        for (KeyPhrase phrase : phrases) {
            QuestionFrame frame = QuestionFrame.of(phrase, PhraseSite.of(phrase, modules));
            for (QuestionDraft draft : drafts(frame, seed, choices, statements)) {
                Optional<String> problem = gate.check(draft);
                if (problem.isPresent()) {
                    rejected.add(new Rejection(draft, problem.get()));
                } else if (!approvedStems.add(draft.type() + "|" + TextNormalizer.normalize(draft.stem()))) {
                    rejected.add(new Rejection(draft, "DUPLICATE_STEM: an approved question already has this stem"));
                } else {
                    approved.add(draft);
                }
            }
        }
        return new GenerationResult(approved, rejected);
    }

    private List<QuestionDraft> drafts(QuestionFrame frame, long seed, ChoiceQuestions choices,
                                       TrueFalseQuestions statements) {
        KeyPhrase phrase = frame.phrase();
        List<QuestionDraft> drafts = new ArrayList<>();
        switch (phrase.kind()) {
            case FORMULA, SLOGAN, NUMBER -> drafts.add(choices.singleChoice(frame,
                    QuestionFrame.random(seed, phrase, QuestionType.SINGLE_CHOICE)));
            case ENUMERATION -> drafts.add(choices.multipleChoice(frame,
                    QuestionFrame.random(seed, phrase, QuestionType.MULTIPLE_CHOICE)));
            case QUOTATION -> {
                // Other report quotations are no wrong answers: they are quoted as true in the same passage.
            }
        }
        statements.trueFalse(frame, QuestionFrame.random(seed, phrase, QuestionType.TRUE_FALSE))
                .ifPresent(drafts::add);
        fillBlanks.fillBlank(frame, QuestionFrame.random(seed, phrase, QuestionType.FILL_BLANK))
                .ifPresent(drafts::add);
        return drafts;
    }
}
