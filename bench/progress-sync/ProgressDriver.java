import java.io.IOException;
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
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.CRC32;

/**
 * Load driver of the progress-sync benchmark (JDK 17 only; compiled once by run.sh, or run with
 * {@code java ProgressDriver.java}). Closed loop: C client threads, each sends its next request as soon as the
 * previous one answered, to POST /api/v1/me/progress.
 *
 * <pre>
 * --mode load   --batch 50 --concurrency 16 --duration-s 20 [--max-requests N]
 *               request i goes to worker i mod W (round robin), events are fresh random UUIDs
 * --mode replay --events 50000 --workers 1000 --batch 20 --concurrency 16
 *               every event twice; each worker's 2 x (events/workers) copies shuffled and cut into batches,
 *               all batches shuffled globally
 * --mode get    --paths /a,/b --concurrency 16 --duration-s 20 [--conditional 1] [--max-requests N]
 *               GET request i of worker i mod W to path i mod P; with --conditional 1 each path is fetched once
 *               first and then revalidated (If-None-Match with its ETag, else If-Modified-Since), expecting 304
 * common:       --base URL --tokens FILE (lines "sub TAB token") --modules 1,2,... [--workers W] [--seed 1]
 *               [--spread-days 30] (occurredAt uniformly within the last N days, at least 1 minute ago)
 *               [--now EPOCH_SECONDS] (the moment occurredAt counts back from; default: now)
 *               [--timeout-s 60] [--pids service=PID,mariadb=PID] [--label text]
 * </pre>
 *
 * With --concurrency 1 and --max-requests the requests and their events depend only on the options, so two runs
 * with the same --now send the same input (run.sh's equivalence check). ProgressCeiling runs the same loop with a
 * JDBC {@link Client} instead of HTTP.
 *
 * The driver computes the state the database must hold from the events of requests answered 200 with the status
 * ACCEPTED: per (worker, module) percent = max, seconds = sum, and prints it as checksums the calling script
 * compares with SQL: rows, SUM(percent), SUM(seconds_spent) and SUM(CRC32("sub:module:percent:seconds")).
 * Output: a human summary on stderr and "RESULT key=value" lines on stdout. Every wait is bounded.
 */
public class ProgressDriver {

    static final String[] CHANNELS = {"APP", "WECHAT", "WEIBO", "VIDEO"};
    static int spreadSeconds = 30 * 24 * 3600;
    static final Pattern STATUS = Pattern.compile("\"status\"\\s*:\\s*\"(ACCEPTED|DUPLICATE|REJECTED)\"");

    record Event(String id, int worker, long module, int percent, int seconds, String occurredAt, String channel) {
        String json() {
            return "{\"eventId\":\"" + id + "\",\"moduleId\":" + module + ",\"percent\":" + percent
                    + ",\"secondsSpent\":" + seconds + ",\"occurredAt\":\"" + occurredAt + "\",\"channel\":\""
                    + channel + "\"}";
        }
    }

    /** One request: its events (none for a GET), and what came back. */
    static final class Call {
        final int worker;
        final List<Event> events;
        final String path;
        long sentAt;
        long doneAt;
        int status;
        int bytes;
        String[] statuses;
        String error;

        Call(int worker, List<Event> events) {
            this(worker, events, null);
        }

        Call(int worker, List<Event> events, String path) {
            this.worker = worker;
            this.events = events;
            this.path = path;
        }
    }

    /** How one client thread carries out its calls: HTTP to the service here, JDBC in ProgressCeiling. */
    interface Client {
        /** Sends the call as worker {@code sub} (its token {@code token}); sets sentAt, doneAt, status and statuses. */
        void send(Call call, String sub, String token);

        /** Releases what the client holds when its thread is done. */
        default void close() throws Exception {
        }
    }

    /** Opens the client of client thread {@code index}. */
    interface Clients {
        Client open(int index) throws Exception;
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> o = options(args);
        run(o, HttpProgress.clients(o));
    }

    static void run(Map<String, String> o, Clients clients) throws Exception {
        String mode = o.getOrDefault("mode", "load");
        int batch = Integer.parseInt(o.getOrDefault("batch", "50"));
        int concurrency = Integer.parseInt(o.getOrDefault("concurrency", "16"));
        int timeoutS = Integer.parseInt(o.getOrDefault("timeout-s", "60"));
        long seed = Long.parseLong(o.getOrDefault("seed", "1"));
        long[] modules = mode.equals("get") ? new long[0]
                : Arrays.stream(req(o, "modules").split(",")).mapToLong(Long::parseLong).toArray();
        String[] paths = mode.equals("get") ? req(o, "paths").split(",") : new String[0];
        List<String[]> tokens = Files.readAllLines(Path.of(req(o, "tokens"))).stream()
                .filter(l -> !l.isBlank()).map(l -> l.split("\t", 2)).toList();
        int workers = Math.min(tokens.size(), Integer.parseInt(o.getOrDefault("workers", String.valueOf(tokens.size()))));
        Random random = new Random(seed);
        Instant now = o.containsKey("now") ? Instant.ofEpochSecond(Long.parseLong(o.get("now"))) : Instant.now();
        spreadSeconds = Math.max(60, (int) (Double.parseDouble(o.getOrDefault("spread-days", "30")) * 24 * 3600));

        // ---- the requests ----------------------------------------------------------------------------------
        List<Call> calls = new ArrayList<>();
        int maxRequests;
        long durationNs;
        if (mode.equals("load") || mode.equals("get")) {
            durationNs = TimeUnit.SECONDS.toNanos(Long.parseLong(o.getOrDefault("duration-s", "20")));
            maxRequests = Integer.parseInt(o.getOrDefault("max-requests", "1000000"));
        } else if (mode.equals("replay")) {
            durationNs = Long.MAX_VALUE;
            int total = Integer.parseInt(o.getOrDefault("events", "50000"));
            List<List<Event>> perWorker = new ArrayList<>();
            for (int w = 0; w < workers; w++) {
                perWorker.add(new ArrayList<>());
            }
            for (int i = 0; i < total; i++) {
                Event e = randomEvent(random, i % workers, modules, now);
                perWorker.get(e.worker).add(e);
                perWorker.get(e.worker).add(e);
            }
            for (int w = 0; w < workers; w++) {
                List<Event> copies = perWorker.get(w);
                Collections.shuffle(copies, random);
                for (int from = 0; from < copies.size(); from += batch) {
                    calls.add(new Call(w, List.copyOf(copies.subList(from, Math.min(copies.size(), from + batch)))));
                }
            }
            Collections.shuffle(calls, random);
            maxRequests = calls.size();
        } else {
            throw new IllegalArgumentException("--mode load|replay|get");
        }

        Map<String, Long> pids = new LinkedHashMap<>();
        for (String pair : o.getOrDefault("pids", "").split(",")) {
            if (pair.contains("=")) {
                pids.put(pair.substring(0, pair.indexOf('=')), Long.parseLong(pair.substring(pair.indexOf('=') + 1)));
            }
        }
        pids.put("driver", ProcessHandle.current().pid());

        // ---- the closed loop ----------------------------------------------------------------------------------
        AtomicInteger next = new AtomicInteger();
        List<Call> done = Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        // calls sent within the warm-up count for the expected state, not for throughput, latency or CPU
        long warmNs = mode.equals("replay") ? 0 : (long) (Double.parseDouble(o.getOrDefault("warmup-s", "0")) * 1e9);
        Map<String, Double> cpu0 = cpu(pids);
        long t0 = System.nanoTime() + warmNs;
        long deadline = durationNs == Long.MAX_VALUE ? Long.MAX_VALUE : t0 + durationNs;
        for (int c = 0; c < concurrency; c++) {
            final long clientSeed = seed * 1000 + c;
            final int index = c;
            pool.execute(() -> {
                Random r = new Random(clientSeed);
                Client client;
                try {
                    client = clients.open(index);
                } catch (Exception e) {
                    System.err.println("client " + index + " could not open: " + e);
                    return;
                }
                while (System.nanoTime() < deadline) {
                    int i = next.getAndIncrement();
                    if (i >= maxRequests) {
                        return;
                    }
                    Call call;
                    if (mode.equals("get")) {
                        call = new Call(i % workers, List.of(), paths[i % paths.length]);
                    } else if (mode.equals("load")) {
                        int worker = i % workers;
                        List<Event> events = new ArrayList<>(batch);
                        for (int k = 0; k < batch; k++) {
                            events.add(randomEvent(r, worker, modules, now));
                        }
                        call = new Call(worker, events);
                    } else {
                        call = calls.get(i);
                    }
                    client.send(call, tokens.get(call.worker)[0], tokens.get(call.worker)[1]);
                    done.add(call);
                }
                try {
                    client.close();
                } catch (Exception e) {
                    System.err.println("client " + index + " did not close: " + e);
                }
            });
        }
        pool.shutdown();
        if (warmNs > 0) {
            TimeUnit.NANOSECONDS.sleep(Math.max(0, t0 - System.nanoTime()));
            cpu0 = cpu(pids);
        }
        long bound = !mode.equals("replay") ? (warmNs + durationNs) / 1_000_000_000L + timeoutS + 30 : 1800;
        if (!pool.awaitTermination(bound, TimeUnit.SECONDS)) {
            System.err.println("WARNING: clients still busy after " + bound + " s; stopping them");
            pool.shutdownNow();
        }
        long t1 = done.stream().mapToLong(c -> c.doneAt).max().orElse(System.nanoTime());
        Map<String, Double> cpu1 = cpu(pids);
        List<Call> all = new ArrayList<>(done);
        report(o.getOrDefault("label", mode), mode, batch, concurrency, workers, tokens, all,
                all.stream().filter(c -> c.sentAt >= t0).toList(), t0, t1, cpu0, cpu1);
    }

    static Event randomEvent(Random r, int worker, long[] modules, Instant now) {
        UUID id = new UUID(r.nextLong(), r.nextLong());
        // a version-4 UUID from the seeded generator, so runs are repeatable
        String uuid = new UUID((id.getMostSignificantBits() & ~0xF000L) | 0x4000L,
                (id.getLeastSignificantBits() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L).toString();
        Instant at = now.minusSeconds(60 + r.nextInt(spreadSeconds)).truncatedTo(ChronoUnit.MILLIS);
        return new Event(uuid, worker, modules[r.nextInt(modules.length)], r.nextInt(101), r.nextInt(3601),
                OffsetDateTime.ofInstant(at, ZoneOffset.ofHours(8)).toString(), CHANNELS[r.nextInt(CHANNELS.length)]);
    }

    /** The service over HTTP/1.1 (java.net.http), one client shared by all threads. */
    static final class HttpProgress implements Client {
        private final HttpClient http;
        private final String base;
        private final int timeoutS;
        private final Map<String, String[]> validators;

        private HttpProgress(HttpClient http, String base, int timeoutS, Map<String, String[]> validators) {
            this.http = http;
            this.base = base;
            this.timeoutS = timeoutS;
            this.validators = validators;
        }

        /** With --mode get --conditional 1, first reads each path's validator (ETag, else Last-Modified). */
        static Clients clients(Map<String, String> o) throws IOException, InterruptedException {
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(10)).build();
            String base = req(o, "base");
            int timeoutS = Integer.parseInt(o.getOrDefault("timeout-s", "60"));
            Map<String, String[]> validators = new HashMap<>();
            if (o.getOrDefault("mode", "load").equals("get") && o.getOrDefault("conditional", "0").equals("1")) {
                String token = Files.readAllLines(Path.of(req(o, "tokens"))).get(0).split("\t", 2)[1];
                for (String path : req(o, "paths").split(",")) {
                    HttpResponse<Void> r = http.send(HttpRequest.newBuilder(URI.create(base + path))
                            .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.discarding());
                    String etag = r.headers().firstValue("ETag").orElse(null);
                    String modified = r.headers().firstValue("Last-Modified").orElse(null);
                    if (r.statusCode() != 200 || etag == null && modified == null) {
                        throw new IllegalStateException(path + ": " + r.statusCode() + " without ETag or Last-Modified");
                    }
                    validators.put(path, etag != null ? new String[]{"If-None-Match", etag}
                            : new String[]{"If-Modified-Since", modified});
                }
            }
            HttpProgress client = new HttpProgress(http, base, timeoutS, validators);
            return index -> client;
        }

        @Override
        public void send(Call call, String sub, String token) {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + (call.path != null ? call.path
                    : "/api/v1/me/progress"))).timeout(Duration.ofSeconds(timeoutS))
                    .header("Authorization", "Bearer " + token).header("Accept", "application/json");
            int expected = 200;
            if (call.path != null) {
                String[] validator = validators.get(call.path);
                if (validator != null) {
                    request.header(validator[0], validator[1]);
                    expected = 304;
                }
                request.GET();
            } else {
                StringBuilder body = new StringBuilder("{\"events\":[");
                for (int k = 0; k < call.events.size(); k++) {
                    body.append(k == 0 ? "" : ",").append(call.events.get(k).json());
                }
                request.header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body.append("]}").toString(), StandardCharsets.UTF_8));
            }
            call.sentAt = System.nanoTime();
            try {
                HttpResponse<String> response = http.send(request.build(),
                        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
                call.doneAt = System.nanoTime();
                call.status = response.statusCode();
                call.bytes = response.body().getBytes(StandardCharsets.UTF_8).length;
                if (call.path != null) {
                    if (call.status == expected) {
                        call.statuses = new String[0];
                    } else {
                        call.error = "expected " + expected + ": " + clip(response.body());
                    }
                } else if (call.status == 200) {
                    List<String> statuses = new ArrayList<>();
                    Matcher m = STATUS.matcher(response.body());
                    while (m.find()) {
                        statuses.add(m.group(1));
                    }
                    if (statuses.size() == call.events.size()) {
                        call.statuses = statuses.toArray(String[]::new);
                    } else {
                        call.error = "200 with " + statuses.size() + " statuses for " + call.events.size() + " events";
                    }
                } else {
                    call.error = clip(response.body());
                }
            } catch (IOException e) {
                call.doneAt = System.nanoTime();
                call.status = -1;
                call.error = e.getClass().getSimpleName() + ": " + e.getMessage();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                call.doneAt = System.nanoTime();
                call.status = -1;
                call.error = "interrupted";
            }
        }
    }

    // ---- reporting ------------------------------------------------------------------------------------------

    /** {@code all} the calls sent, for the expected state and the errors; {@code calls} those after the warm-up. */
    static void report(String label, String mode, int batch, int concurrency, int workers, List<String[]> tokens,
                       List<Call> all, List<Call> calls, long t0, long t1, Map<String, Double> cpu0,
                       Map<String, Double> cpu1) {
        double seconds = (t1 - t0) / 1e9;
        long events = calls.stream().mapToLong(c -> c.events.size()).sum();
        long ok = calls.stream().filter(c -> c.statuses != null).count();
        long okEvents = calls.stream().filter(c -> c.statuses != null).mapToLong(c -> c.events.size()).sum();
        Map<String, Integer> errors = new TreeMap<>();
        Map<String, String> firstError = new TreeMap<>();
        Map<String, Long> statusCount = new TreeMap<>(Map.of("ACCEPTED", 0L, "DUPLICATE", 0L, "REJECTED", 0L));
        // expected state, from the events the service answered ACCEPTED
        Map<Long, long[]> state = new HashMap<>(); // key worker * 1_000_000 + module -> {max percent, sum seconds}
        Map<String, String[]> perEvent = new HashMap<>(); // replay: event id -> statuses in the order of sentAt
        Map<String, long[]> eventTimes = new HashMap<>();   // replay: event id -> {sentAt, doneAt} of each copy
        List<Call> bySent = new ArrayList<>(all);
        bySent.sort((a, b) -> Long.compare(a.sentAt, b.sentAt));
        long orderViolations = 0;
        java.util.Set<String> distinctSent = new java.util.HashSet<>();
        for (Call c : bySent) {
            c.events.forEach(e -> distinctSent.add(e.id));
            if (c.statuses == null) {
                String key = c.status < 0 ? "no response" : String.valueOf(c.status);
                errors.merge(key, 1, Integer::sum);
                firstError.putIfAbsent(key, c.error);
                continue;
            }
            for (int k = 0; k < c.events.size(); k++) {
                Event e = c.events.get(k);
                String s = c.statuses[k];
                statusCount.merge(s, 1L, Long::sum);
                if (s.equals("ACCEPTED")) {
                    long[] st = state.computeIfAbsent(e.worker * 1_000_000L + e.module, x -> new long[2]);
                    st[0] = Math.max(st[0], e.percent);
                    st[1] += e.seconds;
                }
                if (mode.equals("replay")) {
                    String[] seen = perEvent.computeIfAbsent(e.id, x -> new String[2]);
                    long[] times = eventTimes.computeIfAbsent(e.id, x -> new long[]{-1, -1});
                    if (seen[0] == null) {
                        seen[0] = s;
                        times[0] = c.doneAt;
                    } else {
                        seen[1] = s;
                        // the second copy was sent after the first one's answer: it must be the DUPLICATE
                        if (c.sentAt > times[0] && !(seen[0].equals("ACCEPTED") && s.equals("DUPLICATE"))) {
                            orderViolations++;
                        }
                    }
                }
            }
        }
        long rows = state.size();
        long sumPercent = state.values().stream().mapToLong(s -> s[0]).sum();
        long sumSeconds = state.values().stream().mapToLong(s -> s[1]).sum();
        long crc = 0;
        for (Map.Entry<Long, long[]> entry : state.entrySet()) {
            int worker = (int) (entry.getKey() / 1_000_000L);
            long module = entry.getKey() % 1_000_000L;
            CRC32 c = new CRC32();
            c.update((tokens.get(worker)[0] + ":" + module + ":" + entry.getValue()[0] + ":" + entry.getValue()[1])
                    .getBytes(StandardCharsets.UTF_8));
            crc += c.getValue();
        }
        long pairsOk = 0;
        if (mode.equals("replay")) {
            pairsOk = perEvent.values().stream().filter(s -> s[0] != null && s[1] != null
                    && ((s[0].equals("ACCEPTED") && s[1].equals("DUPLICATE"))
                    || (s[0].equals("DUPLICATE") && s[1].equals("ACCEPTED")))).count();
        }

        long[] ms = calls.stream().mapToLong(c -> (c.doneAt - c.sentAt) / 1000).sorted().toArray(); // µs
        StringBuilder cpu = new StringBuilder();
        cpu0.forEach((name, v) -> cpu.append(String.format("%s%s %.1f s (%.0f %% of one core)", cpu.length() == 0 ? "" : ", ",
                name, cpu1.get(name) - v, 100 * (cpu1.get(name) - v) / seconds)));

        System.err.printf("%s: %d requests (%d answered as expected) %s, %d clients, %d workers, %.2f s%n",
                label, calls.size(), ok, mode.equals("get") ? "GET" : "of " + batch + " events each", concurrency,
                workers, seconds);
        System.err.printf("  %.0f events/s, %.1f requests/s; latency p50 %s p95 %s p99 %s max %s ms; errors %s%n",
                okEvents / seconds, ok / seconds, pct(ms, 50), pct(ms, 95), pct(ms, 99),
                ms.length == 0 ? "-" : String.format("%.1f", ms[ms.length - 1] / 1000.0), errors.isEmpty() ? "none" : errors);
        firstError.forEach((k, v) -> System.err.println("  first " + k + ": " + v));
        System.err.println("  statuses " + statusCount + "; CPU " + cpu);
        if (mode.equals("replay")) {
            System.err.printf("  replay: %d distinct events, %d with exactly one ACCEPTED and one DUPLICATE, "
                    + "%d second copies sent after the first copy's answer that were not DUPLICATE-after-ACCEPTED%n",
                    perEvent.size(), pairsOk, orderViolations);
        }
        out("requests", calls.size());
        out("requests_all", all.size());
        out("requests_ok", ok);
        out("events_sent", events);
        out("distinct_events_sent", distinctSent.size());
        out("seconds", String.format("%.2f", seconds));
        out("events_per_s", String.format("%.0f", okEvents / seconds));
        out("requests_per_s", String.format("%.1f", ok / seconds));
        out("p50_ms", pct(ms, 50));
        out("p95_ms", pct(ms, 95));
        out("p99_ms", pct(ms, 99));
        out("max_ms", ms.length == 0 ? "-" : String.format("%.1f", ms[ms.length - 1] / 1000.0));
        out("errors", errors.isEmpty() ? "none" : errors.toString().replace(' ', '_'));
        statusCount.forEach((k, v) -> out(k.toLowerCase(), v));
        out("expected_rows", rows);
        out("expected_sum_percent", sumPercent);
        out("expected_sum_seconds", sumSeconds);
        out("expected_crc", crc);
        out("replay_pairs_ok", pairsOk);
        out("replay_order_violations", orderViolations);
        out("cpu", cpu.toString().replace(' ', '_'));
        cpu0.forEach((name, v) -> out("cpu_" + name, String.format("%.2f", cpu1.get(name) - v)));
        out("body_bytes", calls.isEmpty() ? 0 : calls.stream().mapToInt(c -> c.bytes).sorted().toArray()[calls.size() / 2]);
    }

    static void out(String key, Object value) {
        System.out.println("RESULT " + key + "=" + value);
    }

    /** Nearest-rank percentile of microsecond values, printed in ms. */
    static String pct(long[] sortedMicros, int p) {
        if (sortedMicros.length == 0) {
            return "-";
        }
        int rank = (int) Math.ceil(p / 100.0 * sortedMicros.length);
        return String.format("%.1f", sortedMicros[Math.max(0, rank - 1)] / 1000.0);
    }

    /** CPU seconds (user + system) of each process so far, from /proc/PID/stat (USER_HZ 100). */
    static Map<String, Double> cpu(Map<String, Long> pids) {
        Map<String, Double> seconds = new LinkedHashMap<>();
        pids.forEach((name, pid) -> {
            try {
                String text = Files.readString(Path.of("/proc/" + pid + "/stat"));
                String[] f = text.substring(text.lastIndexOf(')') + 2).split(" ");
                seconds.put(name, (Long.parseLong(f[11]) + Long.parseLong(f[12])) / 100.0);
            } catch (IOException | RuntimeException e) {
                seconds.put(name, Double.NaN);
            }
        });
        return seconds;
    }

    static String clip(String text) {
        String flat = text == null ? "" : text.replace('\n', ' ');
        return flat.length() > 300 ? flat.substring(0, 300) + "…" : flat;
    }

    static Map<String, String> options(String[] args) {
        Map<String, String> opts = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("expected --option value, got " + args[i]);
            }
            opts.put(args[i].substring(2), args[i + 1]);
        }
        return opts;
    }

    static String req(Map<String, String> opts, String name) {
        String value = opts.get(name);
        if (value == null) {
            throw new IllegalArgumentException("--" + name + " is required");
        }
        return value;
    }
}
