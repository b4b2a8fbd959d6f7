import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Latency of dashboard reads: for each endpoint, a warm-up, then a fixed number of GET requests from C client
 * threads (closed loop: each sends its next request when the previous one answered). An endpoint given as
 * "name=/path1|/path2" rotates over its paths. Prints one line per endpoint:
 * "RESULT name n errors p50_ms p95_ms p99_ms max_ms mean_bytes".
 *
 * java StatsDriver.java --base URL --token-file F [--warmup 50] [--requests 300] [--concurrency 1] name=path...
 */
public class StatsDriver {

    public static void main(String[] args) throws Exception {
        String base = null;
        String token = null;
        int warmup = 50;
        int requests = 300;
        int concurrency = 1;
        List<String[]> endpoints = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--base" -> base = args[++i];
                case "--token-file" -> token = Files.readString(Path.of(args[++i])).trim();
                case "--warmup" -> warmup = Integer.parseInt(args[++i]);
                case "--requests" -> requests = Integer.parseInt(args[++i]);
                case "--concurrency" -> concurrency = Integer.parseInt(args[++i]);
                default -> endpoints.add(args[i].split("=", 2));
            }
        }
        if (base == null || token == null || endpoints.isEmpty()) {
            throw new IllegalArgumentException("usage: --base URL --token-file F [options] name=path...");
        }
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        try {
            for (String[] endpoint : endpoints) {
                String[] paths = endpoint[1].split("\\|");
                run(client, pool, base, token, paths, warmup, concurrency);
                long[] nanos = run(client, pool, base, token, paths, requests, concurrency);
                report(endpoint[0], nanos);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static long errors;
    private static long bytes;

    /** Sends n requests over the paths in turn from c threads; returns each request's latency in nanoseconds. */
    private static long[] run(HttpClient client, ExecutorService pool, String base, String token, String[] paths,
                              int n, int c) throws Exception {
        long[] nanos = new long[n];
        AtomicInteger next = new AtomicInteger();
        AtomicLong failed = new AtomicLong();
        AtomicLong received = new AtomicLong();
        List<Future<?>> clients = new ArrayList<>();
        for (int t = 0; t < c; t++) {
            clients.add(pool.submit(() -> {
                for (int i = next.getAndIncrement(); i < n; i = next.getAndIncrement()) {
                    HttpRequest request = HttpRequest.newBuilder(URI.create(base + paths[i % paths.length]))
                            .header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(120)).GET().build();
                    long start = System.nanoTime();
                    try {
                        HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
                        nanos[i] = System.nanoTime() - start;
                        received.addAndGet(response.body().length);
                        if (response.statusCode() != 200) {
                            if (failed.getAndIncrement() == 0) {
                                System.err.println(paths[i % paths.length] + " -> " + response.statusCode() + " "
                                        + new String(response.body(), 0, Math.min(300, response.body().length)));
                            }
                        }
                    } catch (Exception e) {
                        nanos[i] = System.nanoTime() - start;
                        failed.incrementAndGet();
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : clients) {
            f.get();
        }
        errors = failed.get();
        bytes = received.get() / Math.max(1, n);
        return nanos;
    }

    private static void report(String name, long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        System.out.println(String.format(Locale.ROOT, "RESULT %s %d %d %.1f %.1f %.1f %.1f %d", name, sorted.length,
                errors, ms(sorted, 0.50), ms(sorted, 0.95), ms(sorted, 0.99), sorted[sorted.length - 1] / 1e6, bytes));
    }

    /** Nearest-rank percentile in milliseconds. */
    private static double ms(long[] sorted, double q) {
        int rank = (int) Math.ceil(q * sorted.length);
        return sorted[Math.max(0, rank - 1)] / 1e6;
    }
}
