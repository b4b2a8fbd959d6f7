package cn.qhzgh.study.demo;

import cn.qhzgh.study.campaign.CampaignCalendar;
import cn.qhzgh.study.demo.DemoActivityPlan.Learner;
import cn.qhzgh.study.demo.DemoActivityPlan.Module;
import cn.qhzgh.study.demo.DemoActivityPlan.QuizTake;
import cn.qhzgh.study.demo.DemoActivityPlan.Read;
import cn.qhzgh.study.demo.DemoActivityPlan.Session;
import cn.qhzgh.study.demo.DemoActivityPlan.Step;
import cn.qhzgh.study.progress.Channel;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

class DemoActivityPlanTest {

    private static final Instant NOW = Instant.parse("2022-12-16T04:00:00Z");
    private static final long FINAL = 900;
    private static final long DAILY = 901;

    private static final List<Module> MODULES = List.of(new Module(1, 3, null), new Module(2, 5, 101L),
            new Module(3, 4, 102L), new Module(4, 6, 103L), new Module(5, 2, null));

    private static List<Learner> learners() {
        List<Learner> learners = new ArrayList<>();
        for (int i = 0; i < 600; i++) {
            learners.add(new Learner(i, "U" + (i / 3)));
        }
        return learners;
    }

    private static List<Step> plan(long seed) {
        return DemoActivityPlan.plan(learners(), MODULES, FINAL, DAILY, NOW, 30, seed);
    }

    @Test
    void theSameSeedGivesTheSamePlan() {
        assertThat(plan(7)).isEqualTo(plan(7)).isNotEqualTo(plan(8));
    }

    @Test
    void everyStepFallsInTheWindowInTimeOrder() {
        List<Step> steps = plan(1);
        assertThat(steps).isSortedAccordingTo(java.util.Comparator.comparing(Step::at));
        assertThat(steps).allSatisfy(s -> assertThat(s.at()).isBefore(NOW).isAfter(NOW.minus(Duration.ofDays(31))));
        List<Read> reads = steps.stream().filter(Session.class::isInstance)
                .flatMap(s -> ((Session) s).reads().stream()).toList();
        assertThat(reads).allSatisfy(r -> {
            assertThat(r.percent()).isBetween(0, 100);
            assertThat(r.seconds()).isEqualTo(60);
        });
        assertThat(reads.stream().map(Read::eventId).collect(Collectors.toSet())).hasSize(reads.size());
        steps.stream().filter(Session.class::isInstance).map(Session.class::cast).forEach(session ->
                assertThat(session.reads()).allSatisfy(r -> assertThat(r.occurredAt()).isBefore(session.at())));
    }

    @Test
    void activityIsSkewedAsInARealDrive() {
        List<Step> steps = plan(20221115);
        Map<Integer, List<Step>> byLearner = steps.stream().collect(Collectors.groupingBy(Step::learner));
        double started = byLearner.size() / 600.0;
        assertThat(started).as("some never start, most do").isBetween(0.5, 0.9);

        Set<Integer> finishers = new HashSet<>();
        steps.stream().filter(s -> s instanceof QuizTake take && take.quizId() == FINAL).forEach(s -> finishers.add(s.learner()));
        assertThat(finishers.size()).as("only some sit the FINAL").isBetween(60, byLearner.size() * 2 / 3);

        Map<Channel, Long> channels = steps.stream().filter(Session.class::isInstance)
                .collect(Collectors.groupingBy(s -> ((Session) s).channel(), Collectors.counting()));
        assertThat(channels.get(Channel.WECHAT)).isGreaterThan(channels.get(Channel.APP));
        assertThat(channels.get(Channel.APP)).isGreaterThan(channels.get(Channel.WEIBO));

        LocalDate opened = LocalDate.ofInstant(NOW, CampaignCalendar.ZONE).minusDays(30);
        Map<Integer, Instant> firstStep = byLearner.entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().get(0).at()));
        long inLaunchWeek = firstStep.values().stream()
                .filter(at -> LocalDate.ofInstant(at, CampaignCalendar.ZONE).isBefore(opened.plusDays(8))).count();
        assertThat(inLaunchWeek).as("most start in the launch week").isGreaterThan(firstStep.size() / 2);

        Map<String, Long> learnersByUnion = byLearner.keySet().stream()
                .collect(Collectors.groupingBy(i -> "U" + (i / 3), Collectors.counting()));
        assertThat(200 - learnersByUnion.size()).as("some unions have no one studying").isPositive();
    }

    @Test
    void moduleQuizzesFollowTheirModulesReading() {
        List<Step> steps = plan(3);
        Map<Long, Long> quizModule = MODULES.stream().filter(m -> m.quizId() != null)
                .collect(Collectors.toMap(Module::quizId, Module::id));
        List<QuizTake> moduleQuizzes = steps.stream().filter(s -> s instanceof QuizTake take
                && quizModule.containsKey(take.quizId())).map(QuizTake.class::cast).toList();
        assertThat(moduleQuizzes).isNotEmpty();
        for (QuizTake take : moduleQuizzes) {
            boolean readBefore = steps.stream().anyMatch(s -> s instanceof Session session
                    && session.learner() == take.learner() && session.at().isBefore(take.at())
                    && session.reads().stream().anyMatch(r -> r.moduleId() == quizModule.get(take.quizId())
                    && r.percent() == 100));
            assertThat(readBefore).as("quiz %s by learner %s", take.quizId(), take.learner()).isTrue();
        }
    }
}
