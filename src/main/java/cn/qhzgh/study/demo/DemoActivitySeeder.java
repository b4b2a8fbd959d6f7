package cn.qhzgh.study.demo;

import cn.qhzgh.study.campaign.CampaignDirectory;
import cn.qhzgh.study.common.DbClock;
import cn.qhzgh.study.common.DomainException;
import cn.qhzgh.study.common.NativeRows;
import cn.qhzgh.study.content.ModuleCatalog;
import cn.qhzgh.study.content.ModuleSummary;
import cn.qhzgh.study.demo.DemoActivityPlan.Learner;
import cn.qhzgh.study.demo.DemoActivityPlan.QuizTake;
import cn.qhzgh.study.demo.DemoActivityPlan.Session;
import cn.qhzgh.study.demo.DemoActivityPlan.Step;
import cn.qhzgh.study.org.DemoOrgSeeder;
import cn.qhzgh.study.progress.ProgressSyncService;
import cn.qhzgh.study.quiz.AnswerRequest;
import cn.qhzgh.study.quiz.AttemptQuestion;
import cn.qhzgh.study.quiz.AttemptService;
import cn.qhzgh.study.quiz.AttemptStarted;
import cn.qhzgh.study.quiz.QuestionOption;
import cn.qhzgh.study.quiz.QuestionQueries;
import cn.qhzgh.study.quiz.QuestionView;
import cn.qhzgh.study.quiz.Quiz;
import cn.qhzgh.study.quiz.QuizKind;
import cn.qhzgh.study.quiz.SubmissionRequest;
import cn.qhzgh.study.quiz.SubmissionService;
import cn.qhzgh.study.security.Caller;
import cn.qhzgh.study.security.Roles;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.enterprise.context.control.ActivateRequestContext;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.util.ArrayList;
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
        List<DemoWorker> workers = demoWorkers();
        List<ModuleSummary> modules = campaigns.defaultFor(null, true)
                .map(campaign -> catalog.publishedModules(campaign.noticeIds())).orElse(List.of());
        Map<String, Long> moduleQuizzes = new HashMap<>();
        Map<QuizKind, Long> noticeQuizzes = new HashMap<>();
        for (Quiz quiz : activeQuizzes()) {
            if (quiz.kind == QuizKind.MODULE) {
                moduleQuizzes.putIfAbsent(quiz.moduleCode, quiz.id);
            } else {
                noticeQuizzes.putIfAbsent(quiz.kind, quiz.id);
            }
        }
        if (workers.isEmpty() || modules.isEmpty() || !noticeQuizzes.containsKey(QuizKind.FINAL)
                || !noticeQuizzes.containsKey(QuizKind.DAILY)) {
            LOG.warn("No demo activity seeded: demo workers, modules or default quizzes are missing");
            return;
        }
        List<Learner> learners = new ArrayList<>();
        for (int i = 0; i < workers.size(); i++) {
            learners.add(new Learner(i, workers.get(i).orgCode()));
        }
        List<DemoActivityPlan.Module> reading = modules.stream().map(m -> new DemoActivityPlan.Module(m.id(),
                m.readingMinutes(), moduleQuizzes.get(m.code()))).toList();
        List<Step> steps = DemoActivityPlan.plan(learners, reading, noticeQuizzes.get(QuizKind.FINAL),
                noticeQuizzes.get(QuizKind.DAILY), DbClock.now(), settings.activityDays(), settings.randomSeed());
        Random answering = new Random(settings.randomSeed());
        Map<Long, QuestionView> keys = new HashMap<>();
        int events = 0;
        int passed = 0;
        int taken = 0;
        int refused = 0;
        for (Step step : steps) {
            Caller caller = caller(workers.get(step.learner()));
            try {
                if (step instanceof Session session) {
                    events += DbClock.pinnedAt(session.at(), () -> progress.sync(caller, events(session))).results().size();
                } else if (step instanceof QuizTake take) {
                    taken++;
                    passed += DbClock.pinnedAt(take.at(), () -> take(caller, take, answering, keys)) ? 1 : 0;
                }
            } catch (DomainException e) {
                refused++;
            }
        }
        LOG.infof("Seeded %d days of demo activity in %.1f s: %d reading events, %d quiz attempts (%d passed), "
                        + "%d steps refused by the service", settings.activityDays(), (System.nanoTime() - began) / 1e9,
                events, taken, passed, refused);
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
                        .setParameter(1, DemoOrgSeeder.DEMO_WORKER),
                r -> new DemoWorker(r.longAt(0), r.stringAt(1), r.longAt(2), r.stringAt(3), r.stringAt(4)));
    }

    private static List<Quiz> activeQuizzes() {
        return Quiz.list("active = true order by id");
    }
}
