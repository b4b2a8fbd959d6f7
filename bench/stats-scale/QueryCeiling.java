import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The ceiling of the statistics dashboards: the SQL each dashboard needs, run directly over JDBC (the service's
 * Connector/J and connection properties) with StatsDriver's method: closed loop, warm-up, then timed executions, each
 * reading its whole result set. JDK + the Connector/J jar only.
 *
 * <pre>java -cp classes:mysql-connector-j.jar QueryCeiling --jdbc URL --user U --password P --spec FILE
 *      [--warmup 50] [--requests 300] [--concurrency 1]</pre>
 *
 * The spec file holds queries: a line "name TAB sql" (the statements of one dashboard request separated by " ;; ",
 * run in turn on one connection), then one line per parameter set, "TAB value TAB value...", bound as strings to the
 * ?s of all its statements in order; executions take the sets in turn. Prints per query
 * "RESULT name n errors p50_ms p95_ms p99_ms max_ms rows" (rows: of the last execution).
 */
public class QueryCeiling {

    record Query(String name, List<String> statements, List<String[]> params) {
    }

    public static void main(String[] args) throws Exception {
        String url = null;
        String user = "root";
        String password = "";
        String spec = null;
        int warmup = 50;
        int requests = 300;
        int concurrency = 1;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--jdbc" -> url = args[i + 1];
                case "--user" -> user = args[i + 1];
                case "--password" -> password = args[i + 1];
                case "--spec" -> spec = args[i + 1];
                case "--warmup" -> warmup = Integer.parseInt(args[i + 1]);
                case "--requests" -> requests = Integer.parseInt(args[i + 1]);
                case "--concurrency" -> concurrency = Integer.parseInt(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        if (url == null || spec == null) {
            throw new IllegalArgumentException("--jdbc and --spec are required");
        }
        List<Query> queries = new ArrayList<>();
        for (String line : Files.readAllLines(Path.of(spec))) {
            if (line.isBlank()) {
                continue;
            }
            String[] f = line.split("\t", -1);
            if (!f[0].isEmpty()) {
                queries.add(new Query(f[0], Arrays.asList(f[1].split(" ;; ")), new ArrayList<>()));
            } else {
                queries.get(queries.size() - 1).params().add(Arrays.copyOfRange(f, 1, f.length));
            }
        }
        List<Connection> connections = new ArrayList<>();
        for (int i = 0; i < concurrency; i++) {
            connections.add(DriverManager.getConnection(url, user, password));
        }
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        try {
            for (Query q : queries) {
                measure(pool, connections, q, warmup);
                long[] micros = measure(pool, connections, q, requests);
                Arrays.sort(micros);
                System.out.printf("RESULT %s %d 0 %s %s %s %s %d%n", q.name(), micros.length, pct(micros, 50),
                        pct(micros, 95), pct(micros, 99), String.format("%.1f", micros[micros.length - 1] / 1000.0),
                        lastRows);
            }
        } finally {
            pool.shutdownNow();
            for (Connection c : connections) {
                c.close();
            }
        }
    }

    static volatile long lastRows;

    /** Runs the query {@code n} times over the connections, closed loop; the execution times in microseconds. */
    static long[] measure(ExecutorService pool, List<Connection> connections, Query q, int n) throws Exception {
        long[] micros = new long[n];
        AtomicInteger next = new AtomicInteger();
        List<Future<?>> clients = new ArrayList<>();
        for (Connection c : connections) {
            clients.add(pool.submit(() -> {
                for (int i = next.getAndIncrement(); i < n; i = next.getAndIncrement()) {
                    String[] params = q.params().isEmpty() ? new String[0] : q.params().get(i % q.params().size());
                    long t0 = System.nanoTime();
                    long rows = 0;
                    int p = 0;
                    for (String sql : q.statements()) {
                        try (PreparedStatement s = c.prepareStatement(sql)) {
                            int marks = (int) sql.chars().filter(ch -> ch == '?').count();
                            for (int k = 1; k <= marks; k++) {
                                s.setString(k, params[p++]);
                            }
                            try (ResultSet r = s.executeQuery()) {
                                int columns = r.getMetaData().getColumnCount();
                                while (r.next()) {
                                    for (int k = 1; k <= columns; k++) {
                                        r.getObject(k);
                                    }
                                    rows++;
                                }
                            }
                        }
                    }
                    micros[i] = (System.nanoTime() - t0) / 1000;
                    lastRows = rows;
                }
                return null;
            }));
        }
        for (Future<?> f : clients) {
            f.get();
        }
        return micros;
    }

    static String pct(long[] sorted, int p) {
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return String.format("%.1f", sorted[Math.max(0, rank - 1)] / 1000.0);
    }
}
