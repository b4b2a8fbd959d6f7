package cn.qhzgh.study.quiz.bank;

import cn.qhzgh.study.quiz.question.QuestionSource;
import cn.qhzgh.study.quiz.question.QuestionStatus;
import cn.qhzgh.study.quiz.question.QuestionType;

/** Optional filters of the admin question listing; null means any. */
public record QuestionFilter(QuestionSource source, String moduleCode, QuestionType type, QuestionStatus status) {
}
