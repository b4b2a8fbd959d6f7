package cn.qhzgh.study.quiz;

import java.util.List;

/** A question as a phone receives it: re-lettered options, and nothing that reveals the answer. */
public record AttemptQuestion(long questionId, QuestionType type, String stem, List<QuestionOption> options) {
}
