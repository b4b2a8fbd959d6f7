package cn.qhzgh.study.quiz.attempt;

import cn.qhzgh.study.campaign.CampaignCalendar;
import cn.qhzgh.study.common.BusinessMetrics;
import cn.qhzgh.study.common.DbClock;
import cn.qhzgh.study.common.DeferredWritesDue;
import cn.qhzgh.study.common.DomainException;
import cn.qhzgh.study.common.retry.RetriedOnLockConflict;
import cn.qhzgh.study.org.WorkerLock;
import cn.qhzgh.study.quiz.QuestionPool;
import cn.qhzgh.study.quiz.Quiz;
import cn.qhzgh.study.quiz.QuizKind;
import cn.qhzgh.study.quiz.question.QuestionOption;
import cn.qhzgh.study.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Starts attempts. The server draws and orders the questions; the draw is stored so that a retried start or a
 * reconnect returns the same attempt. Only the worker's own row is locked, first, as every write of a worker's
 * records does; a unique key on the in-progress attempt keeps one attempt in progress per worker and quiz.
 */
@ApplicationScoped
public class AttemptService {

    static final long GRACE_SECONDS = 30;

    private final EntityManager entityManager;
    private final QuestionPool pool;
    private final AskedVersions asked;
    private final AttemptRateLimiter rateLimiter;
    private final SecureRandom random = new SecureRandom();

    private final BusinessMetrics metrics;
    private final CampaignQuizzes campaignQuizzes;

    private final Event<AttemptScored> scored;
    private final Event<DeferredWritesDue> deferredWrites;

    public AttemptService(EntityManager entityManager, QuestionPool pool, AskedVersions asked,
                          AttemptRateLimiter rateLimiter, BusinessMetrics metrics, CampaignQuizzes campaignQuizzes,
                          Event<AttemptScored> scored, Event<DeferredWritesDue> deferredWrites) {
        this.campaignQuizzes = campaignQuizzes;
        this.scored = scored;
        this.deferredWrites = deferredWrites;
        this.entityManager = entityManager;
        this.pool = pool;
        this.asked = asked;
        this.rateLimiter = rateLimiter;
        this.metrics = metrics;
    }

    // A refusal after an abandoned attempt was closed keeps the close: that attempt is LATE whatever the answer.
    @RetriedOnLockConflict
    @Transactional(dontRollbackOn = DomainException.class)
    public AttemptStarted start(Caller caller, long quizId) {
        long workerId = requireWorker(caller);
        rateLimiter.acquire(workerId);
        long orgId = WorkerLock.acquire(entityManager, workerId);
        Quiz quiz = Quiz.<Quiz>findByIdOptional(quizId).filter(q -> q.active).orElseThrow(() ->
                DomainException.notFound("quiz-not-found", "No active quiz has the id " + quizId + "."));
        Instant now = DbClock.now();
        String openKey = QuizAttempt.openKey(workerId, quizId);
        Optional<QuizAttempt> open = QuizAttempt.find("openKey", openKey).firstResultOptional();
        if (open.isPresent() && !expired(open.get(), now)) {
            return payload(quiz, open.get(), false);
        }
        open.ifPresent(stale -> closeUnsubmitted(stale, quiz, orgId, now));
        campaignQuizzes.requireStartable(caller, quiz, now);
        requireOpen(quiz, now);
        LocalDate today = CampaignCalendar.dayOf(now);
        requireAttemptsLeft(quiz, workerId, today);

        long seed = quiz.kind == QuizKind.DAILY ? dailySeed(workerId, quizId, today) : random.nextLong();
        List<DrawnQuestion> draw = draw(quiz, seed);
        String attemptId = UUID.randomUUID().toString();
        entityManager.createNativeQuery("""
                        INSERT INTO quiz_attempt (id, quiz_id, worker_id, status, open_key, attempt_day, started_at,
                                                  deadline, draw)
                        VALUES (?1, ?2, ?3, 'IN_PROGRESS', ?4, ?5, ?6, ?7, ?8)
                        ON DUPLICATE KEY UPDATE id = id""")
                .setParameter(1, attemptId).setParameter(2, quizId).setParameter(3, workerId)
                .setParameter(4, openKey).setParameter(5, today)
                .setParameter(6, Timestamp.from(now))
                .setParameter(7, Timestamp.from(now.plusSeconds(quiz.timeLimitSeconds)))
                .setParameter(8, new DrawConverter().convertToDatabaseColumn(draw))
                .executeUpdate();
        // A locking read sees the attempt a concurrent start may have committed first; that one wins.
        // Plain FOR UPDATE: Hibernate's "FOR UPDATE OF" is not understood by MariaDB.
        QuizAttempt stored = (QuizAttempt) entityManager.createNativeQuery(
                        "SELECT * FROM quiz_attempt WHERE open_key = ?1 FOR UPDATE", QuizAttempt.class)
                .setParameter(1, openKey).getSingleResult();
        boolean created = stored.id.equals(attemptId);
        if (created) {
            metrics.attemptStarted();
        }
        return payload(quiz, stored, created);
    }

    /** 每日答题 draws from this seed: the same set all day for one worker, another set tomorrow. */
    static long dailySeed(long workerId, long quizId, LocalDate day) {
        return Objects.hash(workerId, quizId, day.toEpochDay());
    }

    static long requireWorker(Caller caller) {
        if (caller.workerId() == null) {
            throw DomainException.forbidden("workers-only", "Only workers take quizzes.");
        }
        return caller.workerId();
    }

    static boolean expired(QuizAttempt attempt, Instant now) {
        return now.isAfter(attempt.deadline.plusSeconds(GRACE_SECONDS));
    }

    /**
     * An attempt abandoned past its deadline counts as a late, zero-score attempt with nothing answered, in the
     * counters too, as a late submission would.
     */
    private void closeUnsubmitted(QuizAttempt attempt, Quiz quiz, long orgId, Instant now) {
        attempt.status = AttemptStatus.LATE;
        attempt.openKey = null;
        attempt.submittedAt = now;
        attempt.score = 0;
        attempt.passed = false;
        attempt.flush();
        scored.fire(new AttemptScored(attempt.id, attempt.workerId, orgId, quiz.id, quiz.noticeId, quiz.campaignId,
                quiz.kind, quiz.moduleCode, 0, false, true, now, List.of()));
        deferredWrites.fire(new DeferredWritesDue());
    }

    private static void requireOpen(Quiz quiz, Instant now) {
        if (quiz.opensAt != null && now.isBefore(quiz.opensAt)) {
            throw DomainException.forbidden("quiz-not-open", "This quiz opens at " + quiz.opensAt + ".");
        }
        if (quiz.closesAt != null && !now.isBefore(quiz.closesAt)) {
            throw DomainException.forbidden("quiz-closed", "This quiz closed at " + quiz.closesAt + ".");
        }
    }

    private static void requireAttemptsLeft(Quiz quiz, long workerId, LocalDate today) {
        if (quiz.kind == QuizKind.DAILY) {
            if (QuizAttempt.count("workerId = ?1 and quizId = ?2 and attemptDay = ?3", workerId, quiz.id, today) > 0) {
                throw DomainException.conflict("daily-limit",
                        "每日答题 allows one scored attempt per day (Asia/Shanghai); come back tomorrow.");
            }
            return;
        }
        if (quiz.maxAttempts != null
                && QuizAttempt.count("workerId = ?1 and quizId = ?2", workerId, quiz.id) >= quiz.maxAttempts) {
            throw DomainException.conflict("max-attempts",
                    "This quiz allows " + quiz.maxAttempts + " attempt(s) and all have been used.");
        }
    }

    private List<DrawnQuestion> draw(Quiz quiz, long seed) {
        List<QuestionPool.Candidate> candidates = pool.candidates(quiz);
        if (candidates.isEmpty()) {
            throw DomainException.conflict("no-questions", "No approved questions match this quiz yet.");
        }
        return AttemptDrawer.draw(candidates, quiz.questionCount, quiz.shuffleQuestions, quiz.shuffleOptions, seed);
    }

    private AttemptStarted payload(Quiz quiz, QuizAttempt attempt, boolean created) {
        Map<Long, AskedVersions.Asked> versions = asked.of(attempt.draw);
        List<AttemptQuestion> questions = new ArrayList<>();
        for (DrawnQuestion drawn : attempt.draw) {
            AskedVersions.Asked version = versions.get(drawn.questionId());
            Map<String, String> textByKey = version.options().stream()
                    .collect(Collectors.toMap(QuestionOption::key, QuestionOption::text));
            List<QuestionOption> options = new ArrayList<>();
            for (int i = 0; i < drawn.optionKeys().size(); i++) {
                options.add(new QuestionOption(AttemptDrawer.letter(i), textByKey.get(drawn.optionKeys().get(i))));
            }
            questions.add(new AttemptQuestion(drawn.questionId(), version.type(), version.stem(), options));
        }
        return new AttemptStarted(attempt.id, quiz.id, quiz.title, attempt.startedAt, attempt.deadline, questions,
                created);
    }
}
