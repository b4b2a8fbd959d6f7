package mixedload;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/** What run.sh hands the simulation, in the properties file named by the system property mixed.config. */
final class Settings {

    record Quiz(long id, String kind) {
    }

    final String base;
    final double rate;
    /** Percent of the rate: module reads, progress batches, quiz starts + submits, statistics. */
    final double[] mixPercent;
    final long warmupSeconds;
    final long durationSeconds;
    final double thinkSeconds;
    final double replayShare;
    /** After an overload: the rate offered for {@code recoverySeconds} once the measured window ends (0 = none). */
    final double recoveryRate;
    final int recoverySeconds;
    final int maxBatch;
    final Path privateKey;
    final String issuer;
    final Path results;
    final Map<String, Long> pids = new LinkedHashMap<>();
    final long[] moduleIds;
    final List<Quiz> quizzes = new ArrayList<>();
    /** Worker external ids and their grassroots union, in file order. */
    final List<String[]> workers = new ArrayList<>();
    /** Org codes by type (PROVINCE, CITY, COUNTY, GRASSROOTS). */
    final Map<String, List<String>> orgsByType = new LinkedHashMap<>();

    Settings() throws IOException {
        String file = System.getProperty("mixed.config");
        if (file == null || file.isBlank()) {
            throw new IllegalStateException("set -Dmixed.config to the properties file bench/mixed-load/run.sh writes");
        }
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(Path.of(file), StandardCharsets.UTF_8)) {
            p.load(in);
        }
        base = required(p, "base");
        rate = Double.parseDouble(required(p, "rate"));
        mixPercent = Arrays.stream(required(p, "mix").split("[ ,]+")).mapToDouble(Double::parseDouble).toArray();
        // less than 100 % in all runs the kinds' share of the rate alone (run.sh --per-kind)
        double total = Arrays.stream(mixPercent).sum();
        if (mixPercent.length != 4 || total <= 0 || total > 100.01 || Arrays.stream(mixPercent).anyMatch(x -> x < 0)) {
            throw new IllegalStateException("mix needs 4 percentages summing to at most 100, got " + required(p, "mix"));
        }
        warmupSeconds = Long.parseLong(required(p, "warmup"));
        durationSeconds = Long.parseLong(required(p, "duration"));
        thinkSeconds = Double.parseDouble(required(p, "think"));
        replayShare = Double.parseDouble(required(p, "replayShare"));
        recoveryRate = Double.parseDouble(p.getProperty("recoveryRate", "0"));
        recoverySeconds = Integer.parseInt(p.getProperty("recovery", "0"));
        maxBatch = Integer.parseInt(required(p, "maxBatch"));
        privateKey = Path.of(required(p, "privateKey"));
        issuer = required(p, "issuer");
        results = Path.of(required(p, "results"));
        for (String pid : required(p, "pids").split(",")) {
            String[] kv = pid.split("=");
            pids.put(kv[0], Long.parseLong(kv[1]));
        }
        moduleIds = Arrays.stream(required(p, "modules").split(",")).mapToLong(Long::parseLong).toArray();
        for (String quiz : required(p, "quizzes").split(",")) {
            String[] idKind = quiz.split(":");
            quizzes.add(new Quiz(Long.parseLong(idKind[0]), idKind[1]));
        }
        int wanted = Integer.parseInt(required(p, "workers"));
        // external_id,name,org_code,phone (the worker-import CSV; names and phones contain no commas)
        try (var lines = Files.lines(Path.of(required(p, "workersCsv")), StandardCharsets.UTF_8)) {
            lines.skip(1).limit(wanted).forEach(line -> {
                String[] cells = line.split(",", -1);
                workers.add(new String[] {cells[0], cells[2]});
            });
        }
        // code,name,type,parent_code
        try (var lines = Files.lines(Path.of(required(p, "orgsCsv")), StandardCharsets.UTF_8)) {
            lines.skip(1).forEach(line -> {
                String[] cells = line.split(",", -1);
                orgsByType.computeIfAbsent(cells[2], k -> new ArrayList<>()).add(cells[0]);
            });
        }
        if (workers.size() < wanted || moduleIds.length == 0 || quizzes.isEmpty()) {
            throw new IllegalStateException("need " + wanted + " workers (have " + workers.size() + "), modules and quizzes");
        }
    }

    private static String required(Properties p, String key) {
        String value = p.getProperty(key);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("mixed.config lacks " + key);
        }
        return value.strip();
    }
}
