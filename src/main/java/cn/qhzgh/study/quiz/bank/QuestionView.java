package cn.qhzgh.study.quiz.bank;

import cn.qhzgh.study.common.Hashing;
import cn.qhzgh.study.quiz.question.Question;
import cn.qhzgh.study.quiz.question.QuestionOption;
import cn.qhzgh.study.quiz.question.QuestionSource;
import cn.qhzgh.study.quiz.question.QuestionStatus;
import cn.qhzgh.study.quiz.question.QuestionType;
import cn.qhzgh.study.quiz.question.QuestionVersion;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** A question as admins see it, answer and explanation included; never sent to workers. */
public record QuestionView(
        @Schema(required = true, example = "301")
        Long id,
        @Schema(required = true, example = "SINGLE_CHOICE")
        QuestionType type,
        @Schema(required = true, example = "深刻领悟（    ）的决定性意义，增强“四个意识”、坚定“四个自信”、做到“两个维护”。")
        String stem,
        @Schema(required = true, example = "[{\"key\": \"A\", \"text\": \"“两个确立”\"}, {\"key\": \"B\", \"text\": \"“两个结合”\"}]", nullable = true)
        List<QuestionOption> options,
        @Schema(required = true, example = "[\"A\"]")
        List<String> answer,
        @Schema(required = true, example = "原文：深刻领悟“两个确立”的决定性意义。", nullable = true)
        String explanation,
        @Schema(required = true, example = "1", nullable = true)
        String moduleCode,
        @Schema(required = true, example = "两个确立", nullable = true)
        String keyPhrase,
        @Schema(required = true, example = "GENERATED")
        QuestionSource source,
        @Schema(required = true, example = "APPROVED")
        QuestionStatus status,
        @Schema(required = true, example = "1")
        int version,
        @Schema(required = true, example = "[\"两个确立\"]", nullable = true)
        List<String> tags,
        @Schema(required = true, example = "3", nullable = true)
        Long bankId) {

    static QuestionView of(Question q, QuestionVersion v) {
        return new QuestionView(q.id, q.type, v.stem, v.options, v.answer, v.explanation, q.moduleCode, q.keyPhrase,
                q.source, q.status, v.version, q.tags, q.bankId);
    }

    /**
     * The wording's version and a digest of what an edit changes without a new version (status, module, tags), so
     * that an approval or retirement made meanwhile fails another admin's If-Match too.
     */
    public String etag() {
        String unversioned = Hashing.sha256Hex(status + "\n" + moduleCode + "\n" + tags).substring(0, 16);
        return "\"q" + id + "-v" + version + "-" + unversioned + "\"";
    }
}
