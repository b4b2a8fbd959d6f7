import java.nio.ByteBuffer;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The ceiling of the progress-sync benchmark: ProgressDriver's closed loop with the same requests, but each client
 * thread writes its calls straight into MariaDB over JDBC (MySQL Connector/J, the service's connection settings), with
 * no HTTP, JSON, JWT or ORM. Per request it runs, in one transaction, the fewest statements that leave the state the
 * service leaves: the worker's row lock, one read of what the batch depends on (the worker's module rows in the
 * documents concerned, credited spans, for a batch which of its events are stored and which of its active days are
 * known), the events, the spans, the module rows, completions, the worker's campaign rows and active days, and one
 * upsert per shared counter table in the service's lock order. What the service caches (modules, campaigns, the
 * caller's union) is read once at start. The credit rule is ReadingCredit's, copied: run.sh's equivalence check
 * compares every stored row with what the service stored for the same input.
 *
 * <pre>java -cp classes:mysql-connector-j.jar ProgressCeiling --jdbc URL --user U --password P
 *      --module-multiple 3 --completion-fraction 0.33333333 --chars-per-minute 300 [ProgressDriver options]</pre>
 */
public class ProgressCeiling {

    static final ZoneId CAMPAIGN_ZONE = ZoneId.of("Asia/Shanghai");
    static final long MAX_PAST_SECONDS = 90L * 24 * 3600;   // EventValidator.MAX_PAST
    static final int MAX_SECONDS_SPENT = 3600;               // EventValidator.MAX_SECONDS_SPENT
    static final int MAX_SPANS = 4096;                       // ReadingCredit.MAX_SPANS
    static final int LOCK_RETRIES = 3;

    record Module(long id, long notice, String code, int version, int readingMinutes, boolean hasQuiz) {
    }

    record Campaign(long id, List<Long> notices, List<String> audience, Set<Long> optional) {
        boolean reaches(String path) {
            return audience.stream().anyMatch(path::startsWith);
        }
    }

    record Worker(long id, String path) {
    }

    /** What the service keeps in memory (ModuleCatalog, CampaignDirectory, the caller cache) and its settings. */
    record Catalog(Map<Long, Module> modules, List<Campaign> campaigns, Map<String, Worker> workers,
                   double moduleMultiple, double completionFraction) {
        List<Long> modulesOf(Set<Long> notices) {
            return modules.values().stream().filter(m -> notices.contains(m.notice())).map(Module::id).sorted().toList();
        }
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> o = ProgressDriver.options(args);
        String url = ProgressDriver.req(o, "jdbc");
        String user = o.getOrDefault("user", "root");
        String password = o.getOrDefault("password", "");
        Catalog catalog;
        try (Connection c = DriverManager.getConnection(url, user, password)) {
            catalog = load(c, o);
        }
        ProgressDriver.run(o, index -> new JdbcProgress(DriverManager.getConnection(url, user, password), catalog));
    }

    static Catalog load(Connection c, Map<String, String> o) throws Exception {
        int charsPerMinute = Integer.parseInt(ProgressDriver.req(o, "chars-per-minute"));
        Set<String> quizModules = new HashSet<>();
        try (ResultSet r = c.createStatement().executeQuery(
                "SELECT DISTINCT notice_id, module_code FROM quiz WHERE kind = 'MODULE' AND active = TRUE")) {
            while (r.next()) {
                quizModules.add(r.getLong(1) + ":" + r.getString(2));
            }
        }
        Map<Long, Module> modules = new HashMap<>();
        try (ResultSet r = c.createStatement().executeQuery("""
                SELECT m.id, m.notice_id, m.code, m.current_version, v.char_count FROM study_module m
                JOIN module_version v ON v.module_id = m.id AND v.version = m.current_version""")) {
            while (r.next()) {
                int minutes = Math.max(1, (r.getInt(5) + charsPerMinute - 1) / charsPerMinute);  // ModuleText
                modules.put(r.getLong(1), new Module(r.getLong(1), r.getLong(2), r.getString(3), r.getInt(4), minutes,
                        quizModules.contains(r.getLong(2) + ":" + r.getString(3))));
            }
        }
        Map<Long, List<Long>> notices = new TreeMap<>();
        Map<Long, List<String>> audience = new HashMap<>();
        Map<Long, Set<Long>> optional = new HashMap<>();
        try (ResultSet r = c.createStatement().executeQuery("""
                SELECT m.campaign_id, m.notice_id FROM campaign_material m JOIN campaign c ON c.id = m.campaign_id
                WHERE c.status = 'PUBLISHED' ORDER BY m.campaign_id, m.position""")) {
            while (r.next()) {
                notices.computeIfAbsent(r.getLong(1), k -> new ArrayList<>()).add(r.getLong(2));
            }
        }
        try (ResultSet r = c.createStatement().executeQuery(
                "SELECT a.campaign_id, o.path FROM campaign_audience a JOIN organization o ON o.id = a.org_id")) {
            while (r.next()) {
                audience.computeIfAbsent(r.getLong(1), k -> new ArrayList<>()).add(r.getString(2));
            }
        }
        try (ResultSet r = c.createStatement().executeQuery("SELECT campaign_id, module_id FROM campaign_optional_module")) {
            while (r.next()) {
                optional.computeIfAbsent(r.getLong(1), k -> new HashSet<>()).add(r.getLong(2));
            }
        }
        List<Campaign> campaigns = new ArrayList<>();
        notices.forEach((id, list) -> campaigns.add(new Campaign(id, list, audience.getOrDefault(id, List.of()),
                optional.getOrDefault(id, Set.of()))));
        Map<String, Worker> workers = new HashMap<>();
        List<String> subs = java.nio.file.Files.readAllLines(java.nio.file.Path.of(ProgressDriver.req(o, "tokens")))
                .stream().filter(l -> !l.isBlank()).map(l -> l.split("\t", 2)[0]).toList();
        for (int from = 0; from < subs.size(); from += 1000) {
            List<String> part = subs.subList(from, Math.min(subs.size(), from + 1000));
            try (PreparedStatement s = c.prepareStatement("SELECT w.external_id, w.id, o.path FROM worker w "
                    + "JOIN organization o ON o.id = w.org_id WHERE w.external_id IN (" + marks(part.size()) + ")")) {
                for (int i = 0; i < part.size(); i++) {
                    s.setString(i + 1, part.get(i));
                }
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        workers.put(r.getString(1), new Worker(r.getLong(2), r.getString(3)));
                    }
                }
            }
        }
        if (workers.size() != subs.size()) {
            throw new IllegalStateException(workers.size() + " of " + subs.size() + " workers are provisioned");
        }
        return new Catalog(modules, campaigns, workers, Double.parseDouble(ProgressDriver.req(o, "module-multiple")),
                Double.parseDouble(ProgressDriver.req(o, "completion-fraction")));
    }

    static String marks(int n) {
        return String.join(", ", java.util.Collections.nCopies(n, "?"));
    }

    /** One client thread's connection; every call is one transaction, retried on a lock conflict as the service does. */
    static final class JdbcProgress implements ProgressDriver.Client {
        private final Connection connection;
        private final Catalog catalog;

        JdbcProgress(Connection connection, Catalog catalog) throws SQLException {
            this.connection = connection;
            this.catalog = catalog;
            connection.setAutoCommit(false);
        }

        @Override
        public void send(ProgressDriver.Call call, String sub, String token) {
            call.sentAt = System.nanoTime();
            for (int attempt = 1; ; attempt++) {
                try {
                    call.statuses = new Batch(connection, catalog, catalog.workers().get(sub), call.events).write();
                    connection.commit();
                    call.status = 200;
                    break;
                } catch (SQLException e) {
                    try {
                        connection.rollback();
                    } catch (SQLException ignored) {
                        // the connection is gone; the next call reports it
                    }
                    boolean conflict = e.getErrorCode() == 1213 || e.getErrorCode() == 1205;
                    if (!conflict || attempt == LOCK_RETRIES) {
                        call.status = -1;
                        call.error = e.getClass().getSimpleName() + ": " + e.getMessage();
                        break;
                    }
                }
            }
            call.doneAt = System.nanoTime();
        }

        @Override
        public void close() throws SQLException {
            connection.close();
        }
    }

    /** What one batch adds to one module; {@code last} dates a completion it causes. */
    static final class Delta {
        int percent;
        long seconds;
        long credited;
        Instant first;
        Instant last;
    }

    /** A worker's module row before the batch. */
    record Prior(int percent, boolean completed, long credited) {
    }

    /** One request of one worker, written in one transaction. */
    static final class Batch {
        private final Connection c;
        private final Catalog catalog;
        private final Worker worker;
        private final List<ProgressDriver.Event> events;
        private final Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        private final Timestamp nowTs = Timestamp.from(now);
        private final Map<String, TreeMap<List<Comparable<?>>, long[]>> counters = new LinkedHashMap<>();
        private final Map<String, Instant> times = new HashMap<>();

        Batch(Connection c, Catalog catalog, Worker worker, List<ProgressDriver.Event> events) {
            this.c = c;
            this.catalog = catalog;
            this.worker = worker;
            this.events = events;
            events.forEach(e -> times.computeIfAbsent(e.id(), id -> OffsetDateTime.parse(e.occurredAt()).toInstant()));
            // the service's lock order (SharedCounter); a progress batch writes no question or option rows
            for (String table : List.of("org_campaign_count", "org_day_count", "org_channel_count", "org_module_count")) {
                counters.put(table, new TreeMap<>(ProgressCeiling::compareKeys));
            }
        }

        String[] write() throws SQLException {
            String[] statuses = new String[events.size()];
            long org;
            try (PreparedStatement s = c.prepareStatement("SELECT org_id FROM worker WHERE id = ? FOR UPDATE")) {
                s.setLong(1, worker.id());
                try (ResultSet r = s.executeQuery()) {
                    r.next();
                    org = r.getLong(1);
                }
            }
            Set<String> inBatch = new HashSet<>();
            List<ProgressDriver.Event> candidates = new ArrayList<>();
            for (int i = 0; i < events.size(); i++) {
                if (inBatch.add(events.get(i).id())) {
                    candidates.add(events.get(i));
                } else {
                    statuses[i] = "DUPLICATE";
                }
            }
            Map<Long, List<Campaign>> counting = new HashMap<>();
            for (ProgressDriver.Event e : candidates) {
                long notice = catalog.modules().get(e.module()).notice();
                counting.computeIfAbsent(notice, n -> catalog.campaigns().stream()
                        .filter(cp -> cp.notices().contains(n) && cp.reaches(worker.path())).toList());
            }
            Set<Long> notices = new HashSet<>(counting.keySet());
            counting.values().forEach(list -> list.forEach(cp -> notices.addAll(cp.notices())));
            TreeSet<ActiveDay> candidateDays = activeDays(candidates, counting);

            // the one read: module rows, spans, stored ids (a batch), known active days (several days)
            Map<Long, Prior> prior = new HashMap<>();
            Set<Long> touchedNotices = new HashSet<>();
            List<long[]> spans = new ArrayList<>();
            Set<String> stored = new HashSet<>();
            Set<ActiveDay> knownDays = new HashSet<>();
            List<Long> moduleIds = catalog.modulesOf(notices);
            StringBuilder sql = new StringBuilder("SELECT 0, module_id, percent, completed_at IS NOT NULL, "
                    + "credited_seconds, NULL, NULL, NULL FROM module_progress WHERE worker_id = ? AND module_id IN ("
                    + marks(moduleIds.size()) + ") UNION ALL SELECT 1, 0, 0, 0, 0, spans, NULL, NULL FROM worker_credit "
                    + "WHERE worker_id = ?");
            boolean askStored = candidates.size() > 1;
            boolean askDays = candidateDays.size() > 1;
            if (askStored) {
                sql.append(" UNION ALL SELECT 2, 0, 0, 0, 0, NULL, event_id, NULL FROM progress_event WHERE worker_id = ? "
                        + "AND event_id IN (").append(marks(candidates.size())).append(")");
            }
            List<Long> dayCampaigns = candidateDays.stream().map(ActiveDay::campaign).distinct().toList();
            List<LocalDate> dayDates = candidateDays.stream().map(ActiveDay::day).distinct().toList();
            if (askDays) {
                sql.append(" UNION ALL SELECT 3, campaign_id, 0, 0, 0, NULL, NULL, activity_day FROM worker_active_day "
                        + "WHERE worker_id = ? AND campaign_id IN (").append(marks(dayCampaigns.size()))
                        .append(") AND activity_day IN (").append(marks(dayDates.size())).append(")");
            }
            try (PreparedStatement s = c.prepareStatement(sql.toString())) {
                int p = 1;
                s.setLong(p++, worker.id());
                for (long id : moduleIds) {
                    s.setLong(p++, id);
                }
                s.setLong(p++, worker.id());
                if (askStored) {
                    s.setLong(p++, worker.id());
                    for (ProgressDriver.Event e : candidates) {
                        s.setString(p++, e.id());
                    }
                }
                if (askDays) {
                    s.setLong(p++, worker.id());
                    for (long id : dayCampaigns) {
                        s.setLong(p++, id);
                    }
                    for (LocalDate d : dayDates) {
                        s.setDate(p++, java.sql.Date.valueOf(d));
                    }
                }
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        switch (r.getInt(1)) {
                            case 0 -> {
                                prior.put(r.getLong(2), new Prior(r.getInt(3), r.getBoolean(4), r.getLong(5)));
                                touchedNotices.add(catalog.modules().get(r.getLong(2)).notice());
                            }
                            case 1 -> spans = decode(r.getBytes(6));
                            case 2 -> stored.add(r.getString(7));
                            default -> knownDays.add(new ActiveDay(r.getLong(2), r.getDate(8).toLocalDate()));
                        }
                    }
                }
            }
            List<ProgressDriver.Event> unseen = candidates.stream().filter(e -> !stored.contains(e.id())).toList();
            Map<String, Integer> credited = unseen.isEmpty() ? Map.of() : store(unseen, prior, spans);
            for (int i = 0; i < events.size(); i++) {
                if (statuses[i] == null) {
                    statuses[i] = credited.containsKey(events.get(i).id()) ? "ACCEPTED" : "DUPLICATE";
                }
            }
            if (credited.isEmpty()) {
                return statuses;
            }
            record(org, unseen, credited, prior, touchedNotices, counting, knownDays);
            return statuses;
        }

        /** Credits and inserts the unseen events, stores the spans if they changed; the credit of each stored one. */
        private Map<String, Integer> store(List<ProgressDriver.Event> unseen, Map<Long, Prior> prior,
                                           List<long[]> spans) throws SQLException {
            Map<Long, Long> room = new HashMap<>();
            for (ProgressDriver.Event e : unseen) {
                Module m = catalog.modules().get(e.module());
                long cap = (long) Math.floor(m.readingMinutes() * 60L * catalog.moduleMultiple());
                room.put(e.module(), cap - (prior.containsKey(e.module()) ? prior.get(e.module()).credited() : 0));
            }
            long cutoff = now.getEpochSecond() - MAX_PAST_SECONDS - MAX_SECONDS_SPENT;
            List<long[]> reachable = spans.stream().filter(s -> s[1] > cutoff).toList();
            TreeMap<Long, Long> after = new TreeMap<>();
            Map<String, Integer> credited = credit(reachable, room, unseen, times, after);
            StringBuilder sql = new StringBuilder(unseen.size() == 1 ? "INSERT IGNORE" : "INSERT").append(
                    " INTO progress_event (worker_id, event_id, module_id, module_version, percent, seconds_spent, "
                            + "credited_seconds, occurred_at, received_at, channel) VALUES ");
            for (int i = 0; i < unseen.size(); i++) {
                sql.append(i == 0 ? "" : ", ").append("(?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
            }
            int inserted;
            try (PreparedStatement s = c.prepareStatement(sql.toString())) {
                int p = 1;
                for (ProgressDriver.Event e : unseen) {
                    s.setLong(p++, worker.id());
                    s.setString(p++, e.id());
                    s.setLong(p++, e.module());
                    s.setInt(p++, catalog.modules().get(e.module()).version());
                    s.setInt(p++, e.percent());
                    s.setInt(p++, e.seconds());
                    s.setInt(p++, credited.get(e.id()));
                    s.setTimestamp(p++, Timestamp.from(at(e)));
                    s.setTimestamp(p++, nowTs);
                    s.setString(p++, e.channel());
                }
                inserted = s.executeUpdate();
            }
            if (inserted == 0) {
                return Map.of();
            }
            List<long[]> afterList = after.entrySet().stream().map(x -> new long[]{x.getKey(), x.getValue()}).toList();
            if (!sameSpans(afterList, spans)) {
                try (PreparedStatement s = c.prepareStatement("INSERT INTO worker_credit (worker_id, spans) VALUES (?, ?) "
                        + "ON DUPLICATE KEY UPDATE spans = VALUES(spans)")) {
                    s.setLong(1, worker.id());
                    s.setBytes(2, encode(afterList));
                    s.executeUpdate();
                }
            }
            return credited;
        }

        /** Module rows, then what StatsCounters.onProgress and CompletionService.afterProgress write, then counters. */
        private void record(long org, List<ProgressDriver.Event> accepted, Map<String, Integer> credited,
                            Map<Long, Prior> prior, Set<Long> touchedNotices, Map<Long, List<Campaign>> counting,
                            Set<ActiveDay> knownDays) throws SQLException {
            Map<Long, Delta> deltas = new LinkedHashMap<>();
            for (ProgressDriver.Event e : accepted) {
                Delta d = deltas.computeIfAbsent(e.module(), id -> new Delta());
                Instant at = at(e);
                d.percent = Math.max(d.percent, e.percent());
                d.seconds += e.seconds();
                d.credited += credited.get(e.id());
                d.first = d.first == null || at.isBefore(d.first) ? at : d.first;
                d.last = d.last == null || at.isAfter(d.last) ? at : d.last;
            }
            mergeModules(deltas);

            // StatsCounters.onProgress
            TreeSet<Long> campaigns = new TreeSet<>();
            counting.values().forEach(list -> list.forEach(cp -> campaigns.add(cp.id())));
            List<Object> rows = new ArrayList<>();
            TreeSet<ActiveDay> days = new TreeSet<>();
            for (long campaign : campaigns) {
                List<ProgressDriver.Event> in = accepted.stream().filter(e -> counting.getOrDefault(
                        catalog.modules().get(e.module()).notice(), List.of()).stream()
                        .anyMatch(cp -> cp.id() == campaign)).toList();
                long seconds = in.stream().mapToLong(e -> credited.get(e.id())).sum();
                Instant first = in.stream().map(this::at).min(Instant::compareTo).orElseThrow();
                Instant last = in.stream().map(this::at).max(Instant::compareTo).orElseThrow();
                rows.addAll(List.of(worker.id(), campaign, org, Timestamp.from(first), Timestamp.from(last), seconds));
                Campaign cp = catalog.campaigns().stream().filter(x -> x.id() == campaign).findFirst().orElseThrow();
                boolean started = cp.notices().stream().noneMatch(touchedNotices::contains);
                add("org_campaign_count", List.of(org, campaign), started ? 1 : 0, 0, seconds, 0, 0, 0);
                for (ProgressDriver.Event e : in) {
                    add("org_channel_count", List.of(org, campaign, e.channel()), 1, credited.get(e.id()));
                    days.add(new ActiveDay(campaign, LocalDate.ofInstant(at(e), CAMPAIGN_ZONE)));
                }
            }
            if (!rows.isEmpty()) {
                StringBuilder sql = new StringBuilder("INSERT INTO worker_campaign (worker_id, campaign_id, org_id, "
                        + "started_at, last_activity_at, seconds_spent, final_best_score, final_passed, completed_at) VALUES ");
                for (int i = 0; i < rows.size() / 6; i++) {
                    sql.append(i == 0 ? "" : ", ").append("(?, ?, ?, ?, ?, ?, NULL, FALSE, NULL)");
                }
                sql.append(" ON DUPLICATE KEY UPDATE started_at = LEAST(COALESCE(started_at, VALUES(started_at)), "
                        + "VALUES(started_at)), last_activity_at = GREATEST(COALESCE(last_activity_at, "
                        + "VALUES(last_activity_at)), VALUES(last_activity_at)), "
                        + "seconds_spent = seconds_spent + VALUES(seconds_spent)");
                update(sql.toString(), rows.toArray());
                markActive(org, days, knownDays);
            }
            deltas.keySet().stream().filter(m -> !prior.containsKey(m)).forEach(m -> add("org_module_count",
                    List.of(org, m), 1, 0, 0, 0));

            // CompletionService.afterProgress
            for (Map.Entry<Long, Delta> entry : deltas.entrySet()) {
                Module m = catalog.modules().get(entry.getKey());
                Delta d = entry.getValue();
                Prior before = prior.get(m.id());
                long minimum = (long) Math.ceil(m.readingMinutes() * 60L * catalog.completionFraction());
                int percent = before == null ? d.percent : Math.max(before.percent(), d.percent);
                long total = (before == null ? 0 : before.credited()) + d.credited;
                if ((before != null && before.completed()) || percent < 100 || total < minimum) {
                    continue;
                }
                if (m.hasQuiz() && !moduleQuizPassed(m)) {
                    continue;
                }
                if (update("UPDATE module_progress SET completed_at = ? WHERE worker_id = ? AND module_id = ? "
                        + "AND completed_at IS NULL", Timestamp.from(d.last), worker.id(), m.id()) == 1) {
                    add("org_module_count", List.of(org, m.id()), 0, 1, 0, 0);
                    for (Campaign cp : counting.getOrDefault(m.notice(), List.of())) {
                        completeCampaignIfDone(org, cp, d.last);
                    }
                }
            }
            flush();
        }

        private void mergeModules(Map<Long, Delta> deltas) throws SQLException {
            StringBuilder sql = new StringBuilder("INSERT INTO module_progress (worker_id, module_id, percent, "
                    + "seconds_spent, credited_seconds, first_activity_at, last_activity_at, completed_at) VALUES ");
            List<Object> values = new ArrayList<>();
            for (Map.Entry<Long, Delta> entry : deltas.entrySet()) {
                Delta d = entry.getValue();
                sql.append(values.isEmpty() ? "" : ", ").append("(?, ?, ?, ?, ?, ?, ?, NULL)");
                values.addAll(List.of(worker.id(), entry.getKey(), d.percent, d.seconds, d.credited,
                        Timestamp.from(d.first), Timestamp.from(d.last)));
            }
            sql.append(" ON DUPLICATE KEY UPDATE percent = GREATEST(percent, VALUES(percent)), "
                    + "seconds_spent = seconds_spent + VALUES(seconds_spent), "
                    + "credited_seconds = credited_seconds + VALUES(credited_seconds), "
                    + "first_activity_at = LEAST(first_activity_at, VALUES(first_activity_at)), "
                    + "last_activity_at = GREATEST(last_activity_at, VALUES(last_activity_at))");
            update(sql.toString(), values.toArray());
        }

        /** One day: INSERT IGNORE's row count says whether it is new; several: the prior read said which are known. */
        private void markActive(long org, TreeSet<ActiveDay> days, Set<ActiveDay> knownDays) throws SQLException {
            List<ActiveDay> fresh = new ArrayList<>();
            if (days.size() == 1) {
                ActiveDay day = days.first();
                if (update("INSERT IGNORE INTO worker_active_day (worker_id, campaign_id, activity_day) VALUES (?, ?, ?)",
                        worker.id(), day.campaign(), java.sql.Date.valueOf(day.day())) == 1) {
                    fresh.add(day);
                }
            } else {
                days.stream().filter(d -> !knownDays.contains(d)).forEach(fresh::add);
                if (!fresh.isEmpty()) {
                    List<Object> values = new ArrayList<>();
                    fresh.forEach(d -> values.addAll(List.of(worker.id(), d.campaign(), java.sql.Date.valueOf(d.day()))));
                    update("INSERT INTO worker_active_day (worker_id, campaign_id, activity_day) VALUES "
                            + String.join(", ", java.util.Collections.nCopies(fresh.size(), "(?, ?, ?)")), values.toArray());
                }
            }
            fresh.forEach(d -> add("org_day_count", List.of(org, d.campaign(), d.day()), 0, 1));
        }

        private boolean moduleQuizPassed(Module m) throws SQLException {
            try (PreparedStatement s = c.prepareStatement("SELECT EXISTS (SELECT 1 FROM quiz q JOIN quiz_attempt a "
                    + "ON a.quiz_id = q.id WHERE q.notice_id = ? AND q.kind = 'MODULE' AND q.module_code = ? "
                    + "AND q.active = TRUE AND a.worker_id = ? AND a.passed = TRUE)")) {
                s.setLong(1, m.notice());
                s.setString(2, m.code());
                s.setLong(3, worker.id());
                try (ResultSet r = s.executeQuery()) {
                    return r.next() && r.getBoolean(1);
                }
            }
        }

        /** CompletionService.completeCampaignIfDone in one read: not yet complete, no required module open, FINAL passed. */
        private void completeCampaignIfDone(long org, Campaign cp, Instant at) throws SQLException {
            List<Long> required = catalog.modulesOf(Set.copyOf(cp.notices())).stream()
                    .filter(id -> !cp.optional().contains(id)).toList();
            if (cp.notices().isEmpty()) {
                return;
            }
            String sql = "SELECT NOT EXISTS (SELECT 1 FROM campaign_completion WHERE worker_id = ? AND campaign_id = ?) "
                    + "AND NOT EXISTS (SELECT 1 FROM study_module m LEFT JOIN module_progress p ON p.module_id = m.id "
                    + "AND p.worker_id = ? WHERE m.id IN (" + marks(Math.max(1, required.size())) + ") AND m.published = TRUE "
                    + "AND p.completed_at IS NULL) AND (NOT EXISTS (SELECT 1 FROM quiz WHERE campaign_id = ? AND kind = 'FINAL' "
                    + "AND active = TRUE) OR EXISTS (SELECT 1 FROM quiz q JOIN quiz_attempt a ON a.quiz_id = q.id "
                    + "WHERE q.campaign_id = ? AND q.kind = 'FINAL' AND a.worker_id = ? AND a.passed = TRUE))";
            List<Object> values = new ArrayList<>(List.of(worker.id(), cp.id(), worker.id()));
            values.addAll(required.isEmpty() ? List.of(-1L) : required);
            values.addAll(List.of(cp.id(), cp.id(), worker.id()));
            boolean done;
            try (PreparedStatement s = c.prepareStatement(sql)) {
                bind(s, values.toArray());
                try (ResultSet r = s.executeQuery()) {
                    done = r.next() && r.getBoolean(1);
                }
            }
            if (!done) {
                return;
            }
            Timestamp ts = Timestamp.from(at);
            update("INSERT INTO campaign_completion (worker_id, campaign_id, completed_at) VALUES (?, ?, ?)",
                    worker.id(), cp.id(), ts);
            update("INSERT INTO worker_campaign (worker_id, campaign_id, org_id, started_at, last_activity_at, "
                    + "seconds_spent, final_best_score, final_passed, completed_at) VALUES (?, ?, ?, NULL, NULL, 0, NULL, "
                    + "FALSE, ?) ON DUPLICATE KEY UPDATE completed_at = COALESCE(completed_at, VALUES(completed_at))",
                    worker.id(), cp.id(), org, ts);
            add("org_campaign_count", List.of(org, cp.id()), 0, 1, 0, 0, 0, 0);
            add("org_day_count", List.of(org, cp.id(), LocalDate.ofInstant(at, CAMPAIGN_ZONE)), 1, 0);
        }

        Instant at(ProgressDriver.Event e) {
            return times.get(e.id());
        }

        /** The (campaign, day) pairs the events would mark active: every campaign each event counts in. */
        TreeSet<ActiveDay> activeDays(List<ProgressDriver.Event> events, Map<Long, List<Campaign>> counting) {
            TreeSet<ActiveDay> days = new TreeSet<>();
            for (ProgressDriver.Event e : events) {
                for (Campaign cp : counting.getOrDefault(catalog.modules().get(e.module()).notice(), List.of())) {
                    days.add(new ActiveDay(cp.id(), LocalDate.ofInstant(at(e), CAMPAIGN_ZONE)));
                }
            }
            return days;
        }

        private void add(String table, List<Comparable<?>> key, long... values) {
            long[] sums = counters.get(table).computeIfAbsent(key, k -> new long[values.length]);
            for (int i = 0; i < values.length; i++) {
                sums[i] += values[i];
            }
        }

        /** One upsert per counter table, tables in lock order, rows in key order (SharedCounter.upsertSql). */
        private void flush() throws SQLException {
            Map<String, String[]> columns = Map.of(
                    "org_campaign_count", new String[]{"org_id, campaign_id", "started", "completed", "seconds_spent",
                            "final_attempted", "final_best_sum", "final_passed"},
                    "org_day_count", new String[]{"org_id, campaign_id, activity_day", "completions", "active_workers"},
                    "org_channel_count", new String[]{"org_id, campaign_id, channel", "events", "seconds_spent"},
                    "org_module_count", new String[]{"org_id, module_id", "started", "completed", "quiz_attempted",
                            "quiz_best_sum"});
            for (Map.Entry<String, TreeMap<List<Comparable<?>>, long[]>> table : counters.entrySet()) {
                if (table.getValue().isEmpty()) {
                    continue;
                }
                String[] cols = columns.get(table.getKey());
                List<String> counterCols = Arrays.asList(cols).subList(1, cols.length);
                int width = cols[0].split(", ").length + counterCols.size() + 1;
                String tuple = "(" + marks(width) + ")";
                StringBuilder sql = new StringBuilder("INSERT INTO ").append(table.getKey()).append(" (").append(cols[0])
                        .append(", ").append(String.join(", ", counterCols)).append(", changed_at) VALUES ")
                        .append(String.join(", ", java.util.Collections.nCopies(table.getValue().size(), tuple)))
                        .append(" ON DUPLICATE KEY UPDATE ");
                for (String col : counterCols) {
                    sql.append(col).append(" = ").append(col).append(" + VALUES(").append(col).append("), ");
                }
                sql.append("changed_at = VALUES(changed_at)");
                List<Object> values = new ArrayList<>();
                table.getValue().forEach((key, sums) -> {
                    key.forEach(k -> values.add(k instanceof LocalDate d ? java.sql.Date.valueOf(d) : k));
                    for (long v : sums) {
                        values.add(v);
                    }
                    values.add(nowTs);
                });
                update(sql.toString(), values.toArray());
            }
        }

        private int update(String sql, Object... values) throws SQLException {
            try (PreparedStatement s = c.prepareStatement(sql)) {
                bind(s, values);
                return s.executeUpdate();
            }
        }
    }

    static void bind(PreparedStatement s, Object... values) throws SQLException {
        for (int i = 0; i < values.length; i++) {
            s.setObject(i + 1, values[i]);
        }
    }

    /** A day a worker was active in a campaign, ordered by campaign, then day. */
    record ActiveDay(long campaign, LocalDate day) implements Comparable<ActiveDay> {
        @Override
        public int compareTo(ActiveDay other) {
            int byCampaign = Long.compare(campaign, other.campaign);
            return byCampaign != 0 ? byCampaign : day.compareTo(other.day);
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    static int compareKeys(List<Comparable<?>> a, List<Comparable<?>> b) {
        for (int i = 0; i < a.size(); i++) {
            int c = ((Comparable) a.get(i)).compareTo(b.get(i));
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }

    // ---- ReadingCredit and SpanCodec, as the service has them ------------------------------------------------

    /** Credits the claims in (end second, event id) order against the spans; fills {@code after}; per event id. */
    static Map<String, Integer> credit(List<long[]> credited, Map<Long, Long> roomByModule,
                                       List<ProgressDriver.Event> events, Map<String, Instant> times,
                                       TreeMap<Long, Long> after) {
        credited.forEach(s -> after.put(s[0], s[1]));
        Map<Long, Long> room = new HashMap<>(roomByModule);
        Map<String, Integer> byEvent = new HashMap<>();
        List<ProgressDriver.Event> ordered = new ArrayList<>(events);
        ordered.sort((x, y) -> {
            int c = Long.compare(times.get(x.id()).getEpochSecond(), times.get(y.id()).getEpochSecond());
            return c != 0 ? c : x.id().compareTo(y.id());
        });
        for (ProgressDriver.Event e : ordered) {
            long end = times.get(e.id()).getEpochSecond();
            long left = Math.max(0, room.getOrDefault(e.module(), 0L));
            int taken = 0;
            for (long[] gap : gaps(after, end - e.seconds(), end)) {
                long take = Math.min(left - taken, gap[1] - gap[0]);
                if (take <= 0) {
                    break;
                }
                addSpan(after, gap[0], gap[0] + take);
                taken += (int) take;
            }
            room.put(e.module(), left - taken);
            byEvent.put(e.id(), taken);
        }
        if (after.size() > MAX_SPANS && after.size() > credited.size()) {
            after.clear();
            credited.forEach(s -> after.put(s[0], s[1]));
            Map<String, Integer> none = new HashMap<>();
            events.forEach(e -> none.put(e.id(), 0));
            return none;
        }
        return byEvent;
    }

    static List<long[]> gaps(TreeMap<Long, Long> spans, long from, long to) {
        List<long[]> gaps = new ArrayList<>();
        long at = from;
        Map.Entry<Long, Long> before = spans.floorEntry(from);
        if (before != null && before.getValue() > at) {
            at = before.getValue();
        }
        for (Map.Entry<Long, Long> span : spans.subMap(from, false, to, false).entrySet()) {
            if (span.getKey() > at) {
                gaps.add(new long[]{at, span.getKey()});
            }
            at = Math.max(at, span.getValue());
        }
        if (at < to) {
            gaps.add(new long[]{at, to});
        }
        return gaps;
    }

    static void addSpan(TreeMap<Long, Long> spans, long start, long end) {
        Map.Entry<Long, Long> before = spans.floorEntry(start);
        if (before != null && before.getValue() >= start) {
            start = before.getKey();
            spans.remove(before.getKey());
        }
        Long next = spans.get(end);
        if (next != null) {
            spans.remove(end);
            end = next;
        }
        spans.put(start, end);
    }

    static boolean sameSpans(List<long[]> a, List<long[]> b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            if (!Arrays.equals(a.get(i), b.get(i))) {
                return false;
            }
        }
        return true;
    }

    static byte[] encode(List<long[]> spans) {
        ByteBuffer out = ByteBuffer.allocate(spans.size() * 20);
        long previousEnd = 0;
        for (long[] s : spans) {
            varint(out, s[0] - previousEnd);
            varint(out, s[1] - s[0]);
            previousEnd = s[1];
        }
        return Arrays.copyOf(out.array(), out.position());
    }

    static void varint(ByteBuffer out, long value) {
        while ((value & ~0x7FL) != 0) {
            out.put((byte) ((value & 0x7F) | 0x80));
            value >>>= 7;
        }
        out.put((byte) value);
    }

    static List<long[]> decode(byte[] bytes) {
        List<long[]> spans = new ArrayList<>();
        if (bytes == null) {
            return spans;
        }
        int at = 0;
        long previousEnd = 0;
        while (at < bytes.length) {
            long[] read = new long[2];
            for (int k = 0; k < 2; k++) {
                long value = 0;
                for (int shift = 0; ; shift += 7) {
                    byte b = bytes[at++];
                    value |= (long) (b & 0x7F) << shift;
                    if ((b & 0x80) == 0) {
                        break;
                    }
                }
                read[k] = value;
            }
            long start = previousEnd + read[0];
            spans.add(new long[]{start, start + read[1]});
            previousEnd = start + read[1];
        }
        return spans;
    }
}
