package cn.qhzgh.study.demo;

import cn.qhzgh.study.campaign.CampaignDirectory;
import cn.qhzgh.study.campaign.CampaignRef;
import cn.qhzgh.study.common.DbClock;
import cn.qhzgh.study.common.DomainException;
import cn.qhzgh.study.common.NativeRows;
import cn.qhzgh.study.content.ModuleCatalog;
import cn.qhzgh.study.content.ModuleSummary;
import cn.qhzgh.study.demo.DemoActivityPlan.Learner;
import cn.qhzgh.study.demo.DemoActivityPlan.QuizTake;
import cn.qhzgh.study.demo.DemoActivityPlan.Session;
import cn.qhzgh.study.demo.DemoActivityPlan.Step;
import cn.qhzgh.study.progress.ProgressSyncService;
import cn.qhzgh.study.quiz.QuizKind;
import cn.qhzgh.study.quiz.attempt.AnswerRequest;
import cn.qhzgh.study.quiz.attempt.AttemptQuestion;
import cn.qhzgh.study.quiz.attempt.AttemptService;
import cn.qhzgh.study.quiz.attempt.AttemptStarted;
import cn.qhzgh.study.quiz.attempt.SubmissionRequest;
import cn.qhzgh.study.quiz.attempt.SubmissionService;
import cn.qhzgh.study.quiz.bank.QuestionQueries;
import cn.qhzgh.study.quiz.bank.QuestionView;
import cn.qhzgh.study.quiz.question.QuestionOption;
import cn.qhzgh.study.security.Caller;
import cn.qhzgh.study.security.DemoIdentity;
import cn.qhzgh.study.security.Roles;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Replays {@link DemoActivityPlan} through the same services the phones use, each step with the clock pinned to
 * its simulated time, so records, completions and every counter are what that activity would really produce.
 * The worker of the printed dev token is left without activity, to try the API on.
 */
@ApplicationScoped
public class DemoActivitySeeder {

    private static final Logger LOG = Logger.getLogger(DemoActivitySeeder.class);

    private record DemoWorker(long workerId, String externalId, long orgId, String orgCode, String orgPath) {
    }

    private final DemoSeedSettings settings;
    private final EntityManager entityManager;
    private final ModuleCatalog catalog;
    private final CampaignDirectory campaigns;
    private final ProgressSyncService progress;
    private final AttemptService attempts;
    private final SubmissionService submissions;
    private final QuestionQueries questions;
    private final ObjectMapper json;

    public DemoActivitySeeder(DemoSeedSettings settings, EntityManager entityManager, ModuleCatalog catalog,
                              CampaignDirectory campaigns, ProgressSyncService progress, AttemptService attempts, SubmissionService submissions,
                              QuestionQueries questions, ObjectMapper json) {
        this.settings = settings;
        this.entityManager = entityManager;
        this.catalog = catalog;
        this.campaigns = campaigns;
        this.progress = progress;
        this.attempts = attempts;
        this.submissions = submissions;
        this.questions = questions;
        this.json = json;
    }

    @ActivateRequestContext
    void seed(@Observes @Priority(30) StartupEvent start) {
        if (!settings.enabled() || alreadyActive()) {
            return;
        }
        long began = System.nanoTime();
        List<DemoWorker> everyone = demoWorkers();
        Tally tally = new Tally();
        List<CampaignRef> published = campaigns.reportableTo(null).stream()
                .sorted(Comparator.comparingLong(CampaignRef::id)).toList();
        List<Planned> planned = new ArrayList<>();
        for (CampaignRef campaign : published) {
            planned.addAll(plan(campaign, everyone.stream().filter(w -> campaign.reaches(w.orgPath())).toList()));
        }
        // One timeline for every campaign: a worker's quiz rate limit and credit see the days in order.
        planned.sort(Comparator.comparing((Planned p) -> p.step().at()));
        Random answering = new Random(settings.randomSeed());
        Map<Long, QuestionView> keys = new HashMap<>();
        for (Planned p : planned) {
            Caller caller = caller(p.worker());
            try {
                if (p.step() instanceof Session session) {
                    tally.events += DbClock.pinnedAt(session.at(), () -> progress.sync(caller, events(session)))
                            .results().size();
                } else if (p.step() instanceof QuizTake take) {
                    tally.taken++;
                    tally.passed += DbClock.pinnedAt(take.at(), () -> take(caller, take, answering, keys)) ? 1 : 0;
                }
            } catch (DomainException e) {
                tally.refused++;
            }
        }
        LOG.infof("Seeded %d days of demo activity in %d campaigns in %.1f s: %d reading events, %d quiz attempts "
                        + "(%d passed), %d steps refused by the service", settings.activityDays(), published.size(),
                (System.nanoTime() - began) / 1e9, tally.events, tally.taken, tally.passed, tally.refused);
    }

    /** One campaign's activity, over the days since it opened (at most study.seed.activity-days). */
    private List<Planned> plan(CampaignRef campaign, List<DemoWorker> workers) {
        List<ModuleSummary> modules = catalog.publishedModules(campaign.noticeIds());
        Map<Long, Long> moduleQuizzes = moduleQuizzes(campaign.noticeIds());
        Long finalQuiz = campaignQuiz(campaign.id(), QuizKind.FINAL);
        Long dailyQuiz = campaignQuiz(campaign.id(), QuizKind.DAILY);
        if (workers.isEmpty() || modules.isEmpty() || finalQuiz == null || dailyQuiz == null) {
            LOG.warnf("No demo activity seeded in campaign %d: its workers, modules or quizzes are missing",
                    campaign.id());
            return List.of();
        }
        Instant now = DbClock.now();
        int days = campaign.opensAt() == null ? settings.activityDays() : (int) Math.max(1, Math.min(
                settings.activityDays(), Duration.between(campaign.opensAt(), now).toDays()));
        List<Learner> learners = new ArrayList<>();
        for (int i = 0; i < workers.size(); i++) {
            learners.add(new Learner(i, workers.get(i).orgCode()));
        }
        List<DemoActivityPlan.Module> reading = modules.stream().map(m -> new DemoActivityPlan.Module(m.id(),
                m.readingMinutes(), moduleQuizzes.get(m.id()))).toList();
        return DemoActivityPlan.plan(learners, reading, finalQuiz, dailyQuiz, now, days,
                        settings.randomSeed() + campaign.id()).stream()
                .map(step -> new Planned(step, workers.get(step.learner()))).toList();
    }

    /** A step of some campaign's plan, with the worker who takes it. */
    private record Planned(Step step, DemoWorker worker) {
    }

    /** What the seed did, over every campaign. */
    private static final class Tally {
        private int events;
        private int taken;
        private int passed;
        private int refused;
    }

    /** The active MODULE quiz of each module of these notices, by module id. */
    private Map<Long, Long> moduleQuizzes(List<Long> noticeIds) {
        Map<Long, Long> quizzes = new HashMap<>();
        NativeRows.list(entityManager.createNativeQuery("""
                        SELECT m.id, MIN(q.id) FROM quiz q
                        JOIN study_module m ON m.notice_id = q.notice_id AND m.code = q.module_code
                        WHERE q.kind = 'MODULE' AND q.active = TRUE AND m.notice_id IN (?1) GROUP BY m.id""")
                        .setParameter(1, noticeIds), r -> Map.entry(r.longAt(0), r.longAt(1)))
                .forEach(e -> quizzes.put(e.getKey(), e.getValue()));
        return quizzes;
    }

    private Long campaignQuiz(long campaignId, QuizKind kind) {
        return NativeRows.list(entityManager.createNativeQuery(
                        "SELECT MIN(id) FROM quiz WHERE campaign_id = ?1 AND kind = ?2 AND active = TRUE")
                        .setParameter(1, campaignId).setParameter(2, kind.name()), r -> r.isNull(0) ? null : r.longAt(0))
                .get(0);
    }

    private boolean take(Caller caller, QuizTake take, Random answering, Map<Long, QuestionView> keys) {
        AttemptStarted started = attempts.start(caller, take.quizId());
        List<AnswerRequest> answers = new ArrayList<>();
        for (AttemptQuestion question : started.questions()) {
            QuestionView key = keys.computeIfAbsent(question.questionId(), questions::get);
            boolean right = answering.nextDouble() < take.accuracy();
            answers.add(new AnswerRequest(question.questionId(), answer(question, key, right)));
        }
        String result = submissions.submit(caller, started.attemptId(), UUID.randomUUID().toString(),
                new SubmissionRequest(answers));
        try {
            return json.readTree(result).path("passed").asBoolean();
        } catch (java.io.IOException e) {
            throw new IllegalStateException("the submission answered unreadable JSON", e);
        }
    }

    /** The right answer in the letters this attempt shows, or a plausible wrong one. */
    private static List<String> answer(AttemptQuestion question, QuestionView key, boolean right) {
        if (question.options().isEmpty()) {
            return List.of(right ? key.answer().get(0) : "不清楚");
        }
        Map<String, String> storedText = key.options().stream()
                .collect(Collectors.toMap(QuestionOption::key, QuestionOption::text));
        Map<String, String> shownKey = question.options().stream()
                .collect(Collectors.toMap(QuestionOption::text, QuestionOption::key, (a, b) -> a));
        List<String> correct = key.answer().stream().map(k -> shownKey.get(storedText.get(k))).sorted().toList();
        if (right) {
            return correct;
        }
        return question.options().stream().map(QuestionOption::key).filter(k -> !correct.contains(k))
                .findFirst().map(List::of).orElse(correct.subList(0, 1));
    }

    private List<JsonNode> events(Session session) {
        return session.reads().stream().<JsonNode>map(read -> json.createObjectNode()
                .put("eventId", read.eventId()).put("moduleId", read.moduleId()).put("percent", read.percent())
                .put("secondsSpent", read.seconds()).put("occurredAt", read.occurredAt().toString())
                .put("channel", session.channel().name())).toList();
    }

    private static Caller caller(DemoWorker worker) {
        return new Caller(worker.externalId(), Roles.WORKER, worker.orgCode(), worker.orgId(), worker.orgPath(),
                worker.workerId());
    }

    private boolean alreadyActive() {
        return ((Number) entityManager.createNativeQuery("SELECT COUNT(*) FROM progress_event").getSingleResult())
                .longValue() > 0;
    }

    private List<DemoWorker> demoWorkers() {
        return NativeRows.list(entityManager.createNativeQuery("""
                        SELECT w.id, w.external_id, o.id, o.code, o.path FROM worker w
                        JOIN organization o ON o.id = w.org_id
                        WHERE w.external_id LIKE 'demo-w-%' AND w.external_id <> ?1 ORDER BY w.id""")
                        .setParameter(1, DemoIdentity.WORKER.subject()),
                r -> new DemoWorker(r.longAt(0), r.stringAt(1), r.longAt(2), r.stringAt(3), r.stringAt(4)));
    }
}
