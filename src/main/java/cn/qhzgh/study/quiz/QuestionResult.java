package cn.qhzgh.study.quiz;

import java.util.List;

/** {@code correctAnswer} uses this attempt's letters, or the accepted texts for FILL_BLANK. */
public record QuestionResult(long questionId, boolean correct, List<String> correctAnswer, String explanation) {
}
