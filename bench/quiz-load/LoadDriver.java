import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Load driver of the quiz-load benchmark (JDK 17 only, run as a single-file program):
 *
 * <pre>java LoadDriver.java --base http://127.0.0.1:PORT --quiz ID --tokens tokens.txt [--think-ms 0]
 *      [--timeout-s 120] [--fill-text 三微一端] [--report report.txt] [--pids service=PID,mariadb=PID]</pre>
 *
 * One virtual user per token (one platform thread each). Wave 1: all users wait at a barrier, then each starts an
 * attempt of the quiz (POST /api/v1/quizzes/{id}/attempts) and submits it (PUT /api/v1/attempts/{id}/answers, a fresh
 * Idempotency-Key, option A for every choice question and the fill text for questions without options). Wave 2:
 * again from a barrier, every user that got an attempt resends its submission with the same key and body; each
 * reply must be 200 and byte-for-byte the first reply. Prints a Markdown summary and "key=value" lines for the
 * calling script. With --pids it also reports the CPU seconds those processes (and the driver itself) used during
 * each wave, read from /proc. Every wait is bounded.
 */
public class LoadDriver {

    record Result(int status, long nanos, String body, String error) {
        boolean ok() {
            return status >= 200 && status < 300;
        }
    }

    static final class User {
        final int index;
        final String token;
        Result start;
        Result submit;
        Result replay;
        String attemptId;
        String submitBody;
        String idempotencyKey;
        long pairDoneNanos;
        int fillBlanks;

        User(int index, String token) {
            this.index = index;
            this.token = token;
        }
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> opts = options(args);
        String base = required(opts, "base");
        long quizId = Long.parseLong(required(opts, "quiz"));
        List<String> tokens = Files.readAllLines(Path.of(required(opts, "tokens"))).stream()
                .map(String::strip).filter(t -> !t.isEmpty()).toList();
        long thinkMs = Long.parseLong(opts.getOrDefault("think-ms", "0"));
        int timeoutS = Integer.parseInt(opts.getOrDefault("timeout-s", "120"));
        String fillText = opts.getOrDefault("fill-text", "三微一端");
        int users = tokens.size();
        if (users == 0) {
            throw new IllegalArgumentException("no tokens");
        }

        HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(30))
                .build();
        List<User> all = new ArrayList<>();
        for (int i = 0; i < users; i++) {
            all.add(new User(i, tokens.get(i)));
        }
        Map<String, Long> pids = new LinkedHashMap<>();
        for (String pair : opts.getOrDefault("pids", "").split(",")) {
            if (pair.contains("=")) {
                pids.put(pair.substring(0, pair.indexOf('=')), Long.parseLong(pair.substring(pair.indexOf('=') + 1)));
            }
        }
        pids.put("load driver", ProcessHandle.current().pid());
        ExecutorService pool = Executors.newFixedThreadPool(users);
        try {
            // ---- wave 1: start + submit -------------------------------------------------------------------
            Map<String, Double> cpu0 = cpu(pids);
            long wave1Start = runWave(pool, all, timeoutS, user -> {
                user.start = send(http, HttpRequest.newBuilder(URI.create(base + "/api/v1/quizzes/" + quizId + "/attempts"))
                        .timeout(Duration.ofSeconds(timeoutS))
                        .header("Authorization", "Bearer " + user.token)
                        .header("Accept", "application/json")
                        .POST(HttpRequest.BodyPublishers.noBody()).build());
                if (user.start.status != 201) {
                    return;
                }
                Map<String, Object> started = Json.object(user.start.body);
                user.attemptId = (String) started.get("attemptId");
                StringBuilder body = new StringBuilder("{\"answers\":[");
                List<?> questions = (List<?>) started.get("questions");
                for (int q = 0; q < questions.size(); q++) {
                    Map<?, ?> question = (Map<?, ?>) questions.get(q);
                    List<?> options = (List<?>) question.get("options");
                    boolean fill = options == null || options.isEmpty();
                    user.fillBlanks += fill ? 1 : 0;
                    body.append(q == 0 ? "" : ",").append("{\"questionId\":")
                            .append(((Number) question.get("questionId")).longValue())
                            .append(",\"response\":[\"").append(fill ? Json.escape(fillText) : "A").append("\"]}");
                }
                user.submitBody = body.append("]}").toString();
                user.idempotencyKey = UUID.randomUUID().toString();
                if (thinkMs > 0) {
                    Thread.sleep(thinkMs);
                }
                user.submit = send(http, submitRequest(base, user, timeoutS));
                user.pairDoneNanos = System.nanoTime();
            });
            long wave1End = all.stream().filter(u -> u.submit != null && u.submit.ok())
                    .mapToLong(u -> u.pairDoneNanos).max().orElse(wave1Start);

            // ---- wave 2: the same submission again, same key and body ------------------------------------------
            Map<String, Double> cpu1 = cpu(pids);
            List<User> withAttempt = all.stream().filter(u -> u.attemptId != null).toList();
            long wave2Start = runWave(pool, withAttempt, timeoutS,
                    user -> user.replay = send(http, submitRequest(base, user, timeoutS)));
            long wave2End = System.nanoTime();
            Map<String, Double> cpu2 = cpu(pids);
            StringBuilder cpuLine = new StringBuilder("CPU seconds used in wave 1 / wave 2 (2 cores = 2 s per second):");
            for (String name : cpu0.keySet()) {
                cpuLine.append(String.format(" %s %.1f / %.1f;", name, cpu1.get(name) - cpu0.get(name),
                        cpu2.get(name) - cpu1.get(name)));
            }
            report(all, quizId, thinkMs, wave1Start, wave1End, wave2Start, wave2End, opts.get("report"),
                    cpuLine.substring(0, cpuLine.length() - 1) + ".");
        } finally {
            pool.shutdownNow();
            pool.awaitTermination(10, TimeUnit.SECONDS);
        }
    }

    /**
     * CPU seconds (user + system) of each process so far, from /proc/PID/stat; for the process named "service" also
     * "service: JIT" (C1/C2 compiler threads) and "service: requests" (executor and Vert.x event-loop threads).
     */
    static Map<String, Double> cpu(Map<String, Long> pids) {
        Map<String, Double> seconds = new LinkedHashMap<>();
        pids.forEach((name, pid) -> {
            seconds.put(name, ticks(Path.of("/proc/" + pid + "/stat")) / 100.0);
            if (name.equals("service")) {
                double jit = 0;
                double requests = 0;
                try (var tasks = Files.list(Path.of("/proc/" + pid + "/task"))) {
                    for (Path task : tasks.toList()) {
                        String comm = Files.readString(task.resolve("comm")).strip();
                        double t = ticks(task.resolve("stat")) / 100.0;
                        if (comm.startsWith("C1 Compiler") || comm.startsWith("C2 Compiler")) {
                            jit += t;
                        } else if (comm.startsWith("executor-thread") || comm.startsWith("vert.x-eventloo")) {
                            requests += t;
                        }
                    }
                } catch (IOException | RuntimeException e) {
                    jit = Double.NaN;
                    requests = Double.NaN;
                }
                seconds.put("service: JIT", jit);
                seconds.put("service: requests", requests);
            }
        });
        return seconds;
    }

    /** utime + stime from a /proc stat file, in clock ticks of 1/100 s (USER_HZ is 100 on Linux); NaN if gone. */
    static double ticks(Path stat) {
        try {
            String text = Files.readString(stat);
            String[] fields = text.substring(text.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }

    interface Step {
        void run(User user) throws Exception;
    }

    /** Runs one step per user on its own thread, all released together; returns the release time (nanoTime). */
    static long runWave(ExecutorService pool, List<User> users, int timeoutS, Step step) throws InterruptedException {
        CountDownLatch ready = new CountDownLatch(users.size());
        CountDownLatch go = new CountDownLatch(1);
        CountDownLatch done = new CountDownLatch(users.size());
        for (User user : users) {
            pool.execute(() -> {
                try {
                    ready.countDown();
                    if (go.await(60, TimeUnit.SECONDS)) {
                        step.run(user);
                    }
                } catch (Exception e) {
                    System.err.println("user " + user.index + ": " + e);
                } finally {
                    done.countDown();
                }
            });
        }
        if (!ready.await(60, TimeUnit.SECONDS)) {
            throw new IllegalStateException("users not ready within 60 s");
        }
        long release = System.nanoTime();
        go.countDown();
        // start + submit each within the request timeout, plus think time and slack
        if (!done.await(3L * timeoutS + 60, TimeUnit.SECONDS)) {
            System.err.println("WARNING: " + done.getCount() + " users did not finish in time");
        }
        return release;
    }

    static HttpRequest submitRequest(String base, User user, int timeoutS) {
        return HttpRequest.newBuilder(URI.create(base + "/api/v1/attempts/" + user.attemptId + "/answers"))
                .timeout(Duration.ofSeconds(timeoutS))
                .header("Authorization", "Bearer " + user.token)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .header("Idempotency-Key", user.idempotencyKey)
                .PUT(HttpRequest.BodyPublishers.ofString(user.submitBody, StandardCharsets.UTF_8)).build();
    }

    static Result send(HttpClient http, HttpRequest request) {
        long t0 = System.nanoTime();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Result(response.statusCode(), System.nanoTime() - t0, response.body(), null);
        } catch (IOException e) {
            return new Result(-1, System.nanoTime() - t0, null, e.getClass().getSimpleName() + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result(-1, System.nanoTime() - t0, null, "interrupted");
        }
    }

    // ---- reporting --------------------------------------------------------------------------------------------

    static void report(List<User> all, long quizId, long thinkMs, long w1Start, long w1End, long w2Start, long w2End,
                       String reportFile, String cpuLine) throws IOException {
        List<Result> starts = all.stream().map(u -> u.start).filter(r -> r != null).toList();
        List<Result> submits = all.stream().map(u -> u.submit).filter(r -> r != null).toList();
        List<Result> replays = all.stream().map(u -> u.replay).filter(r -> r != null).toList();
        long startsOk = starts.stream().filter(r -> r.status == 201).count();
        long submitsOk = submits.stream().filter(r -> r.status == 200).count();
        long identical = all.stream().filter(u -> u.replay != null && u.replay.status == 200 && u.submit != null
                && u.submit.status == 200 && u.replay.body.equals(u.submit.body)).count();
        long replayedAfterFailure = all.stream().filter(u -> u.replay != null && u.replay.status == 200
                && (u.submit == null || u.submit.status != 200)).count();
        long submittedStatus = all.stream().filter(u -> u.submit != null && u.submit.status == 200
                && u.submit.body.contains("\"status\":\"SUBMITTED\"")).count();
        double w1Seconds = (w1End - w1Start) / 1e9;
        int fillBlanks = all.stream().mapToInt(u -> u.fillBlanks).sum();
        long answered = all.stream().filter(u -> u.submitBody != null).count();

        StringBuilder md = new StringBuilder();
        md.append(String.format("Users: %d, quiz %d, think time %d ms, %.1f fill-in questions per attempt.%n",
                all.size(), quizId, thinkMs, answered == 0 ? 0.0 : (double) fillBlanks / answered));
        md.append(String.format("Wave 1 (start + submit): %d of %d pairs completed in %.2f s (barrier to last submit) = "
                + "%.1f attempts/s.%n", submitsOk, all.size(), w1Seconds, w1Seconds > 0 ? submitsOk / w1Seconds : 0.0));
        md.append(String.format("Wave 2 (same key and body again): %d requests in %.2f s, %d × 200 with a body "
                + "identical to the first reply.%n", replays.size(), (w2End - w2Start) / 1e9, identical));
        md.append(cpuLine).append("\n\n");
        md.append("| request | n | 2xx | p50 ms | p95 ms | p99 ms | max ms | errors by status |\n");
        md.append("|---|---:|---:|---:|---:|---:|---:|---|\n");
        row(md, "start (POST …/attempts)", starts);
        row(md, "submit (PUT …/answers)", submits);
        row(md, "replayed submit (wave 2)", replays);
        boolean anyError = starts.size() > startsOk || submits.size() > submitsOk || replays.size() > identical;
        if (anyError) {
            md.append("\nLatency of successful requests only:\n\n| request | n | p50 ms | p95 ms | p99 ms | max ms |\n")
                    .append("|---|---:|---:|---:|---:|---:|\n");
            okRow(md, "start", starts);
            okRow(md, "submit", submits);
            md.append("\nFirst error body per request and status:\n\n");
            samples(md, "start", starts);
            samples(md, "submit", submits);
            samples(md, "replay", replays);
            all.stream().filter(u -> u.replay != null && u.replay.status == 200 && u.submit != null
                            && u.submit.status == 200 && !u.replay.body.equals(u.submit.body)).limit(3)
                    .forEach(u -> md.append("* replay of user ").append(u.index).append(" differs: first `")
                            .append(clip(u.submit.body)).append("`, replay `").append(clip(u.replay.body)).append("`\n"));
        }
        System.out.print(md);
        if (reportFile != null) {
            Files.writeString(Path.of(reportFile), md.toString());
        }
        // machine-readable lines for run.sh
        System.out.println();
        System.out.println("RESULT starts_ok=" + startsOk);
        System.out.println("RESULT submits_ok=" + submitsOk);
        System.out.println("RESULT submits_status_submitted=" + submittedStatus);
        System.out.println("RESULT replays=" + replays.size());
        System.out.println("RESULT replays_identical=" + identical);
        System.out.println("RESULT replays_ok_after_failed_submit=" + replayedAfterFailure);
        System.out.println("RESULT attempts_per_s=" + String.format("%.1f", w1Seconds > 0 ? submitsOk / w1Seconds : 0.0));
        System.out.println("RESULT wave1_s=" + String.format("%.2f", w1Seconds));
        System.out.println("RESULT start_errors=" + (starts.size() - startsOk));
        System.out.println("RESULT submit_errors=" + (submits.size() - submitsOk));
        System.out.println("RESULT replay_errors=" + (replays.size() - identical));
        System.out.println("RESULT users_without_response=" + (all.size() - starts.size()));
        System.out.println("RESULT start_p50_ms=" + pct(millis(starts), 50));
        System.out.println("RESULT start_p95_ms=" + pct(millis(starts), 95));
        System.out.println("RESULT submit_p50_ms=" + pct(millis(submits), 50));
        System.out.println("RESULT submit_p95_ms=" + pct(millis(submits), 95));
    }

    static void row(StringBuilder md, String label, List<Result> results) {
        long[] ms = millis(results);
        Map<String, Integer> errors = new TreeMap<>();
        for (Result r : results) {
            if (!r.ok()) {
                errors.merge(r.status < 0 ? "no response" : String.valueOf(r.status), 1, Integer::sum);
            }
        }
        md.append(String.format("| %s | %d | %d | %s | %s | %s | %s | %s |%n", label, results.size(),
                results.stream().filter(Result::ok).count(), pct(ms, 50), pct(ms, 95), pct(ms, 99),
                ms.length == 0 ? "–" : String.valueOf(ms[ms.length - 1]), errors.isEmpty() ? "none" : errors.toString()));
    }

    static void okRow(StringBuilder md, String label, List<Result> results) {
        long[] ms = millis(results.stream().filter(Result::ok).toList());
        md.append(String.format("| %s | %d | %s | %s | %s | %s |%n", label, ms.length, pct(ms, 50), pct(ms, 95),
                pct(ms, 99), ms.length == 0 ? "–" : String.valueOf(ms[ms.length - 1])));
    }

    static void samples(StringBuilder md, String label, List<Result> results) {
        Map<Integer, Result> first = new LinkedHashMap<>();
        results.stream().filter(r -> !r.ok()).forEach(r -> first.putIfAbsent(r.status, r));
        first.forEach((status, r) -> md.append("* ").append(label).append(' ')
                .append(status < 0 ? "no response" : status).append(": `")
                .append(clip(r.body != null ? r.body : r.error)).append("`\n"));
    }

    static String clip(String text) {
        String flat = text == null ? "" : text.replace('\n', ' ').replace('`', '\'');
        return flat.length() > 400 ? flat.substring(0, 400) + "…" : flat;
    }

    static long[] millis(List<Result> results) {
        long[] ms = results.stream().mapToLong(r -> Math.round(r.nanos / 1e6)).toArray();
        Arrays.sort(ms);
        return ms;
    }

    /** Nearest-rank percentile. */
    static String pct(long[] sorted, int p) {
        if (sorted.length == 0) {
            return "–";
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return String.valueOf(sorted[Math.max(0, rank - 1)]);
    }

    static Map<String, String> options(String[] args) {
        Map<String, String> opts = new ConcurrentHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("expected --option value, got " + args[i]);
            }
            opts.put(args[i].substring(2), args[i + 1]);
        }
        return opts;
    }

    static String required(Map<String, String> opts, String name) {
        String value = opts.get(name);
        if (value == null) {
            throw new IllegalArgumentException("--" + name + " is required");
        }
        return value;
    }

    /** Just enough JSON for the attempt payload: objects, arrays, strings, numbers, booleans, null. */
    static final class Json {
        private final String s;
        private int i;

        private Json(String s) {
            this.s = s;
        }

        @SuppressWarnings("unchecked")
        static Map<String, Object> object(String text) {
            Json parser = new Json(text);
            Object value = parser.value();
            return (Map<String, Object>) value;
        }

        static String escape(String text) {
            StringBuilder out = new StringBuilder();
            for (char c : text.toCharArray()) {
                switch (c) {
                    case '"' -> out.append("\\\"");
                    case '\\' -> out.append("\\\\");
                    default -> {
                        if (c < 0x20) {
                            out.append(String.format("\\u%04x", (int) c));
                        } else {
                            out.append(c);
                        }
                    }
                }
            }
            return out.toString();
        }

        private Object value() {
            skip();
            char c = s.charAt(i);
            switch (c) {
                case '{': {
                    Map<String, Object> map = new LinkedHashMap<>();
                    i++;
                    skip();
                    if (s.charAt(i) == '}') {
                        i++;
                        return map;
                    }
                    while (true) {
                        skip();
                        String key = string();
                        skip();
                        expect(':');
                        map.put(key, value());
                        skip();
                        if (s.charAt(i) == ',') {
                            i++;
                        } else {
                            expect('}');
                            return map;
                        }
                    }
                }
                case '[': {
                    List<Object> list = new ArrayList<>();
                    i++;
                    skip();
                    if (s.charAt(i) == ']') {
                        i++;
                        return list;
                    }
                    while (true) {
                        list.add(value());
                        skip();
                        if (s.charAt(i) == ',') {
                            i++;
                        } else {
                            expect(']');
                            return list;
                        }
                    }
                }
                case '"':
                    return string();
                default: {
                    int start = i;
                    while (i < s.length() && ",}] \t\r\n".indexOf(s.charAt(i)) < 0) {
                        i++;
                    }
                    String word = s.substring(start, i);
                    return switch (word) {
                        case "true" -> Boolean.TRUE;
                        case "false" -> Boolean.FALSE;
                        case "null" -> null;
                        default -> word.contains(".") || word.contains("e") || word.contains("E")
                                ? (Object) Double.valueOf(word) : (Object) Long.valueOf(word);
                    };
                }
            }
        }

        private String string() {
            expect('"');
            StringBuilder out = new StringBuilder();
            while (true) {
                char c = s.charAt(i++);
                if (c == '"') {
                    return out.toString();
                }
                if (c == '\\') {
                    char e = s.charAt(i++);
                    switch (e) {
                        case 'n' -> out.append('\n');
                        case 't' -> out.append('\t');
                        case 'r' -> out.append('\r');
                        case 'b' -> out.append('\b');
                        case 'f' -> out.append('\f');
                        case 'u' -> {
                            out.append((char) Integer.parseInt(s.substring(i, i + 4), 16));
                            i += 4;
                        }
                        default -> out.append(e);
                    }
                } else {
                    out.append(c);
                }
            }
        }

        private void expect(char c) {
            if (s.charAt(i) != c) {
                throw new IllegalArgumentException("expected '" + c + "' at " + i + " in " + clip(s));
            }
            i++;
        }

        private void skip() {
            while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
                i++;
            }
        }
    }
}
