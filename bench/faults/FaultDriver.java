import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Load driver of the fault benchmark (JDK 17; compiled by run.sh together with ../quiz-load/LoadDriver.java, whose
 * option parsing and JSON reader it uses). Each token is one simulated phone on its own thread. Until the duration
 * ends a phone sends progress batches (fresh events, each with its own eventId) with a pause between them, and at
 * its planned moments takes each quiz of --quizzes once: start, then submit with a fresh Idempotency-Key. After the
 * duration it finishes the quizzes it has not taken, then resends every submission answered 200 once more and
 * compares the bodies.
 *
 * <p>A phone retries like the app does: a request that got no response, a 5xx or a 429 is sent again, unchanged
 * (same eventIds, same Idempotency-Key and body), after an exponential backoff with jitter that is never shorter
 * than Retry-After, until it gets a 2xx or another 4xx, or until --give-up-s has passed.
 *
 * <pre>
 * --base URL --tokens FILE (lines "sub TAB token") --modules 1,2,... --quizzes 7,3,... --out DIR
 * [--duration-s 40] [--batch 10] [--think-ms 300] [--answer-ms 500] [--timeout-s 15] [--give-up-s 180] [--seed 1]
 * [--phases FILE --after-ready-s 10]
 * </pre>
 *
 * With --phases the phones keep generating work past the duration until the file has a line "ready EPOCH_MS" (the
 * calling script writes it once the service is ready after the fault) and --after-ready-s more seconds have passed,
 * so every run shows the load going on after the recovery.
 *
 * Writes to DIR: requests.tsv (one line per HTTP exchange, retries included), events.tsv (every event generated and
 * its outcome), submissions.tsv (every planned submission and its outcome). Prints "RESULT key=value" lines.
 */
public class FaultDriver {

    static final String[] CHANNELS = {"APP", "WECHAT", "WEIBO", "VIDEO"};
    static final Pattern EVENT_STATUS = Pattern.compile("\"status\"\\s*:\\s*\"(ACCEPTED|DUPLICATE|REJECTED)\"");
    static final Pattern RESULT_STATUS = Pattern.compile("\"status\"\\s*:\\s*\"(SUBMITTED|LATE)\"");

    /** One HTTP exchange: epoch ms sent and answered, the status (-1 = no response) and what a client can see. */
    record Exchange(long sentMs, long doneMs, int phone, String kind, int attempt, int status, String error,
                    String retryAfter, boolean problemJson) {
    }

    /** The definitive answer a retried request ended with. */
    record Outcome(int status, String body, int attempts, boolean gaveUp) {
        boolean ok() {
            return status >= 200 && status < 300;
        }
    }

    record Event(String id, long module, int percent, int seconds, Instant occurredAt, String channel) {
        String json() {
            return "{\"eventId\":\"" + id + "\",\"moduleId\":" + module + ",\"percent\":" + percent
                    + ",\"secondsSpent\":" + seconds + ",\"occurredAt\":\""
                    + OffsetDateTime.ofInstant(occurredAt, ZoneOffset.ofHours(8)) + "\",\"channel\":\"" + channel + "\"}";
        }
    }

    static final class Submission {
        long quizId;
        String attemptId;
        String key;
        String body;
        Outcome start;
        Outcome submit;
        String replayVerdict = "none";
    }

    static final class Phone {
        final int index;
        final String sub;
        final String token;
        final Random random;
        final List<String> eventLines = new ArrayList<>();
        final List<Submission> submissions = new ArrayList<>();
        Instant readingClock;

        Phone(int index, String sub, String token, long seed) {
            this.index = index;
            this.sub = sub;
            this.token = token;
            this.random = new Random(seed);
        }
    }

    static String base;
    static HttpClient http;
    static int timeoutS;
    static long giveUpMs;
    static final List<Exchange> exchanges = Collections.synchronizedList(new ArrayList<>());
    static Path phases;
    static long afterReadyMs;
    static volatile long readyMs;

    public static void main(String[] args) throws Exception {
        Map<String, String> o = LoadDriver.options(args);
        base = LoadDriver.required(o, "base");
        long[] modules = Arrays.stream(LoadDriver.required(o, "modules").split(",")).mapToLong(Long::parseLong).toArray();
        long[] quizzes = Arrays.stream(LoadDriver.required(o, "quizzes").split(",")).mapToLong(Long::parseLong).toArray();
        Path out = Path.of(LoadDriver.required(o, "out"));
        long durationMs = 1000L * Long.parseLong(o.getOrDefault("duration-s", "40"));
        int batch = Integer.parseInt(o.getOrDefault("batch", "10"));
        long thinkMs = Long.parseLong(o.getOrDefault("think-ms", "300"));
        long answerMs = Long.parseLong(o.getOrDefault("answer-ms", "500"));
        timeoutS = Integer.parseInt(o.getOrDefault("timeout-s", "15"));
        giveUpMs = 1000L * Long.parseLong(o.getOrDefault("give-up-s", "180"));
        long seed = Long.parseLong(o.getOrDefault("seed", "1"));
        phases = o.containsKey("phases") ? Path.of(o.get("phases")) : null;
        afterReadyMs = 1000L * Long.parseLong(o.getOrDefault("after-ready-s", "10"));
        List<String[]> tokens = Files.readAllLines(Path.of(LoadDriver.required(o, "tokens"))).stream()
                .filter(l -> !l.isBlank()).map(l -> l.split("\t", 2)).toList();
        http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();

        long t0 = System.currentTimeMillis();
        // The reading clock of every phone starts 20 h back and advances by each event's seconds, never past now.
        Instant clockStart = Instant.ofEpochMilli(t0).minus(20, ChronoUnit.HOURS);
        List<Phone> phones = new ArrayList<>();
        for (int p = 0; p < tokens.size(); p++) {
            Phone phone = new Phone(p, tokens.get(p)[0], tokens.get(p)[1], seed * 10_000 + p);
            phone.readingClock = clockStart.plusSeconds(phone.random.nextInt(1800));
            phones.add(phone);
        }
        ExecutorService pool = Executors.newFixedThreadPool(phones.size());
        for (Phone phone : phones) {
            pool.execute(() -> {
                try {
                    live(phone, modules, quizzes, batch, thinkMs, answerMs, t0, t0 + durationMs);
                } catch (Exception e) {
                    System.err.println("phone " + phone.index + " stopped: " + e);
                }
            });
        }
        pool.shutdown();
        long bound = durationMs / 1000 + afterReadyMs / 1000 + (long) quizzes.length * 2 * giveUpMs / 1000 + giveUpMs / 1000 + 120;
        if (!pool.awaitTermination(bound, TimeUnit.SECONDS)) {
            System.err.println("WARNING: phones still busy after " + bound + " s; stopping them");
            pool.shutdownNow();
            pool.awaitTermination(30, TimeUnit.SECONDS);
        }
        write(out, phones, t0);
    }

    /** One phone's life: progress batches with quizzes at planned moments, the rest of the quizzes, the replays. */
    static void live(Phone phone, long[] modules, long[] quizzes, int batch, long thinkMs, long answerMs, long t0,
                     long deadline) throws InterruptedException {
        long[] due = new long[quizzes.length];
        long slot = (deadline - t0) / (quizzes.length + 1);
        for (int q = 0; q < quizzes.length; q++) {
            due[q] = t0 + slot * (q + 1) + (long) ((phone.random.nextDouble() - 0.5) * slot);
        }
        int nextQuiz = 0;
        boolean quizLast = false;
        while (generating(deadline)) {
            // a progress batch between two quizzes, so that quizzes overdue after a fault do not crowd progress out
            quizLast = !quizLast && nextQuiz < quizzes.length && System.currentTimeMillis() >= due[nextQuiz];
            if (quizLast) {
                takeQuiz(phone, quizzes[nextQuiz++], answerMs);
            } else {
                sendBatch(phone, modules, batch);
            }
            Thread.sleep(thinkMs / 2 + phone.random.nextInt((int) Math.max(1, thinkMs)));
        }
        while (nextQuiz < quizzes.length) {
            takeQuiz(phone, quizzes[nextQuiz++], answerMs);
        }
        for (Submission s : phone.submissions) {
            if (s.submit != null && s.submit.status == 200) {
                Outcome replay = deliver(phone, "replay", submitRequest(phone, s));
                s.replayVerdict = replay.status == 200 && replay.body.equals(s.submit.body) ? "identical"
                        : "different:" + replay.status;
            }
        }
    }

    /** Before the deadline; after it, until --after-ready-s past the "ready" phase (bounded by the give-up time). */
    static boolean generating(long deadline) {
        long now = System.currentTimeMillis();
        if (now < deadline) {
            return true;
        }
        if (phases == null) {
            return false;
        }
        if (readyMs == 0) {
            try {
                Files.readAllLines(phases).stream().filter(l -> l.startsWith("ready ")).findFirst()
                        .ifPresent(l -> readyMs = Long.parseLong(l.substring(6).strip()));
            } catch (IOException | NumberFormatException e) {
                // not written yet: the fault is still going on
            }
        }
        return readyMs == 0 ? now < deadline + giveUpMs : now < readyMs + afterReadyMs;
    }

    static void sendBatch(Phone phone, long[] modules, int batch) {
        List<Event> events = new ArrayList<>(batch);
        Instant latest = Instant.now().minusSeconds(60);
        for (int k = 0; k < batch; k++) {
            int seconds = 5 + phone.random.nextInt(36);
            Instant at = phone.readingClock.isBefore(latest) ? phone.readingClock : latest;
            phone.readingClock = phone.readingClock.plusSeconds(seconds);
            events.add(new Event(new UUID(phone.random.nextLong(), phone.random.nextLong()).toString(),
                    modules[phone.random.nextInt(modules.length)], phone.random.nextInt(101), seconds,
                    at.truncatedTo(ChronoUnit.MILLIS), CHANNELS[phone.random.nextInt(CHANNELS.length)]));
        }
        StringBuilder body = new StringBuilder("{\"events\":[");
        for (int k = 0; k < events.size(); k++) {
            body.append(k == 0 ? "" : ",").append(events.get(k).json());
        }
        HttpRequest request = request(phone, "/api/v1/me/progress").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.append("]}").toString(), StandardCharsets.UTF_8)).build();
        Outcome outcome = deliver(phone, "progress", request);
        List<String> statuses = new ArrayList<>();
        if (outcome.status == 200) {
            Matcher m = EVENT_STATUS.matcher(outcome.body);
            while (m.find()) {
                statuses.add(m.group(1));
            }
        }
        for (int k = 0; k < events.size(); k++) {
            Event e = events.get(k);
            String status = statuses.size() == events.size() ? statuses.get(k)
                    : outcome.gaveUp ? "UNDELIVERED" : "HTTP_" + outcome.status;
            phone.eventLines.add(String.join("\t", phone.sub, e.id, String.valueOf(e.module), String.valueOf(e.percent),
                    String.valueOf(e.seconds), e.occurredAt.toString(), status, String.valueOf(outcome.attempts)));
        }
    }

    static void takeQuiz(Phone phone, long quizId, long answerMs) throws InterruptedException {
        Submission s = new Submission();
        s.quizId = quizId;
        phone.submissions.add(s);
        s.start = deliver(phone, "start", request(phone, "/api/v1/quizzes/" + quizId + "/attempts")
                .POST(HttpRequest.BodyPublishers.noBody()).build());
        if (s.start.status != 200 && s.start.status != 201) {
            return;
        }
        Map<String, Object> started = LoadDriver.Json.object(s.start.body);
        s.attemptId = (String) started.get("attemptId");
        StringBuilder answers = new StringBuilder("{\"answers\":[");
        List<?> questions = (List<?>) started.get("questions");
        for (int q = 0; q < questions.size(); q++) {
            Map<?, ?> question = (Map<?, ?>) questions.get(q);
            List<?> options = (List<?>) question.get("options");
            boolean fill = options == null || options.isEmpty();
            answers.append(q == 0 ? "" : ",").append("{\"questionId\":")
                    .append(((Number) question.get("questionId")).longValue()).append(",\"response\":[\"")
                    .append(fill ? "三微一端" : String.valueOf((char) ('A' + phone.random.nextInt(options.size()))))
                    .append("\"]}");
        }
        s.key = UUID.randomUUID().toString();
        s.body = answers.append("]}").toString();
        Thread.sleep(answerMs);
        s.submit = deliver(phone, "submit", submitRequest(phone, s));
    }

    static HttpRequest submitRequest(Phone phone, Submission s) {
        return request(phone, "/api/v1/attempts/" + s.attemptId + "/answers").header("Content-Type", "application/json")
                .header("Idempotency-Key", s.key)
                .PUT(HttpRequest.BodyPublishers.ofString(s.body, StandardCharsets.UTF_8)).build();
    }

    static HttpRequest.Builder request(Phone phone, String path) {
        return HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(timeoutS))
                .header("Authorization", "Bearer " + phone.token).header("Accept", "application/json");
    }

    /** Sends until a definitive answer (2xx, or 4xx other than 429) or until the give-up time has passed. */
    static Outcome deliver(Phone phone, String kind, HttpRequest request) {
        long giveUp = System.currentTimeMillis() + giveUpMs;
        for (int attempt = 1; ; attempt++) {
            long sent = System.currentTimeMillis();
            int status;
            String body = null;
            String error = "";
            String retryAfter = "";
            boolean problem = false;
            try {
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
                status = response.statusCode();
                body = response.body();
                retryAfter = response.headers().firstValue("Retry-After").orElse("");
                problem = response.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json");
            } catch (IOException e) {
                status = -1;
                error = e.getClass().getSimpleName();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new Outcome(-1, null, attempt, true);
            }
            long done = System.currentTimeMillis();
            exchanges.add(new Exchange(sent, done, phone.index, kind, attempt, status, error, retryAfter, problem));
            boolean retry = status < 0 || status >= 500 || status == 429;
            if (!retry) {
                return new Outcome(status, body, attempt, false);
            }
            if (done >= giveUp) {
                return new Outcome(status, body, attempt, true);
            }
            long backoff = Math.min(8000, 250L << Math.min(5, attempt - 1));
            backoff = backoff / 2 + (long) (phone.random.nextDouble() * backoff / 2);
            if (retryAfter.matches("\\d{1,4}")) {
                backoff = Math.max(backoff, 1000L * Long.parseLong(retryAfter));
            }
            try {
                Thread.sleep(Math.min(backoff, Math.max(0, giveUp - done) + 1));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new Outcome(status, body, attempt, true);
            }
        }
    }

    // ---- output --------------------------------------------------------------------------------------------

    static void write(Path out, List<Phone> phones, long t0) throws IOException {
        Files.createDirectories(out);
        List<Exchange> all;
        synchronized (exchanges) {
            all = new ArrayList<>(exchanges);
        }
        all.sort((a, b) -> Long.compare(a.sentMs, b.sentMs));
        try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(out.resolve("requests.tsv")))) {
            for (Exchange e : all) {
                w.printf("%d\t%d\t%d\t%s\t%d\t%d\t%s\t%s\t%d%n", e.sentMs, e.doneMs, e.phone, e.kind, e.attempt, e.status,
                        e.error.isEmpty() ? "-" : e.error, e.retryAfter.isEmpty() ? "-" : e.retryAfter, e.problemJson ? 1 : 0);
            }
        }
        Map<String, Long> eventStatus = new TreeMap<>();
        long duplicateFirstTry = 0;
        long events = 0;
        try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(out.resolve("events.tsv")))) {
            for (Phone phone : phones) {
                for (String line : phone.eventLines) {
                    w.println(line);
                    String[] f = line.split("\t");
                    events++;
                    eventStatus.merge(f[6], 1L, Long::sum);
                    duplicateFirstTry += f[6].equals("DUPLICATE") && f[7].equals("1") ? 1 : 0;
                }
            }
        }
        Map<String, Long> submitOutcome = new TreeMap<>();
        Map<String, Long> replay = new TreeMap<>();
        long planned = 0;
        try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(out.resolve("submissions.tsv")))) {
            for (Phone phone : phones) {
                for (Submission s : phone.submissions) {
                    planned++;
                    String result = "-";
                    if (s.submit != null && s.submit.status == 200) {
                        Matcher m = RESULT_STATUS.matcher(s.submit.body);
                        result = m.find() ? m.group(1) : "?";
                    }
                    String outcome = s.submit != null ? "submit-" + s.submit.status + (s.submit.gaveUp ? "-gave-up" : "")
                            : "start-" + s.start.status + (s.start.gaveUp ? "-gave-up" : "");
                    submitOutcome.merge(outcome, 1L, Long::sum);
                    replay.merge(s.replayVerdict, 1L, Long::sum);
                    w.printf("%s\t%d\t%s\t%s\t%s\t%s\t%d\t%d\t%s%n", phone.sub, s.quizId, s.attemptId == null ? "-" : s.attemptId,
                            s.key == null ? "-" : s.key, outcome, result, s.start.attempts,
                            s.submit == null ? 0 : s.submit.attempts, s.replayVerdict);
                }
            }
        }
        Map<String, Long> byStatus = new TreeMap<>();
        Map<String, Long> byKind = new TreeMap<>();
        for (Exchange e : all) {
            byStatus.merge(e.status < 0 ? "no-response:" + e.error : String.valueOf(e.status), 1L, Long::sum);
            byKind.merge(e.kind, 1L, Long::sum);
        }
        long retries = all.stream().filter(e -> e.attempt > 1).count();
        long seconds = (all.stream().mapToLong(Exchange::doneMs).max().orElse(t0) - t0) / 1000;
        System.out.println("RESULT phones=" + phones.size());
        System.out.println("RESULT seconds=" + seconds);
        System.out.println("RESULT requests=" + all.size());
        System.out.println("RESULT retries=" + retries);
        System.out.println("RESULT requests_by_kind=" + compact(byKind));
        System.out.println("RESULT statuses=" + compact(byStatus));
        System.out.println("RESULT events=" + events);
        System.out.println("RESULT event_outcomes=" + compact(eventStatus));
        System.out.println("RESULT duplicate_on_first_try=" + duplicateFirstTry);
        System.out.println("RESULT submissions_planned=" + planned);
        System.out.println("RESULT submission_outcomes=" + compact(submitOutcome));
        System.out.println("RESULT replays=" + compact(replay));
    }

    static String compact(Map<String, Long> counts) {
        StringBuilder s = new StringBuilder();
        counts.forEach((k, v) -> s.append(s.length() == 0 ? "" : ",").append(k).append(':').append(v));
        return s.length() == 0 ? "none" : s.toString();
    }
}
