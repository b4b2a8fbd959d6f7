package cn.qhzgh.study.quiz;

/** Optional filters of the admin question listing; null means any. */
public record QuestionFilter(QuestionSource source, String moduleCode, QuestionType type, QuestionStatus status) {
}
