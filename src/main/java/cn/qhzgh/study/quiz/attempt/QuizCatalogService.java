package cn.qhzgh.study.quiz.attempt;

import cn.qhzgh.study.campaign.CampaignCalendar;
import cn.qhzgh.study.campaign.CampaignRef;
import cn.qhzgh.study.quiz.Quiz;
import cn.qhzgh.study.quiz.QuizKind;
import cn.qhzgh.study.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** What a worker can take, and what they have taken; best score is the highest score (Moodle's "highest grade"). */
@ApplicationScoped
public class QuizCatalogService {

    private record Usage(long attempts, long today, Integer best) {
    }

    private final EntityManager entityManager;
    private final CampaignQuizzes campaigns;

    public QuizCatalogService(EntityManager entityManager, CampaignQuizzes campaigns) {
        this.entityManager = entityManager;
        this.campaigns = campaigns;
    }

    /** The quizzes one campaign offers the worker (by default the newest open to them), with their own usage. */
    @Transactional
    public List<QuizSummary> available(Caller caller, Long campaignId) {
        long workerId = AttemptService.requireWorker(caller);
        Optional<CampaignRef> campaign = campaigns.forWorker(caller, campaignId);
        Instant now = Instant.now();
        LocalDate today = CampaignCalendar.dayOf(now);
        Map<Long, Usage> usage = usage(workerId, today);
        return Quiz.<Quiz>list("active = true and (closesAt is null or closesAt > ?1) order by id", now).stream()
                .filter(quiz -> campaign.map(c -> CampaignQuizzes.offers(c, quiz))
                        .orElse(quiz.campaignId == null && quiz.noticeId == null))
                .map(quiz -> {
                    Usage used = usage.getOrDefault(quiz.id, new Usage(0, 0, null));
                    int attemptsUsed = (int) (quiz.kind == QuizKind.DAILY ? used.today() : used.attempts());
                    return new QuizSummary(quiz.id, quiz.title, quiz.kind, quiz.moduleCode, quiz.questionCount,
                            quiz.passScore, quiz.timeLimitSeconds, quiz.kind == QuizKind.DAILY ? Integer.valueOf(1)
                            : quiz.maxAttempts, attemptsUsed, used.best(), quiz.opensAt, quiz.closesAt);
                })
                .toList();
    }

    @Transactional
    public List<AttemptHistoryItem> history(Caller caller) {
        long workerId = AttemptService.requireWorker(caller);
        List<QuizAttempt> attempts = QuizAttempt.list("workerId = ?1 order by startedAt desc", workerId);
        Map<Long, Quiz> quizzes = attempts.isEmpty() ? Map.of()
                : Quiz.<Quiz>list("id in ?1", attempts.stream().map(a -> a.quizId).distinct().toList()).stream()
                .collect(Collectors.toMap(q -> q.id, Function.identity()));
        return attempts.stream().map(a -> {
            Quiz quiz = quizzes.get(a.quizId);
            return new AttemptHistoryItem(a.id, a.quizId, quiz.title, quiz.kind, quiz.moduleCode, a.status,
                    a.startedAt, a.deadline, a.submittedAt, a.score, a.passed);
        }).toList();
    }

    private Map<Long, Usage> usage(long workerId, LocalDate today) {
        Map<Long, Usage> usage = new HashMap<>();
        entityManager.createQuery("""
                        select a.quizId, count(a),
                               sum(case when a.attemptDay = :today then 1 else 0 end), max(a.score)
                        from QuizAttempt a where a.workerId = :worker group by a.quizId""", Object[].class)
                .setParameter("today", today).setParameter("worker", workerId)
                .getResultStream()
                .forEach(row -> usage.put((Long) row[0], new Usage((Long) row[1], ((Number) row[2]).longValue(),
                        (Integer) row[3])));
        return usage;
    }
}
