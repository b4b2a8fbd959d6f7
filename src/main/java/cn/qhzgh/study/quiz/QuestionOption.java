package cn.qhzgh.study.quiz;

/** One choice as stored: {@code key} is A–H. Attempts re-letter keys per phone. */
public record QuestionOption(String key, String text) {
}
