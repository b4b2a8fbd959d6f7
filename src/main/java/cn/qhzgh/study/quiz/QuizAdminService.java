package cn.qhzgh.study.quiz;

import cn.qhzgh.study.campaign.Campaign;
import cn.qhzgh.study.campaign.CampaignStatus;
import cn.qhzgh.study.common.DbClock;
import cn.qhzgh.study.common.DomainException;
import cn.qhzgh.study.common.Preconditions;
import cn.qhzgh.study.common.ProblemError;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.ArrayList;
import java.util.List;

@ApplicationScoped
public class QuizAdminService {

    private final QuestionPool pool;

    public QuizAdminService(QuestionPool pool) {
        this.pool = pool;
    }

    @Transactional
    public List<QuizView> list() {
        return Quiz.<Quiz>listAll(Sort.by("id")).stream().map(QuizView::of).toList();
    }

    @Transactional
    public QuizView get(long id) {
        return QuizView.of(find(id));
    }

    @Transactional
    public QuizView create(QuizRequest request) {
        Quiz quiz = new Quiz();
        quiz.createdAt = DbClock.now();
        quiz.revision = 1;
        quiz.active = true;
        apply(quiz, request);
        quiz.persist();
        requireEnoughQuestions(quiz);
        return QuizView.of(quiz);
    }

    @Transactional
    public QuizView update(long id, String ifMatch, QuizRequest request) {
        Quiz quiz = find(id);
        Preconditions.requireIfMatch(ifMatch, QuizView.of(quiz).etag(), "quiz");
        if (quiz.defaultKey != null && request.kind() != quiz.kind) {
            throw DomainException.conflict("quiz-in-use", "Quiz " + id + " is in use as " + quiz.defaultKey
                    + " and stays a " + quiz.kind + " quiz; create a new quiz for another kind.");
        }
        apply(quiz, request);
        quiz.revision++;
        requireEnoughQuestions(quiz);
        pool.forget(quiz.id);
        return QuizView.of(quiz);
    }

    /** Archived, not deleted: attempts and statistics keep pointing at the quiz. */
    @Transactional
    public void archive(long id) {
        Quiz quiz = find(id);
        if (quiz.kind == QuizKind.FINAL && quiz.campaignId != null
                && Campaign.<Campaign>findById(quiz.campaignId).status == CampaignStatus.PUBLISHED) {
            throw DomainException.conflict("quiz-in-use", "Quiz " + id + " is the FINAL of published campaign "
                    + quiz.campaignId + ", which completion requires; close the campaign first.");
        }
        if (quiz.active) {
            quiz.active = false;
            quiz.revision++;
            quiz.updatedAt = DbClock.now();
        }
    }

    /** Undoes an archive; the quiz must still find enough approved questions to draw from. Idempotent. */
    @Transactional
    public QuizView restore(long id) {
        Quiz quiz = find(id);
        if (!quiz.active) {
            quiz.active = true;
            quiz.revision++;
            quiz.updatedAt = DbClock.now();
            requireEnoughQuestions(quiz);
            pool.forget(quiz.id);
        }
        return QuizView.of(quiz);
    }

    static Quiz find(long id) {
        return Quiz.<Quiz>findByIdOptional(id).orElseThrow(() ->
                DomainException.notFound("quiz-not-found", "No quiz has the id " + id + "."));
    }

    private void apply(Quiz quiz, QuizRequest request) {
        List<ProblemError> errors = new ArrayList<>();
        if (request.kind() == QuizKind.MODULE && (request.moduleCode() == null || request.moduleCode().isBlank())) {
            errors.add(ProblemError.field("moduleCode", "is required for a MODULE quiz"));
        }
        // A field the kind does not use is refused, not dropped: the admin meant something the quiz would not do.
        if (request.kind() != QuizKind.MODULE && request.moduleCode() != null) {
            errors.add(ProblemError.field("moduleCode", "belongs to MODULE quizzes only; a " + request.kind()
                    + " quiz chooses its modules with drawRule.moduleCodes"));
        }
        if (request.kind() == QuizKind.DAILY && request.maxAttempts() != null) {
            errors.add(ProblemError.field("maxAttempts", "does not apply to a DAILY quiz, which allows one scored "
                    + "attempt a day; leave it out"));
        }
        if (QuizRequest.outsideWindow(request.opensAt())) {
            errors.add(ProblemError.field("opensAt", QuizRequest.WINDOW_RULE));
        }
        if (QuizRequest.outsideWindow(request.closesAt())) {
            errors.add(ProblemError.field("closesAt", QuizRequest.WINDOW_RULE));
        }
        if (request.opensAt() != null && request.closesAt() != null && !request.opensAt().isBefore(request.closesAt())) {
            errors.add(ProblemError.field("closesAt", "must be after opensAt"));
        }
        if (!errors.isEmpty()) {
            throw DomainException.badRequest("invalid-quiz", "The quiz has " + errors.size() + " invalid field(s).",
                    errors);
        }
        DrawRule rule = request.drawRule() == null ? DrawRule.ANY : request.drawRule();
        quiz.title = request.title().strip();
        quiz.kind = request.kind();
        quiz.moduleCode = request.moduleCode();
        quiz.questionCount = request.questionCount();
        quiz.drawModuleCodes = rule.moduleCodes() == null ? List.of() : rule.moduleCodes();
        quiz.drawTypes = rule.types() == null ? List.of() : rule.types().stream().map(Enum::name).toList();
        quiz.drawTags = rule.tags() == null ? List.of() : rule.tags();
        quiz.passScore = request.passScore();
        quiz.timeLimitSeconds = request.timeLimitSeconds();
        quiz.maxAttempts = request.maxAttempts();
        quiz.opensAt = request.opensAt();
        quiz.closesAt = request.closesAt();
        quiz.shuffleQuestions = request.shuffleQuestions() == null || request.shuffleQuestions();
        quiz.shuffleOptions = request.shuffleOptions() == null || request.shuffleOptions();
        quiz.updatedAt = DbClock.now();
    }

    private void requireEnoughQuestions(Quiz quiz) {
        int available = pool.count(quiz);
        if (available < quiz.questionCount) {
            throw DomainException.unprocessable("not-enough-questions", "Only " + available
                            + " approved question(s) match the draw rule; the quiz needs " + quiz.questionCount + ".",
                    List.of(ProblemError.field("questionCount", "at most " + available + " for this draw rule")), 1);
        }
    }
}
