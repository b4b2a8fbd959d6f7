package cn.qhzgh.study.stats;

import cn.qhzgh.study.campaign.CampaignCalendar;
import cn.qhzgh.study.progress.CreditReconciler;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * What a slice of workers contributes to every union counter, and which of their own summary rows are wrong,
 * from their source rows as one snapshot read them. Each source row is fed once, in the order of the methods
 * below; {@link #finish} adds the slice to the tally. Pure: the counting rules are tested without a database.
 */
final class SliceRecount {

    /** A worker's events in one module on one channel: how many, their credited seconds, how many lack credit. */
    record EventSum(long workerId, long moduleId, String channel, long events, long creditedSeconds,
                    long uncreditedEvents) {
    }

    /** A stored module_progress row. */
    record ModuleRow(long workerId, long moduleId, long creditedSeconds, LocalDateTime firstActivityAt,
                     LocalDateTime lastActivityAt, boolean completed) {
    }

    /** A quiz attempt, as the attempt summary index holds it. */
    record Attempt(long workerId, long quizId, String id, LocalDateTime startedAt, String status, Integer score,
                   Boolean passed) {
    }

    /** One answer of an attempt. */
    record Answer(String attemptId, long position, long questionId, boolean correct, String pickedKeys) {
    }

    /** The workers of a union active on one campaign day, counted in the database. */
    record ActiveDays(long orgId, long campaignId, LocalDate day, long workers) {
    }

    /** A worker's completion of a campaign (completed_at in UTC). */
    record Completion(long workerId, long campaignId, LocalDateTime completedAt) {
    }

    /** A worker_campaign row, as stored or as its sources say it must be. */
    record CampaignRow(long workerId, long campaignId, long orgId, LocalDateTime startedAt, LocalDateTime lastActivityAt,
                       long secondsSpent, Integer finalBestScore, boolean finalPassed, LocalDateTime completedAt) {
    }

    /**
     * What the slice found wrong in the workers' own rows: workers with events never credited (their unions are
     * recounted after they are credited again), module rows whose credited sum is not their events', the
     * worker_campaign rows missing (as their sources say they must be), and how many stored ones differ from
     * their sources, with the workers they belong to.
     */
    record Findings(Set<Long> uncreditedWorkers, Set<Long> uncreditedUnions, List<CreditReconciler.ModuleRow> wrongModuleSums,
                    List<CampaignRow> missingCampaignRows, long differingCampaignRows, Set<Long> differingCampaignWorkers) {
    }

    private static final String OPTION_KEYS = "ABCDEFGH";
    private static final Comparator<Attempt> EARLIEST = Comparator.comparing(Attempt::startedAt)
            .thenComparing(Attempt::id);

    private record WorkerModule(long workerId, long moduleId) {
    }

    private record WorkerQuiz(long workerId, long quizId) {
    }

    private record WorkerCampaign(long workerId, long campaignId) {
    }

    private record OrgModuleChannel(long orgId, long moduleId, String channel) {
    }

    private record OrgModule(long orgId, long moduleId) {
    }

    private final ReconcileCatalog catalog;
    private final CounterTally tally;
    private final Map<Long, Long> orgOfWorker = new HashMap<>();
    private final Map<WorkerModule, Long> creditedOfModule = new HashMap<>();
    /** Events and credited seconds per union, module and channel, summed before they are counted per campaign. */
    private final Map<OrgModuleChannel, long[]> channels = new HashMap<>();
    private final Map<OrgModule, List<Long>> campaignsOfModule = new HashMap<>();
    private final Set<Long> uncredited = new TreeSet<>();
    private final List<CreditReconciler.ModuleRow> wrongSums = new ArrayList<>();
    private final Map<WorkerCampaign, CampaignRow> expected = new HashMap<>();
    private final Map<WorkerQuiz, Attempt> firstAttempt = new HashMap<>();
    private final Map<WorkerQuiz, Integer> bestScore = new HashMap<>();
    private final Map<String, Attempt> attempts = new HashMap<>();
    private final Map<String, List<Answer>> countedFirstAnswers = new HashMap<>();
    private long differing;
    private final Set<Long> differingWorkers = new TreeSet<>();

    SliceRecount(ReconcileCatalog catalog, CounterTally tally) {
        this.catalog = catalog;
        this.tally = tally;
    }

    void worker(long workerId, long orgId) {
        orgOfWorker.put(workerId, orgId);
        tally.add(CounterTable.WORKERS, List.of(orgId), 1);
    }

    void events(EventSum sum) {
        long org = org(sum.workerId());
        creditedOfModule.merge(new WorkerModule(sum.workerId(), sum.moduleId()), sum.creditedSeconds(), Long::sum);
        if (sum.uncreditedEvents() > 0) {
            uncredited.add(sum.workerId());
        }
        long[] channel = channels.computeIfAbsent(new OrgModuleChannel(org, sum.moduleId(), sum.channel()),
                k -> new long[2]);
        channel[0] += sum.events();
        channel[1] += sum.creditedSeconds();
    }

    /** After every event sum of the slice. */
    void module(ModuleRow row) {
        long org = org(row.workerId());
        long credited = creditedOfModule.getOrDefault(new WorkerModule(row.workerId(), row.moduleId()), 0L);
        if (row.creditedSeconds() != credited && !uncredited.contains(row.workerId())) {
            wrongSums.add(new CreditReconciler.ModuleRow(row.workerId(), row.moduleId()));
        }
        tally.add(CounterTable.MODULE, List.of(org, row.moduleId()), 1, row.completed() ? 1 : 0, 0, 0);
        for (long campaign : countingCampaigns(org, row.moduleId())) {
            CampaignRow before = expectedRow(row.workerId(), campaign, org);
            expected.put(new WorkerCampaign(row.workerId(), campaign), new CampaignRow(row.workerId(), campaign, org,
                    earlier(before.startedAt(), row.firstActivityAt()), later(before.lastActivityAt(), row.lastActivityAt()),
                    before.secondsSpent() + credited, before.finalBestScore(), before.finalPassed(), before.completedAt()));
        }
    }

    void attempt(Attempt attempt) {
        long org = org(attempt.workerId());
        WorkerQuiz key = new WorkerQuiz(attempt.workerId(), attempt.quizId());
        attempts.put(attempt.id(), attempt);
        firstAttempt.merge(key, attempt, (a, b) -> EARLIEST.compare(a, b) <= 0 ? a : b);
        if (attempt.score() == null) {
            return;
        }
        bestScore.merge(key, attempt.score(), Math::max);
        Long campaign = catalog.campaignOfPublishedFinal().get(attempt.quizId());
        if (campaign != null && catalog.reaches(campaign, org)) {
            CampaignRow before = expectedRow(attempt.workerId(), campaign, org);
            expected.put(new WorkerCampaign(attempt.workerId(), campaign), new CampaignRow(attempt.workerId(), campaign,
                    org, before.startedAt(), before.lastActivityAt(), before.secondsSpent(),
                    before.finalBestScore() == null ? attempt.score() : Math.max(before.finalBestScore(), attempt.score()),
                    before.finalPassed() || Boolean.TRUE.equals(attempt.passed()), before.completedAt()));
        }
    }

    /** After every attempt of the slice. */
    void answer(Answer answer) {
        Attempt attempt = attempts.get(answer.attemptId());
        if (attempt == null) {
            throw new IllegalStateException("an answer of attempt " + answer.attemptId() + " the slice did not read");
        }
        long org = org(attempt.workerId());
        tally.add(CounterTable.QUESTION, List.of(org, answer.questionId()), 1, answer.correct() ? 1 : 0);
        String picked = answer.pickedKeys() == null ? "" : answer.pickedKeys();
        for (char key : OPTION_KEYS.toCharArray()) {
            if (picked.indexOf(key) >= 0) {
                tally.add(CounterTable.OPTION, List.of(org, answer.questionId(), String.valueOf(key)), 1);
            }
        }
        if (countsForItems(attempt)) {
            countedFirstAnswers.computeIfAbsent(answer.attemptId(), a -> new ArrayList<>()).add(answer);
        }
    }

    void completion(Completion completion) {
        if (!catalog.published().contains(completion.campaignId())) {
            return;
        }
        long org = org(completion.workerId());
        tally.add(CounterTable.DAY, List.of(org, completion.campaignId(),
                CampaignCalendar.dayOf(completion.completedAt().toInstant(ZoneOffset.UTC))), 1, 0);
        if (catalog.reaches(completion.campaignId(), org)) {
            CampaignRow before = expectedRow(completion.workerId(), completion.campaignId(), org);
            expected.put(new WorkerCampaign(completion.workerId(), completion.campaignId()), new CampaignRow(
                    completion.workerId(), completion.campaignId(), org, before.startedAt(), before.lastActivityAt(),
                    before.secondsSpent(), before.finalBestScore(), before.finalPassed(),
                    later(before.completedAt(), completion.completedAt())));
        }
    }

    void activeDays(ActiveDays days) {
        if (catalog.published().contains(days.campaignId())) {
            tally.add(CounterTable.DAY, List.of(days.orgId(), days.campaignId(), days.day()), 0, days.workers());
        }
    }

    /** A stored worker_campaign row of a published campaign; after every source row of the slice. */
    void stored(CampaignRow row) {
        CampaignRow truth = expected.remove(new WorkerCampaign(row.workerId(), row.campaignId()));
        if (!row.equals(truth)) {
            differs(row.workerId());
        }
        if (truth != null) {
            countCampaign(truth);
        }
    }

    /** Adds what is left to the tally and tells what was wrong in the workers' own rows. */
    Findings finish() {
        List<CampaignRow> missing = new ArrayList<>();
        for (CampaignRow row : expected.values()) {
            if (!uncredited.contains(row.workerId())) {
                missing.add(row);
            }
            countCampaign(row);
        }
        missing.sort(Comparator.comparingLong(CampaignRow::workerId).thenComparingLong(CampaignRow::campaignId));
        expected.clear();
        channels.forEach((key, sums) -> {
            for (long campaign : countingCampaigns(key.orgId(), key.moduleId())) {
                tally.add(CounterTable.CHANNEL, List.of(key.orgId(), campaign, key.channel()), sums[0], sums[1]);
            }
        });
        bestScore.forEach((key, best) -> {
            long org = org(key.workerId());
            for (long module : catalog.modulesOfQuiz().getOrDefault(key.quizId(), List.of())) {
                tally.add(CounterTable.MODULE, List.of(org, module), 0, 0, 1, best);
            }
        });
        firstAttempt.values().stream().filter(this::countsForItems).forEach(attempt -> countFirstAttempt(
                org(attempt.workerId()), attempt.quizId(), countedFirstAnswers.getOrDefault(attempt.id(), List.of())));
        return new Findings(Set.copyOf(uncredited), uncredited.stream().map(this::org).collect(Collectors.toSet()),
                List.copyOf(wrongSums), missing, differing, Set.copyOf(differingWorkers));
    }

    /** Item and position counts of a worker's first attempt at a published FINAL: each answer with the rest's score. */
    private void countFirstAttempt(long org, long quiz, List<Answer> answers) {
        long length = answers.size();
        long score = answers.stream().filter(Answer::correct).count();
        for (Answer answer : answers) {
            long right = answer.correct() ? 1 : 0;
            tally.add(CounterTable.ITEM, List.of(org, quiz, length, answer.questionId(), score - right), 1, right);
            tally.add(CounterTable.POSITION, List.of(org, quiz, length, answer.position()), 1, right);
        }
    }

    /** Item analysis counts a worker's first attempt at a published FINAL, once it was submitted in time. */
    private boolean countsForItems(Attempt attempt) {
        return "SUBMITTED".equals(attempt.status()) && catalog.campaignOfPublishedFinal().containsKey(attempt.quizId())
                && firstAttempt.get(new WorkerQuiz(attempt.workerId(), attempt.quizId())).id().equals(attempt.id());
    }

    private void countCampaign(CampaignRow row) {
        tally.add(CounterTable.CAMPAIGN, List.of(row.orgId(), row.campaignId()), row.startedAt() != null ? 1 : 0,
                row.completedAt() != null ? 1 : 0, row.secondsSpent(), row.finalBestScore() != null ? 1 : 0,
                row.finalBestScore() == null ? 0 : row.finalBestScore(), row.finalPassed() ? 1 : 0);
    }

    private void differs(long worker) {
        if (uncredited.contains(worker)) {
            return;
        }
        differing++;
        differingWorkers.add(worker);
    }

    private List<Long> countingCampaigns(long org, long module) {
        return campaignsOfModule.computeIfAbsent(new OrgModule(org, module),
                k -> catalog.countingCampaigns(org, module));
    }

    private CampaignRow expectedRow(long worker, long campaign, long org) {
        CampaignRow row = expected.get(new WorkerCampaign(worker, campaign));
        return row != null ? row : new CampaignRow(worker, campaign, org, null, null, 0, null, false, null);
    }

    private long org(long worker) {
        Long org = orgOfWorker.get(worker);
        if (org == null) {
            throw new IllegalStateException("a row of worker " + worker + " outside the slice");
        }
        return org;
    }

    private static LocalDateTime earlier(LocalDateTime a, LocalDateTime b) {
        return a == null ? b : b == null || !b.isBefore(a) ? a : b;
    }

    private static LocalDateTime later(LocalDateTime a, LocalDateTime b) {
        return a == null ? b : b == null || !b.isAfter(a) ? a : b;
    }
}
