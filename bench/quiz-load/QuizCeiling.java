import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.text.Normalizer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The ceiling of the quiz-load benchmark: the same wave (every user released together, one start and one submission
 * each) with each step done as bare JDBC (the service's Connector/J and connection properties, a pool of as many
 * connections as the service's) instead of HTTP, JSON parsing, JWT and ORM. A start is one transaction: the worker's
 * row lock, one read of the worker's attempts at the quiz (open one, count), the insert of the drawn attempt. A
 * submission is one transaction: the lock, one locking read of the attempt with the worker's best earlier score and
 * FINAL pass, the answers, the scored attempt, the worker's campaign row and one upsert per counter table, plus one
 * read for the campaign's completion when the FINAL is passed. The question pool and the asked versions are read
 * once, as the service caches them. Draw and scoring are AttemptDrawer's and AttemptScorer's rules, copied. For a
 * campaign's FINAL only (what quiz-load starts); a LoadDriver.User's token field holds the worker's sub here.
 *
 * <pre>java -cp classes:mysql-connector-j.jar QuizCeiling --jdbc URL --user U --password P --quiz ID --subs FILE
 *      [--pool 16] [--warmup 200] [--timeout-s 120] [--fill-text 三微一端] [--pids mariadb=PID]</pre>
 *
 * --warmup start + submit pairs are rehearsed first, each in one transaction that is rolled back.
 *
 * Prints a Markdown summary and "RESULT key=value" lines as LoadDriver does for wave 1.
 */
public class QuizCeiling {

    static final ZoneId CAMPAIGN_ZONE = ZoneId.of("Asia/Shanghai");

    record Candidate(long id, int version, String group, String type, List<String> keys) {
    }

    record Asked(String type, List<String> answer, String explanation) {
    }

    record Quiz(long id, Long campaignId, int count, int passScore, int timeLimit, Integer maxAttempts,
                boolean shuffleQuestions, boolean shuffleOptions) {
    }

    record Drawn(long id, int version, List<String> keys) {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> o = LoadDriver.options(args);
        String url = LoadDriver.required(o, "jdbc");
        String user = o.getOrDefault("user", "root");
        String password = o.getOrDefault("password", "");
        int poolSize = Integer.parseInt(o.getOrDefault("pool", "16"));
        int timeoutS = Integer.parseInt(o.getOrDefault("timeout-s", "120"));
        String fill = o.getOrDefault("fill-text", "三微一端");
        List<String> subs = Files.readAllLines(Path.of(LoadDriver.required(o, "subs"))).stream()
                .map(String::strip).filter(s -> !s.isEmpty()).toList();
        BlockingQueue<Connection> pool = new ArrayBlockingQueue<>(poolSize);
        for (int i = 0; i < poolSize; i++) {
            Connection c = DriverManager.getConnection(url, user, password);
            c.setAutoCommit(false);
            pool.add(c);
        }
        Connection setup = pool.take();
        Ceiling ceiling = new Ceiling(setup, Long.parseLong(LoadDriver.required(o, "quiz")), subs);
        setup.commit();
        pool.add(setup);

        // rehearsals: whole start + submit transactions rolled back, so that the JIT has compiled the paths the wave
        // takes, as the service's warm-up wave did for it; they leave nothing stored
        int rehearsals = Integer.parseInt(o.getOrDefault("warmup", "200"));
        for (int i = 0; i < rehearsals; i++) {
            LoadDriver.User u = new LoadDriver.User(i, subs.get(i % subs.size()));
            Connection c = pool.take();
            try {
                List<Drawn> draw = ceiling.start(c, u);
                if (draw != null) {
                    ceiling.submit(c, u, draw, fill);
                }
            } finally {
                c.rollback();
                pool.add(c);
            }
        }

        List<LoadDriver.User> users = new ArrayList<>();
        for (int i = 0; i < subs.size(); i++) {
            users.add(new LoadDriver.User(i, subs.get(i)));
        }
        Map<String, Long> pids = new LinkedHashMap<>();
        for (String pair : o.getOrDefault("pids", "").split(",")) {
            if (pair.contains("=")) {
                pids.put(pair.substring(0, pair.indexOf('=')), Long.parseLong(pair.substring(pair.indexOf('=') + 1)));
            }
        }
        pids.put("ceiling", ProcessHandle.current().pid());
        ExecutorService threads = Executors.newFixedThreadPool(users.size());
        Map<String, Double> cpu0 = LoadDriver.cpu(pids);
        long release = LoadDriver.runWave(threads, users, timeoutS, u -> {
            long t0 = System.nanoTime();
            List<Drawn> draw = ceiling.transaction(pool, c -> ceiling.start(c, u));
            u.start = new LoadDriver.Result(draw == null ? 409 : 201, System.nanoTime() - t0, null, null);
            if (draw == null) {
                return;
            }
            long t1 = System.nanoTime();
            Integer score = ceiling.transaction(pool, c -> ceiling.submit(c, u, draw, fill));
            u.submit = new LoadDriver.Result(score == null ? 409 : 200, System.nanoTime() - t1, null, null);
            u.pairDoneNanos = System.nanoTime();
        });
        long end = users.stream().filter(u -> u.submit != null && u.submit.ok()).mapToLong(u -> u.pairDoneNanos)
                .max().orElse(release);
        Map<String, Double> cpu1 = LoadDriver.cpu(pids);
        threads.shutdownNow();
        for (Connection c : pool) {
            c.close();
        }
        report(users, release, end, cpu0, cpu1);
    }

    static void report(List<LoadDriver.User> users, long release, long end, Map<String, Double> cpu0,
                       Map<String, Double> cpu1) {
        List<LoadDriver.Result> starts = users.stream().map(u -> u.start).filter(r -> r != null).toList();
        List<LoadDriver.Result> submits = users.stream().map(u -> u.submit).filter(r -> r != null).toList();
        long ok = submits.stream().filter(LoadDriver.Result::ok).count();
        double seconds = (end - release) / 1e9;
        StringBuilder cpu = new StringBuilder();
        cpu0.forEach((name, v) -> cpu.append(String.format(" %s %.1f s;", name, cpu1.get(name) - v)));
        StringBuilder md = new StringBuilder();
        md.append(String.format("Ceiling wave: %d of %d start + submit pairs in %.2f s = %.1f attempts/s. CPU:%s%n%n",
                ok, users.size(), seconds, seconds > 0 ? ok / seconds : 0.0, cpu));
        md.append("| bare JDBC step | n | ok | p50 ms | p95 ms | p99 ms | max ms | errors by status |\n");
        md.append("|---|---:|---:|---:|---:|---:|---:|---|\n");
        LoadDriver.row(md, "start (one draw)", starts);
        LoadDriver.row(md, "submit (one scoring)", submits);
        System.out.print(md);
        System.out.println();
        System.out.println("RESULT starts_ok=" + starts.stream().filter(LoadDriver.Result::ok).count());
        System.out.println("RESULT submits_ok=" + ok);
        System.out.println("RESULT attempts_per_s=" + String.format("%.1f", seconds > 0 ? ok / seconds : 0.0));
        System.out.println("RESULT wave1_s=" + String.format("%.2f", seconds));
        for (String[] p : List.of(new String[]{"start", "50"}, new String[]{"start", "95"}, new String[]{"submit", "50"},
                new String[]{"submit", "95"})) {
            long[] ms = LoadDriver.millis(p[0].equals("start") ? starts : submits);
            System.out.println("RESULT " + p[0] + "_p" + p[1] + "_ms=" + LoadDriver.pct(ms, Integer.parseInt(p[1])));
        }
        cpu0.forEach((name, v) -> System.out.printf("RESULT cpu_%s=%.2f%n", name, cpu1.get(name) - v));
    }

    interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    /** The quiz, its pool and asked versions, the workers' ids, unions and paths: what the service keeps in memory. */
    static final class Ceiling {
        final Quiz quiz;
        final List<Candidate> candidates = new ArrayList<>();
        final Map<Long, Asked> asked = new HashMap<>();
        final Map<String, long[]> workers = new HashMap<>();
        final SecureRandom random = new SecureRandom();

        Ceiling(Connection c, long quizId, List<String> subs) throws SQLException {
            String modules;
            String types;
            String tags;
            try (PreparedStatement s = c.prepareStatement("SELECT campaign_id, question_count, pass_score, "
                    + "time_limit_seconds, max_attempts, shuffle_questions, shuffle_options, draw_module_codes, draw_types, "
                    + "draw_tags FROM quiz WHERE id = ? AND active = TRUE AND kind = 'FINAL' AND campaign_id IS NOT NULL")) {
                s.setLong(1, quizId);
                try (ResultSet r = s.executeQuery()) {
                    if (!r.next()) {
                        throw new IllegalStateException("quiz " + quizId + " is not an active campaign FINAL");
                    }
                    quiz = new Quiz(quizId, r.getObject(1, Long.class), r.getInt(2), r.getInt(3), r.getInt(4),
                            r.getObject(5, Integer.class), r.getBoolean(6), r.getBoolean(7));
                    modules = r.getString(8);
                    types = r.getString(9);
                    tags = r.getString(10);
                }
            }
            // QuestionPool.load: approved questions of the campaign's documents and of the banks, filtered by the quiz
            List<String> moduleList = strings(modules);
            List<String> typeList = strings(types);
            Set<String> tagSet = new HashSet<>(strings(tags));
            StringBuilder sql = new StringBuilder("SELECT q.id, q.current_version, q.source_group, q.type, q.tags, "
                    + "v.options, v.answer, v.explanation FROM question q JOIN question_version v ON v.question_id = q.id "
                    + "AND v.version = q.current_version WHERE q.status = 'APPROVED' AND (q.notice_id IN (SELECT notice_id "
                    + "FROM campaign_material WHERE campaign_id = ?) OR q.notice_id IS NULL)");
            if (!moduleList.isEmpty()) {
                sql.append(" AND q.module_code IN (").append(marks(moduleList.size())).append(")");
            }
            if (!typeList.isEmpty()) {
                sql.append(" AND q.type IN (").append(marks(typeList.size())).append(")");
            }
            try (PreparedStatement s = c.prepareStatement(sql.append(" ORDER BY q.id").toString())) {
                int p = 1;
                s.setLong(p++, quiz.campaignId() == null ? -1 : quiz.campaignId());
                for (String m : moduleList) {
                    s.setString(p++, m);
                }
                for (String t : typeList) {
                    s.setString(p++, t);
                }
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        if (!tagSet.isEmpty() && strings(r.getString(5)).stream().noneMatch(tagSet::contains)) {
                            continue;
                        }
                        List<String> keys = new ArrayList<>();
                        for (Object option : (List<?>) LoadDriver.Json.object("{\"o\":" + r.getString(6) + "}").get("o")) {
                            keys.add((String) ((Map<?, ?>) option).get("key"));
                        }
                        long id = r.getLong(1);
                        String group = r.getString(3) == null ? "q" + id : r.getString(3);
                        candidates.add(new Candidate(id, r.getInt(2), group, r.getString(4), keys));
                        asked.put(id, new Asked(r.getString(4), strings(r.getString(7)), r.getString(8)));
                    }
                }
            }
            for (int from = 0; from < subs.size(); from += 1000) {
                List<String> part = subs.subList(from, Math.min(subs.size(), from + 1000));
                try (PreparedStatement s = c.prepareStatement("SELECT external_id, id, org_id FROM worker "
                        + "WHERE external_id IN (" + marks(part.size()) + ")")) {
                    for (int i = 0; i < part.size(); i++) {
                        s.setString(i + 1, part.get(i));
                    }
                    try (ResultSet r = s.executeQuery()) {
                        while (r.next()) {
                            workers.put(r.getString(1), new long[]{r.getLong(2), r.getLong(3)});
                        }
                    }
                }
            }
            if (workers.size() != subs.size()) {
                throw new IllegalStateException(workers.size() + " of " + subs.size() + " workers are provisioned");
            }
        }

        <T> T transaction(BlockingQueue<Connection> pool, Work<T> work) throws Exception {
            Connection c = pool.take();
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException e) {
                c.rollback();
                throw e;
            } finally {
                pool.add(c);
            }
        }

        long lock(Connection c, long workerId) throws SQLException {
            try (PreparedStatement s = c.prepareStatement("SELECT org_id FROM worker WHERE id = ? FOR UPDATE")) {
                s.setLong(1, workerId);
                try (ResultSet r = s.executeQuery()) {
                    r.next();
                    return r.getLong(1);
                }
            }
        }

        /** The draw of a new attempt, or null when the worker has one open or none left (not expected here). */
        List<Drawn> start(Connection c, LoadDriver.User u) throws SQLException {
            long workerId = workers.get(u.token)[0];
            lock(c, workerId);
            String openKey = workerId + ":" + quiz.id();
            try (PreparedStatement s = c.prepareStatement("SELECT COUNT(*), COUNT(open_key) FROM quiz_attempt "
                    + "WHERE worker_id = ? AND quiz_id = ?")) {
                s.setLong(1, workerId);
                s.setLong(2, quiz.id());
                try (ResultSet r = s.executeQuery()) {
                    r.next();
                    if (r.getInt(2) > 0 || quiz.maxAttempts() != null && r.getInt(1) >= quiz.maxAttempts()) {
                        return null;
                    }
                }
            }
            List<Drawn> draw = draw(random.nextLong());
            StringBuilder json = new StringBuilder("[");
            for (Drawn d : draw) {
                json.append(json.length() == 1 ? "" : ",").append("{\"questionId\":").append(d.id()).append(",\"version\":")
                        .append(d.version()).append(",\"optionKeys\":").append(jsonStrings(d.keys())).append('}');
            }
            Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
            u.attemptId = UUID.randomUUID().toString();
            update(c, "INSERT INTO quiz_attempt (id, quiz_id, worker_id, status, open_key, attempt_day, started_at, "
                            + "deadline, draw) VALUES (?, ?, ?, 'IN_PROGRESS', ?, ?, ?, ?, ?)", u.attemptId, quiz.id(),
                    workerId, openKey, java.sql.Date.valueOf(LocalDate.ofInstant(now, CAMPAIGN_ZONE)),
                    Timestamp.from(now), Timestamp.from(now.plusSeconds(quiz.timeLimit())), json.append(']').toString());
            return draw;
        }

        /** AttemptDrawer.draw: shuffle, one question per source sentence first, options shuffled but true/false. */
        List<Drawn> draw(long seed) {
            Random r = new Random(seed);
            List<Candidate> shuffled = new ArrayList<>(candidates);
            Collections.shuffle(shuffled, r);
            List<Candidate> chosen = new ArrayList<>();
            List<Candidate> same = new ArrayList<>();
            Set<String> groups = new HashSet<>();
            for (Candidate q : shuffled) {
                if (chosen.size() == quiz.count()) {
                    break;
                }
                (groups.add(q.group()) ? chosen : same).add(q);
            }
            for (Candidate q : same) {
                if (chosen.size() == quiz.count()) {
                    break;
                }
                chosen.add(q);
            }
            if (!quiz.shuffleQuestions()) {
                chosen.sort((a, b) -> Long.compare(a.id(), b.id()));
            }
            List<Drawn> draw = new ArrayList<>();
            for (Candidate q : chosen) {
                List<String> keys = new ArrayList<>(q.keys());
                if (quiz.shuffleOptions() && !q.type().equals("TRUE_FALSE")) {
                    Collections.shuffle(keys, r);
                }
                draw.add(new Drawn(q.id(), q.version(), keys));
            }
            return draw;
        }

        /** Scores the answers the load driver gives (option A, or the fill text); returns the score. */
        Integer submit(Connection c, LoadDriver.User u, List<Drawn> drawn, String fill) throws SQLException {
            long[] worker = workers.get(u.token);
            long workerId = worker[0];
            long org = lock(c, workerId);
            String body;
            Integer previous;
            boolean passedBefore;
            try (PreparedStatement s = c.prepareStatement("SELECT a.status, a.draw, a.idempotency_key, (SELECT MAX(p.score) "
                    + "FROM quiz_attempt p WHERE p.worker_id = a.worker_id AND p.quiz_id = a.quiz_id AND p.id <> a.id "
                    + "AND p.score IS NOT NULL), (SELECT w.final_passed FROM worker_campaign w WHERE w.worker_id = a.worker_id "
                    + "AND w.campaign_id = ?) FROM quiz_attempt a WHERE a.id = ? AND a.worker_id = ? FOR UPDATE")) {
                s.setLong(1, quiz.campaignId() == null ? -1 : quiz.campaignId());
                s.setString(2, u.attemptId);
                s.setLong(3, workerId);
                try (ResultSet r = s.executeQuery()) {
                    if (!r.next() || !r.getString(1).equals("IN_PROGRESS") || r.getString(3) != null) {
                        return null;
                    }
                    body = r.getString(2);
                    previous = r.getObject(4, Integer.class);
                    passedBefore = r.getBoolean(5);
                }
            }
            List<Drawn> draw = parseDraw(body);
            Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
            StringBuilder request = new StringBuilder("{\"answers\":[");
            StringBuilder results = new StringBuilder("[");
            StringBuilder answers = new StringBuilder();
            List<Object> values = new ArrayList<>();
            TreeMap<Long, long[]> questionCounts = new TreeMap<>();
            TreeMap<String, Long> optionCounts = new TreeMap<>();
            int correctCount = 0;
            for (int position = 0; position < draw.size(); position++) {
                Drawn d = draw.get(position);
                Asked a = asked.get(d.id());
                boolean fillBlank = d.keys().isEmpty();
                List<String> picked = fillBlank ? List.of(fill) : List.of(d.keys().get(0));
                boolean correct = fillBlank ? a.answer().stream().map(QuizCeiling::normalize)
                        .anyMatch(normalize(fill)::equals) : new HashSet<>(picked).equals(new HashSet<>(a.answer()));
                correctCount += correct ? 1 : 0;
                request.append(position == 0 ? "" : ",").append("{\"questionId\":").append(d.id())
                        .append(",\"response\":[\"").append(fillBlank ? fill : "A").append("\"]}");
                answers.append(position == 0 ? "" : ", ").append("(?, ?, ?, ?, ?, ?, ?)");
                values.addAll(List.of(u.attemptId, position, d.id(), d.version(), jsonStrings(picked)));
                values.add(fillBlank ? null : String.join("", picked.stream().sorted().toList()));
                values.add(correct);
                List<String> letters = new ArrayList<>();
                if (fillBlank) {
                    letters.addAll(a.answer());
                } else {
                    a.answer().forEach(k -> letters.add(String.valueOf((char) ('A' + d.keys().indexOf(k)))));
                    Collections.sort(letters);
                }
                results.append(position == 0 ? "" : ",").append("{\"questionId\":").append(d.id()).append(",\"correct\":")
                        .append(correct).append(",\"correctAnswer\":").append(jsonStrings(letters))
                        .append(",\"explanation\":").append(a.explanation() == null ? "null" : jsonString(a.explanation()))
                        .append('}');
                long[] q = questionCounts.computeIfAbsent(d.id(), k -> new long[2]);
                q[0]++;
                q[1] += correct ? 1 : 0;
                if (!fillBlank) {
                    picked.forEach(k -> optionCounts.merge(d.id() + "\t" + k, 1L, Long::sum));
                }
            }
            update(c, "INSERT INTO attempt_answer (attempt_id, position, question_id, question_version, response, "
                    + "picked_keys, correct) VALUES " + answers, values.toArray());
            int score = draw.isEmpty() ? 0 : Math.round(100f * correctCount / draw.size());
            boolean passed = score >= quiz.passScore();
            String response = "{\"attemptId\":\"" + u.attemptId + "\",\"quizId\":" + quiz.id()
                    + ",\"status\":\"SUBMITTED\",\"score\":" + score + ",\"passed\":" + passed + ",\"submittedAt\":\""
                    + now + "\",\"results\":" + results.append(']') + "}";
            String key = UUID.randomUUID().toString();
            update(c, "UPDATE quiz_attempt SET status = 'SUBMITTED', open_key = NULL, submitted_at = ?, score = ?, "
                            + "passed = ?, idempotency_key = ?, request_hash = ?, response_body = ? WHERE id = ?",
                    Timestamp.from(now), score, passed, key, sha256(request.append("]}").toString()), response, u.attemptId);
            // StatsCounters.onAttempt: the worker's campaign row, then the union counters in lock order
            Timestamp ts = Timestamp.from(now);
            Map<String, List<Object>> upserts = new LinkedHashMap<>();
            if (quiz.campaignId() != null) {
                update(c, "INSERT INTO worker_campaign (worker_id, campaign_id, org_id, started_at, last_activity_at, "
                                + "seconds_spent, final_best_score, final_passed, completed_at) VALUES (?, ?, ?, NULL, NULL, 0, ?, ?, "
                                + "NULL) ON DUPLICATE KEY UPDATE final_best_score = GREATEST(COALESCE(final_best_score, 0), "
                                + "VALUES(final_best_score)), final_passed = (final_passed OR VALUES(final_passed))",
                        workerId, quiz.campaignId(), org, score, passed);
                upserts.put("org_campaign_count (org_id, campaign_id, started, completed, seconds_spent, final_attempted, "
                                + "final_best_sum, final_passed", List.of(org, quiz.campaignId(), 0, 0, 0,
                        previous == null ? 1 : 0, previous == null ? score : Math.max(0, score - previous),
                        passed && !passedBefore ? 1 : 0, ts));
            }
            List<Object> q = new ArrayList<>();
            questionCounts.forEach((id, n) -> q.addAll(List.of(org, id, n[0], n[1], ts)));
            upserts.put("org_question_count (org_id, question_id, asked, correct", q);
            List<Object> opt = new ArrayList<>();
            optionCounts.forEach((k, n) -> opt.addAll(List.of(org, Long.parseLong(k.split("\t")[0]), k.split("\t")[1], n,
                    ts)));
            upserts.put("org_option_count (org_id, question_id, option_key, picks", opt);
            for (Map.Entry<String, List<Object>> upsert : upserts.entrySet()) {
                if (!upsert.getValue().isEmpty()) {
                    counterUpsert(c, upsert.getKey(), upsert.getValue());
                }
            }
            if (passed && quiz.campaignId() != null) {
                campaignDone(c, workerId, quiz.campaignId());
            }
            return score;
        }

        /** CompletionService.completeCampaignIfDone's question in one read (the wave's workers read nothing). */
        void campaignDone(Connection c, long workerId, long campaignId) throws SQLException {
            try (PreparedStatement s = c.prepareStatement("SELECT NOT EXISTS (SELECT 1 FROM campaign_completion "
                    + "WHERE worker_id = ? AND campaign_id = ?) AND NOT EXISTS (SELECT 1 FROM study_module m "
                    + "JOIN campaign_material cm ON cm.notice_id = m.notice_id AND cm.campaign_id = ? "
                    + "LEFT JOIN module_progress p ON p.module_id = m.id AND p.worker_id = ? WHERE m.published = TRUE "
                    + "AND p.completed_at IS NULL AND m.id NOT IN (SELECT module_id FROM campaign_optional_module "
                    + "WHERE campaign_id = ?))")) {
                bind(s, workerId, campaignId, campaignId, workerId, campaignId);
                try (ResultSet r = s.executeQuery()) {
                    if (r.next() && r.getBoolean(1)) {
                        throw new IllegalStateException("a wave worker completed the campaign: not expected here");
                    }
                }
            }
        }

        /** One upsert of a counter table: head is "table (columns" without changed_at; rows end with changed_at. */
        void counterUpsert(Connection c, String head, List<Object> values) throws SQLException {
            String[] columns = head.substring(head.indexOf('(') + 1).split(", ");
            int width = columns.length + 1;
            int keys = head.startsWith("org_option_count") ? 3 : 2;
            StringBuilder sql = new StringBuilder("INSERT INTO ").append(head).append(", changed_at) VALUES ")
                    .append(String.join(", ", Collections.nCopies(values.size() / width, "(" + marks(width) + ")")))
                    .append(" ON DUPLICATE KEY UPDATE ");
            for (int i = keys; i < columns.length; i++) {
                sql.append(columns[i]).append(" = ").append(columns[i]).append(" + VALUES(").append(columns[i]).append("), ");
            }
            update(c, sql.append("changed_at = VALUES(changed_at)").toString(), values.toArray());
        }
    }

    static void bind(PreparedStatement s, Object... values) throws SQLException {
        for (int i = 0; i < values.length; i++) {
            s.setObject(i + 1, values[i]);
        }
    }

    static int update(Connection c, String sql, Object... values) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            bind(s, values);
            return s.executeUpdate();
        }
    }

    static List<Drawn> parseDraw(String json) {
        List<Drawn> draw = new ArrayList<>();
        for (Object item : (List<?>) LoadDriver.Json.object("{\"d\":" + json + "}").get("d")) {
            Map<?, ?> m = (Map<?, ?>) item;
            List<String> keys = new ArrayList<>();
            ((List<?>) m.get("optionKeys")).forEach(k -> keys.add((String) k));
            draw.add(new Drawn(((Number) m.get("questionId")).longValue(), ((Number) m.get("version")).intValue(), keys));
        }
        return draw;
    }

    static List<String> strings(String json) {
        if (json == null || json.isBlank()) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        ((List<?>) LoadDriver.Json.object("{\"s\":" + json + "}").get("s")).forEach(x -> out.add((String) x));
        return out;
    }

    static String jsonString(String s) {
        return "\"" + LoadDriver.Json.escape(s) + "\"";
    }

    static String jsonStrings(List<String> list) {
        StringBuilder out = new StringBuilder("[");
        for (String s : list) {
            out.append(out.length() == 1 ? "" : ",").append(jsonString(s));
        }
        return out.append(']').toString();
    }

    static String marks(int n) {
        return String.join(", ", Collections.nCopies(n, "?"));
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** TextNormalizer.normalize: NFKC, no whitespace, lower case, surrounding quotes dropped. */
    static String normalize(String text) {
        String quotes = "\"'“”‘’「」『』《》〈〉";
        String folded = Normalizer.normalize(text, Normalizer.Form.NFKC).replaceAll("\\s+", "").toLowerCase(Locale.ROOT);
        int start = 0;
        int end = folded.length();
        while (start < end && quotes.indexOf(folded.charAt(start)) >= 0) {
            start++;
        }
        while (end > start && quotes.indexOf(folded.charAt(end - 1)) >= 0) {
            end--;
        }
        return folded.substring(start, end);
    }
}
