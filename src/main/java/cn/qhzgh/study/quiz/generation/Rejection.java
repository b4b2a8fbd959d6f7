package cn.qhzgh.study.quiz.generation;

import cn.qhzgh.study.quiz.question.QuestionDraft;

/** A generated draft that was not approved; {@code reason} starts with a reason code, e.g. {@code ANSWER_IN_STEM: …}. */
public record Rejection(QuestionDraft draft, String reason) {
}
