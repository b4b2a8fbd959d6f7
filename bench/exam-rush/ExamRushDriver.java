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
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Open-loop load driver of the exam-rush benchmark (JDK 17; compiled against bench/quiz-load/LoadDriver.java, whose
 * JSON reader, CPU sampling and report rows it reuses):
 *
 * <pre>java -cp classes ExamRushDriver --base http://127.0.0.1:PORT --quiz ID --tokens tokens.txt [--window-s 60]
 *      [--think-ms 0] [--timeout-s 30] [--seed 1] [--fill-text 三微一端] [--report report.md] [--pids service=PID]</pre>
 *
 * Every worker (one token each) gets a planned start time, drawn uniformly at random within the window (Poisson
 * arrivals of a known count). At that time its start is sent, whatever the service's earlier answers were doing:
 * a scheduler fires the request asynchronously, so a slow service meets more concurrent requests, not fewer
 * (no coordinated omission). When the start answers 201 the submission (option A everywhere, the fill text for
 * blanks) is planned think-ms later. Latency is measured from the planned send time to the last response byte.
 */
public class ExamRushDriver {

    /** One worker's two requests; results are written by HTTP client threads, read after the latch. */
    static final class Worker {
        final String token;
        final long plannedStartNanos;
        volatile LoadDriver.Result start;
        volatile LoadDriver.Result submit;

        Worker(String token, long plannedStartNanos) {
            this.token = token;
            this.plannedStartNanos = plannedStartNanos;
        }
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> opts = LoadDriver.options(args);
        String base = LoadDriver.required(opts, "base");
        long quizId = Long.parseLong(LoadDriver.required(opts, "quiz"));
        List<String> tokens = Files.readAllLines(Path.of(LoadDriver.required(opts, "tokens"))).stream()
                .map(String::strip).filter(t -> !t.isEmpty()).toList();
        double windowS = Double.parseDouble(opts.getOrDefault("window-s", "60"));
        long thinkMs = Long.parseLong(opts.getOrDefault("think-ms", "0"));
        int timeoutS = Integer.parseInt(opts.getOrDefault("timeout-s", "30"));
        String fillText = opts.getOrDefault("fill-text", "三微一端");
        Random random = new Random(Long.parseLong(opts.getOrDefault("seed", "1")));
        if (tokens.isEmpty()) {
            throw new IllegalArgumentException("no tokens");
        }

        long[] offsets = new long[tokens.size()];
        for (int i = 0; i < offsets.length; i++) {
            offsets[i] = (long) (random.nextDouble() * windowS * 1e9);
        }
        Arrays.sort(offsets);
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(timeoutS)).build();
        ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(2);
        Map<String, Long> pids = new LinkedHashMap<>();
        for (String pair : opts.getOrDefault("pids", "").split(",")) {
            if (pair.contains("=")) {
                pids.put(pair.substring(0, pair.indexOf('=')), Long.parseLong(pair.substring(pair.indexOf('=') + 1)));
            }
        }
        pids.put("load driver", ProcessHandle.current().pid());

        CountDownLatch done = new CountDownLatch(tokens.size());
        AtomicLong worstSendLag = new AtomicLong();
        List<Worker> workers = new ArrayList<>();
        Map<String, Double> cpu0 = LoadDriver.cpu(pids);
        long t0 = System.nanoTime() + 200_000_000L;
        for (int i = 0; i < tokens.size(); i++) {
            Worker worker = new Worker(tokens.get(i), t0 + offsets[i]);
            workers.add(worker);
            scheduler.schedule(() -> {
                worstSendLag.accumulateAndGet(System.nanoTime() - worker.plannedStartNanos, Math::max);
                HttpRequest start = HttpRequest.newBuilder(URI.create(base + "/api/v1/quizzes/" + quizId + "/attempts"))
                        .timeout(Duration.ofSeconds(timeoutS)).header("Authorization", "Bearer " + worker.token)
                        .header("Accept", "application/json").POST(HttpRequest.BodyPublishers.noBody()).build();
                send(http, start, worker.plannedStartNanos).thenAccept(result -> {
                    worker.start = result;
                    if (result.status() != 201) {
                        done.countDown();
                        return;
                    }
                    long plannedSubmit = System.nanoTime() + thinkMs * 1_000_000L;
                    HttpRequest submit = submitRequest(base, worker.token, result.body(), fillText, timeoutS);
                    scheduler.schedule(() -> send(http, submit, plannedSubmit).whenComplete((r, e) -> {
                        worker.submit = r;
                        done.countDown();
                    }), thinkMs, TimeUnit.MILLISECONDS);
                }).exceptionally(e -> {
                    System.err.println("worker " + workers.indexOf(worker) + ": " + e);
                    done.countDown();
                    return null;
                });
            }, worker.plannedStartNanos - System.nanoTime(), TimeUnit.NANOSECONDS);
        }
        long bound = (long) windowS + 2L * timeoutS + thinkMs / 1000 + 60;
        if (!done.await(bound, TimeUnit.SECONDS)) {
            System.err.println("WARNING: " + done.getCount() + " workers did not finish within " + bound + " s");
        }
        long end = System.nanoTime();
        Map<String, Double> cpu1 = LoadDriver.cpu(pids);
        scheduler.shutdownNow();
        report(workers, quizId, windowS, thinkMs, (end - t0) / 1e9, worstSendLag.get(), cpu0, cpu1, opts.get("report"));
    }

    /** Sends asynchronously; the result's time runs from the planned send time, not from the actual one. */
    static CompletableFuture<LoadDriver.Result> send(HttpClient http, HttpRequest request, long plannedNanos) {
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8))
                .handle((response, e) -> e == null
                        ? new LoadDriver.Result(response.statusCode(), System.nanoTime() - plannedNanos, response.body(), null)
                        : new LoadDriver.Result(-1, System.nanoTime() - plannedNanos, null,
                        e.getClass().getSimpleName() + ": " + e.getMessage()));
    }

    static HttpRequest submitRequest(String base, String token, String startBody, String fillText, int timeoutS) {
        Map<String, Object> started = LoadDriver.Json.object(startBody);
        StringBuilder body = new StringBuilder("{\"answers\":[");
        List<?> questions = (List<?>) started.get("questions");
        for (int q = 0; q < questions.size(); q++) {
            Map<?, ?> question = (Map<?, ?>) questions.get(q);
            List<?> options = (List<?>) question.get("options");
            boolean fill = options == null || options.isEmpty();
            body.append(q == 0 ? "" : ",").append("{\"questionId\":")
                    .append(((Number) question.get("questionId")).longValue())
                    .append(",\"response\":[\"").append(fill ? LoadDriver.Json.escape(fillText) : "A").append("\"]}");
        }
        return HttpRequest.newBuilder(URI.create(base + "/api/v1/attempts/" + started.get("attemptId") + "/answers"))
                .timeout(Duration.ofSeconds(timeoutS)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .PUT(HttpRequest.BodyPublishers.ofString(body.append("]}").toString(), StandardCharsets.UTF_8)).build();
    }

    static void report(List<Worker> workers, long quizId, double windowS, long thinkMs, double seconds, long worstLagNanos,
                       Map<String, Double> cpu0, Map<String, Double> cpu1, String reportFile) throws Exception {
        List<LoadDriver.Result> starts = workers.stream().map(w -> w.start).filter(r -> r != null).toList();
        List<LoadDriver.Result> submits = workers.stream().map(w -> w.submit).filter(r -> r != null).toList();
        long startsOk = starts.stream().filter(r -> r.status() == 201).count();
        long submitsOk = submits.stream().filter(r -> r.status() == 200).count();
        long errors = starts.stream().filter(r -> !r.ok()).count() + submits.stream().filter(r -> !r.ok()).count()
                + (workers.size() - starts.size());
        StringBuilder md = new StringBuilder();
        md.append(String.format("Workers: %d, quiz %d, open-loop arrivals uniformly random over %.0f s (%.1f starts/s "
                        + "planned), think time %d ms; latest send %.0f ms after its planned time.%n", workers.size(), quizId,
                windowS, workers.size() / windowS, thinkMs, worstLagNanos / 1e6));
        md.append(String.format("Completed: %d of %d workers submitted in %.1f s (first planned start to last response) "
                + "= %.1f submissions/s.%n", submitsOk, workers.size(), seconds, seconds > 0 ? submitsOk / seconds : 0.0));
        StringBuilder cpu = new StringBuilder("CPU seconds used (2 cores = 2 s per second):");
        cpu0.forEach((name, before) -> cpu.append(String.format(" %s %.1f;", name, cpu1.get(name) - before)));
        md.append(cpu, 0, cpu.length() - 1).append(".\n\n");
        md.append("Latency from the planned send time:\n\n");
        md.append("| request | n | 2xx | p50 ms | p95 ms | p99 ms | max ms | errors by status |\n");
        md.append("|---|---:|---:|---:|---:|---:|---:|---|\n");
        LoadDriver.row(md, "start (POST …/attempts)", starts);
        LoadDriver.row(md, "submit (PUT …/answers)", submits);
        if (errors > 0) {
            md.append("\nFirst error body per request and status:\n\n");
            LoadDriver.samples(md, "start", starts);
            LoadDriver.samples(md, "submit", submits);
        }
        System.out.print(md);
        if (reportFile != null) {
            Files.writeString(Path.of(reportFile), md.toString());
        }
        long[] startMs = LoadDriver.millis(starts);
        long[] submitMs = LoadDriver.millis(submits);
        System.out.println();
        System.out.println("RESULT starts_ok=" + startsOk);
        System.out.println("RESULT submits_ok=" + submitsOk);
        System.out.println("RESULT errors=" + errors);
        System.out.println("RESULT start_p99_ms=" + LoadDriver.pct(startMs, 99));
        System.out.println("RESULT submit_p99_ms=" + LoadDriver.pct(submitMs, 99));
        System.out.println("RESULT submissions_per_s=" + String.format("%.1f", seconds > 0 ? submitsOk / seconds : 0.0));
    }
}
