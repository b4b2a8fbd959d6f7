package cn.qhzgh.study.quiz.question;

import java.util.List;

/**
 * A question before it is stored, from the generator or an uploaded bank.
 * {@code answer} holds option keys for choice and true/false questions, accepted texts for FILL_BLANK.
 * TRUE_FALSE questions have the options A 正确 and B 错误.
 */
public record QuestionDraft(QuestionType type, String stem, List<QuestionOption> options, List<String> answer,
                            String explanation, String moduleCode, String keyPhrase, List<String> tags) {
}
