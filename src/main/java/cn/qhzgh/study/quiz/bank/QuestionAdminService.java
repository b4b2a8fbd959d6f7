package cn.qhzgh.study.quiz.bank;

import cn.qhzgh.study.common.DbClock;
import cn.qhzgh.study.common.DomainException;
import cn.qhzgh.study.common.Preconditions;
import cn.qhzgh.study.common.ProblemError;
import cn.qhzgh.study.quiz.question.Question;
import cn.qhzgh.study.quiz.question.QuestionDraft;
import cn.qhzgh.study.quiz.question.QuestionFingerprint;
import cn.qhzgh.study.quiz.question.QuestionSource;
import cn.qhzgh.study.quiz.question.QuestionStore;
import cn.qhzgh.study.quiz.question.QuestionVersion;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/** Admin edits of questions, guarded by If-Match and checked by the same rules as uploads. */
@ApplicationScoped
public class QuestionAdminService {

    private final QuestionStore store;

    public QuestionAdminService(QuestionStore store) {
        this.store = store;
    }

    @Transactional
    public QuestionView edit(long id, String ifMatch, QuestionEditRequest request, String actor) {
        Question question = Question.<Question>findByIdOptional(id).orElseThrow(() -> QuestionQueries.notFound(id));
        QuestionVersion current = QuestionVersion.find(question.id, question.currentVersion).orElseThrow();
        Preconditions.requireIfMatch(ifMatch, QuestionView.of(question, current).etag(), "question");
        QuestionDraft draft = checked(question, request);
        Instant now = DbClock.now();
        boolean reworded = !draft.stem().equals(current.stem) || !draft.options().equals(current.options)
                || !draft.answer().equals(current.answer) || !Objects.equals(draft.explanation(), current.explanation);
        question.status = request.status();
        question.moduleCode = draft.moduleCode();
        question.tags = draft.tags() == null ? List.of() : draft.tags();
        question.updatedAt = now;
        // Uploaded questions are de-duplicated by their current wording; generated ones keep the generator's identity.
        if (question.source == QuestionSource.UPLOADED) {
            question.fingerprint = QuestionFingerprint.of(question.type, draft.stem(), draft.options());
        }
        if (!reworded) {
            return QuestionView.of(question, current);
        }
        question.currentVersion++;
        return QuestionView.of(question, store.addVersion(question, draft, actor, now));
    }

    private static QuestionDraft checked(Question question, QuestionEditRequest request) {
        QuestionDraft proposed = new QuestionDraft(question.type, request.stem(),
                request.options() == null ? List.of() : request.options(), request.answer(), request.explanation(),
                request.moduleCode(), question.keyPhrase, request.tags() == null ? List.of() : request.tags());
        QuestionRules.Checked checked = QuestionRules.check(1, proposed, Set.of());
        if (!checked.problems().isEmpty()) {
            List<ProblemError> errors = checked.problems().stream()
                    .map(BankProblem::inJsonBody).map(p -> ProblemError.field(p.field(), p.message())).toList();
            throw DomainException.badRequest("invalid-question", "The question has " + errors.size()
                    + " problem(s).", errors);
        }
        return checked.draft();
    }
}
