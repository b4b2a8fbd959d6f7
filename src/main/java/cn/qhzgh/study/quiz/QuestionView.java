package cn.qhzgh.study.quiz;

import java.util.List;

/** A question as admins see it, answer and explanation included; never sent to workers. */
public record QuestionView(Long id, QuestionType type, String stem, List<QuestionOption> options, List<String> answer,
                           String explanation, String moduleCode, String keyPhrase, QuestionSource source,
                           QuestionStatus status, int version, List<String> tags, Long bankId) {

    static QuestionView of(Question q, QuestionVersion v) {
        return new QuestionView(q.id, q.type, v.stem, v.options, v.answer, v.explanation, q.moduleCode, q.keyPhrase,
                q.source, q.status, v.version, q.tags, q.bankId);
    }

    public String etag() {
        return "\"q" + id + "-v" + version + "\"";
    }
}
