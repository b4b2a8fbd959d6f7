package cn.qhzgh.study.quiz.question;

import cn.qhzgh.study.common.Hashing;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.List;

/** Writes questions and their versions; every caller runs inside its own transaction. */
@ApplicationScoped
public class QuestionStore {

    public Question create(QuestionDraft draft, QuestionSource source, Long bankId, Long noticeId, String actor,
                           Instant now) {
        Question question = new Question();
        question.source = source;
        question.bankId = bankId;
        question.noticeId = noticeId;
        question.type = draft.type();
        question.status = QuestionStatus.APPROVED;
        question.moduleCode = blankToNull(draft.moduleCode());
        question.keyPhrase = draft.keyPhrase();
        question.tags = draft.tags() == null ? List.of() : draft.tags();
        question.fingerprint = QuestionFingerprint.of(draft.type(), draft.stem(), draft.options());
        question.sourceGroup = source == QuestionSource.GENERATED && draft.explanation() != null
                ? Hashing.sha256Hex(draft.explanation()) : null;
        question.currentVersion = 1;
        question.createdAt = now;
        question.updatedAt = now;
        question.persist();
        addVersion(question, draft, actor, now);
        return question;
    }

    public QuestionVersion addVersion(Question question, QuestionDraft draft, String actor, Instant now) {
        QuestionVersion version = new QuestionVersion();
        version.questionId = question.id;
        version.version = question.currentVersion;
        version.stem = draft.stem();
        version.options = draft.options();
        version.answer = draft.answer();
        version.explanation = draft.explanation();
        version.createdAt = now;
        version.createdBy = actor;
        version.persist();
        return version;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
