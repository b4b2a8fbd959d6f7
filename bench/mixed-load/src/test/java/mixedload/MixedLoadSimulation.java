package mixedload;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.OpenInjectionStep;
import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Session;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import io.gatling.javaapi.http.HttpRequestActionBuilder;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.bodyString;
import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.pause;
import static io.gatling.javaapi.core.CoreDsl.rampUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.regex;
import static io.gatling.javaapi.core.CoreDsl.responseTimeInMillis;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.header;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

/**
 * The mobile mix of issue #7 at a constant rate (Gatling's open model: users arrive on schedule whatever the
 * service does). Default shares of requests (run.sh's MIX): 60 % module reads (half of them revalidations answered
 * 304), 25 % progress batches, 10 % quiz starts and submits (one user does both), 5 % statistics. Latency is
 * recorded by {@link Recorder} from the intended send time.
 */
public class MixedLoadSimulation extends Simulation {

    private static final String[] STATS_VIEWS = {"summary", "children?sort=completionRate&order=desc", "modules"};
    private static final Recorder.Kind[] STATS_KINDS =
            {Recorder.Kind.STATS_SUMMARY, Recorder.Kind.STATS_CHILDREN, Recorder.Kind.STATS_MODULES};

    private final Settings settings;
    private final Workload workload;
    private final Recorder recorder;

    public MixedLoadSimulation() throws Exception {
        settings = new Settings();
        long started = System.nanoTime();
        workload = new Workload(settings, new Tokens(settings.privateKey, settings.issuer,
                settings.warmupSeconds + settings.durationSeconds + 3 * 3600));
        System.out.printf(Locale.ROOT, "[mixed-load] %d worker tokens signed in %.1f s%n", workload.workerCount(),
                (System.nanoTime() - started) / 1e9);
        settings.pids.put("driver", ProcessHandle.current().pid());
        recorder = new Recorder(settings.warmupSeconds, settings.durationSeconds, settings.recoverySeconds, settings.pids);

        HttpProtocolBuilder protocol = http.baseUrl(settings.base)
                .shareConnections()   // one pool for all users, as a fleet of phones behind a gateway would look
                .disableWarmUp()
                .disableCaching()     // revalidation is the workload's own choice, not Gatling's cache
                .acceptHeader("application/json")
                .userAgentHeader("study-mixed-load");

        // warm-up: the rate ramps from 5 % to 100 % over its first two thirds (a cold JIT would drown under the full
        // rate), then holds; the measured window follows at the same constant rate; after an overload, the rate drops
        // to recoveryRate for the recovery seconds
        long rampSeconds = Math.max(1, settings.warmupSeconds * 2 / 3);
        Duration ramp = Duration.ofSeconds(rampSeconds);
        long holdSeconds = settings.warmupSeconds + settings.durationSeconds - rampSeconds;
        Duration hold = Duration.ofSeconds(holdSeconds);
        Duration recovery = Duration.ofSeconds(settings.recoverySeconds);
        double recoveryShare = settings.recoveryRate / settings.rate;
        double[] share = settings.mixPercent;
        // users per second of each scenario; a quiz user sends two requests
        double[] users = {settings.rate * share[0] / 100, settings.rate * share[1] / 100,
                settings.rate * share[2] / 200, settings.rate * share[3] / 100};
        List<Function<Recorder.Schedule, ScenarioBuilder>> scenarios =
                List.of(this::moduleReads, this::progress, this::quizzes, this::stats);
        List<PopulationBuilder> populations = new ArrayList<>();
        for (int i = 0; i < users.length; i++) {
            if (users[i] > 0) {
                Recorder.Schedule schedule = recorder.schedule(users[i] * 0.05, users[i], rampSeconds, holdSeconds,
                        settings.recoverySeconds > 0 ? users[i] * recoveryShare : 0);
                populations.add(scenarios.get(i).apply(schedule).injectOpen(settings.recoverySeconds == 0
                        ? new OpenInjectionStep[] {rampUsersPerSec(users[i] * 0.05).to(users[i]).during(ramp),
                                constantUsersPerSec(users[i]).during(hold)}
                        : new OpenInjectionStep[] {rampUsersPerSec(users[i] * 0.05).to(users[i]).during(ramp),
                                constantUsersPerSec(users[i]).during(hold),
                                constantUsersPerSec(users[i] * recoveryShare).during(recovery)}));
            }
        }
        setUp(populations).protocols(protocol)
                .maxDuration(ramp.plus(hold).plus(recovery).plusSeconds((long) (2 * settings.thinkSeconds) + 180));
    }

    @Override
    public void after() {
        try {
            double[] share = settings.mixPercent;
            String mix = String.format(Locale.ROOT, "%.0f %% module reads (half 304), %.0f %% progress batches, "
                    + "%.0f %% quiz start + submit, %.0f %% statistics", share[0], share[1], share[2], share[3]);
            recorder.write(settings.results, settings.rate * Arrays.stream(share).sum() / 100, mix);
        } catch (Exception e) {
            throw new IllegalStateException("cannot write " + settings.results, e);
        }
    }

    // --- scenarios: each user sends one request (the quiz user two) ------------------------------------------------

    private ScenarioBuilder moduleReads(Recorder.Schedule schedule) {
        HttpRequestActionBuilder full = measured(http("module read full").get("#{path}"))
                .check(header("ETag").saveAs("etag"));
        HttpRequestActionBuilder conditional = measured(http("module read 304").get("#{path}")
                .header("If-None-Match", "#{etag}"));
        return scenario("module reads")
                .exec(session -> {
                    int[] read = workload.nextModuleRead();
                    Session s = begin(session, schedule.intendedStart(), workload.randomWorkerAuth(),
                            read[1] == 1 ? Recorder.Kind.MODULE_CONDITIONAL : Recorder.Kind.MODULE_FULL)
                            .set("module", read[0]).set("path", workload.modulePath(read[0]));
                    return read[1] == 1 ? s.set("etag", workload.etag(read[0])) : s;
                })
                .doIfOrElse(session -> session.contains("etag")).then(exec(conditional)).orElse(exec(full))
                .exec(session -> {
                    if (complete(session) && session.contains("etag")) {
                        workload.sawEtag(session.getInt("module"), session.getString("etag"));
                    }
                    return session;
                });
    }

    private ScenarioBuilder progress(Recorder.Schedule schedule) {
        HttpRequestActionBuilder post = measured(http("progress batch").post("/api/v1/me/progress")
                .body(StringBody(session -> session.getString("request"))).asJson())
                .check(regex("\"ACCEPTED\"").count().saveAs("accepted"),
                        regex("\"DUPLICATE\"").count().saveAs("duplicate"),
                        regex("\"REJECTED\"").count().saveAs("rejected"));
        return scenario("progress batches")
                .exec(session -> {
                    long intended = schedule.intendedStart();
                    Workload.SentBatch replay = workload.maybeReplay();
                    if (replay != null) {
                        return begin(session, intended, replay.auth(), Recorder.Kind.PROGRESS)
                                .set("request", replay.body()).set("events", replay.events()).set("replay", true);
                    }
                    int events = workload.randomBatchSize();
                    return begin(session, intended, workload.randomWorkerAuth(), Recorder.Kind.PROGRESS)
                            .set("request", workload.progressBatch(events)).set("events", events).set("replay", false);
                })
                .exec(post)
                .exec(session -> {
                    boolean replay = session.getBoolean("replay");
                    if (complete(session)) {
                        recorder.count("progress.events_" + (replay ? "replayed" : "fresh"), session.getInt("events"));
                        recorder.count("progress.accepted", session.getInt("accepted"));
                        recorder.count("progress.duplicate", session.getInt("duplicate"));
                        recorder.count("progress.rejected", session.getInt("rejected"));
                        if (!replay) {
                            workload.answered(new Workload.SentBatch(session.getString("auth"),
                                    session.getString("request"), session.getInt("events")));
                        }
                    } else if (refused(session)) {
                        recorder.count("progress.events_refused", session.getInt("events"));
                    } else if (!replay) {
                        // unanswered: the service may still have stored these events, the database check allows it
                        recorder.count("progress.events_unanswered", session.getInt("events"));
                    }
                    return session;
                });
    }

    private ScenarioBuilder quizzes(Recorder.Schedule schedule) {
        HttpRequestActionBuilder start = measured(http("quiz start").post("#{path}"))
                .check(bodyString().saveAs("response"));
        HttpRequestActionBuilder submit = measured(http("quiz submit").put("#{path}")
                .header("Idempotency-Key", "#{idempotencyKey}")
                .body(StringBody(session -> session.getString("request"))).asJson());
        long thinkMillis = Math.round(settings.thinkSeconds * 1000);
        ChainBuilder answer = exec(session -> begin(session, System.nanoTime(), session.getString("auth"),
                Recorder.Kind.QUIZ_SUBMIT).set("path", session.getString("submitPath")))
                .exec(submit)
                .exec(session -> {
                    if (!complete(session) && !refused(session)) {
                        recorder.count("quiz.submits_unanswered", 1);
                    }
                    return session;
                });
        return scenario("quiz start and submit")
                .exec(session -> {
                    int[] plan = workload.nextQuiz();
                    return begin(session, schedule.intendedStart(), workload.workerAuth(plan[0]), Recorder.Kind.QUIZ_START)
                            .set("path", workload.startPath(plan[1]));
                })
                .exec(start)
                .exec(session -> {
                    if (!complete(session)) {
                        return session;
                    }
                    Workload.Submission submission = workload.answer(session.getString("response"));
                    return session.remove("response").set("submitPath", submission.path())
                            .set("request", submission.body())
                            .set("idempotencyKey", UUID.randomUUID().toString());
                })
                .doIf(session -> session.contains("submitPath")).then(
                        pause(Duration.ofMillis(thinkMillis / 2), Duration.ofMillis(thinkMillis * 3 / 2)).exec(answer));
    }

    private ScenarioBuilder stats(Recorder.Schedule schedule) {
        return scenario("statistics")
                .exec(session -> {
                    String[] caller = workload.nextStatsCaller();
                    int view = ThreadLocalRandom.current().nextInt(STATS_VIEWS.length);
                    return begin(session, schedule.intendedStart(), caller[0], STATS_KINDS[view])
                            .set("path", "/api/v1/stats/orgs/" + caller[1] + "/" + STATS_VIEWS[view]);
                })
                .exec(measured(http("statistics").get("#{path}")))
                .exec(session -> {
                    complete(session);
                    return session;
                });
    }

    // --- shared pieces ---------------------------------------------------------------------------------------------

    /** The bearer token, and the checks every request gets: status and Gatling's response time saved, then validated. */
    private static HttpRequestActionBuilder measured(HttpRequestActionBuilder request) {
        return request.header("Authorization", "#{auth}")
                .check(status().saveAs("status"), responseTimeInMillis().saveAs("rt"),
                        header("Retry-After").optional().saveAs("retryAfter"),
                        status().is(session -> ((Recorder.Kind) session.get("kind")).expectedStatus));
    }

    private Session begin(Session session, long intendedStart, String auth, Recorder.Kind kind) {
        recorder.started();
        return session.remove("status").remove("rt").remove("retryAfter").set("t0", intendedStart).set("auth", auth)
                .set("kind", kind);
    }

    /** Records the finished request; true if it got its expected status. */
    private boolean complete(Session session) {
        Integer status = session.contains("status") ? session.getInt("status") : null;
        Integer rt = session.contains("rt") ? session.getInt("rt") : null;
        return recorder.complete(session.get("kind"), session.getLong("t0"), status, rt, refused(session));
    }

    /** The documented answer past capacity: 503 with Retry-After; the phone backs off and nothing was done. */
    private static boolean refused(Session session) {
        return session.contains("status") && session.getInt("status") == 503 && session.contains("retryAfter");
    }
}
