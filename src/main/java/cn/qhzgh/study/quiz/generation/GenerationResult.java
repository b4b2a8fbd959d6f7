package cn.qhzgh.study.quiz.generation;

import cn.qhzgh.study.quiz.question.QuestionDraft;
import java.util.List;

/** Drafts that passed the quality gate, and those that did not together with the reason. */
public record GenerationResult(List<QuestionDraft> approved, List<Rejection> rejected) {

    public GenerationResult {
        approved = List.copyOf(approved);
        rejected = List.copyOf(rejected);
    }
}
