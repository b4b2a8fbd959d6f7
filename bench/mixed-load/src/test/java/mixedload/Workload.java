package mixedload;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReferenceArray;

/** What the phones and dashboards send: who calls, which module, the progress batches and the quiz answers. */
final class Workload {

    /** A batch that was answered 200, kept so that a later request can replay it (a phone resending its queue). */
    record SentBatch(String auth, String body, int events) {
    }

    record Submission(String path, String body) {
    }

    private static final String[] CHANNELS = {"APP", "APP", "APP", "APP", "WECHAT", "WECHAT", "WECHAT", "WECHAT", "WEIBO", "VIDEO"};
    private static final String[] FILL_ANSWERS = {"二十大", "新时代", "工人阶级", "三微一端", "职工群众"};
    private static final ZoneOffset CHINA = ZoneOffset.ofHours(8);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Settings settings;
    private final String[] workerAuth;
    private final String provinceAdminAuth;
    private final List<String> provinceViews = new ArrayList<>();
    private final List<String[]> orgAdmins = new ArrayList<>();
    private final AtomicLong moduleReads = new AtomicLong();
    private final AtomicLong quizUsers = new AtomicLong();
    private final AtomicReferenceArray<String> etags;
    private final AtomicReferenceArray<SentBatch> recentBatches = new AtomicReferenceArray<>(1024);

    Workload(Settings settings, Tokens tokens) {
        this.settings = settings;
        // every token is signed before the load starts, so that signing costs the driver nothing during it
        workerAuth = settings.workers.parallelStream().map(w -> tokens.bearer(w[0], "worker", w[1])).toArray(String[]::new);
        String province = settings.orgsByType.get("PROVINCE").get(0);
        provinceAdminAuth = tokens.bearer("bench-mixed-province-admin", "province-admin", province);
        provinceViews.add(province);
        provinceViews.addAll(settings.orgsByType.get("CITY"));
        // org-admins of every city and county, and of the grassroots unions of the first 200 workers
        List<String> adminOrgs = new ArrayList<>(settings.orgsByType.get("CITY"));
        adminOrgs.addAll(settings.orgsByType.get("COUNTY"));
        settings.workers.stream().limit(200).map(w -> w[1]).distinct().forEach(adminOrgs::add);
        for (String org : adminOrgs) {
            orgAdmins.add(new String[] {org, tokens.bearer("bench-mixed-admin-" + org, "org-admin", org)});
        }
        etags = new AtomicReferenceArray<>(settings.moduleIds.length);
    }

    int workerCount() {
        return workerAuth.length;
    }

    String randomWorkerAuth() {
        return workerAuth[ThreadLocalRandom.current().nextInt(workerAuth.length)];
    }

    // --- module reads ---------------------------------------------------------------------------------------

    /** [module index, conditional?]: every second read revalidates with the ETag a phone got earlier for that module. */
    int[] nextModuleRead() {
        int module = ThreadLocalRandom.current().nextInt(settings.moduleIds.length);
        boolean conditional = moduleReads.getAndIncrement() % 2 == 1 && etags.get(module) != null;
        return new int[] {module, conditional ? 1 : 0};
    }

    String modulePath(int module) {
        return "/api/v1/modules/" + settings.moduleIds[module];
    }

    String etag(int module) {
        return etags.get(module);
    }

    void sawEtag(int module, String etag) {
        if (etag != null) {
            etags.set(module, etag);
        }
    }

    // --- progress --------------------------------------------------------------------------------------------

    /** A replay of an earlier answered batch (with probability replayShare, once there is one), or null. */
    SentBatch maybeReplay() {
        ThreadLocalRandom rnd = ThreadLocalRandom.current();
        if (rnd.nextDouble() >= settings.replayShare) {
            return null;
        }
        return recentBatches.getAndSet(rnd.nextInt(recentBatches.length()), null);
    }

    /** 1..maxBatch events of the last two days, fresh random UUIDs, random modules, channels weighted to APP and WeChat. */
    String progressBatch(int events) {
        ThreadLocalRandom rnd = ThreadLocalRandom.current();
        long now = Instant.now().getEpochSecond();
        StringBuilder json = new StringBuilder(64 + events * 200).append("{\"events\":[");
        for (int i = 0; i < events; i++) {
            OffsetDateTime at = OffsetDateTime.ofInstant(Instant.ofEpochSecond(now - rnd.nextLong(2 * 86_400)), CHINA);
            json.append(i == 0 ? "" : ",")
                    .append("{\"eventId\":\"").append(new UUID((rnd.nextLong() & ~0xF000L) | 0x4000L,
                            (rnd.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L))
                    .append("\",\"moduleId\":").append(settings.moduleIds[rnd.nextInt(settings.moduleIds.length)])
                    .append(",\"percent\":").append(rnd.nextInt(101))
                    .append(",\"secondsSpent\":").append(rnd.nextInt(601))
                    .append(",\"occurredAt\":\"").append(at.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME))
                    .append("\",\"channel\":\"").append(CHANNELS[rnd.nextInt(CHANNELS.length)]).append("\"}");
        }
        return json.append("]}").toString();
    }

    int randomBatchSize() {
        return 1 + ThreadLocalRandom.current().nextInt(settings.maxBatch);
    }

    void answered(SentBatch batch) {
        recentBatches.set(ThreadLocalRandom.current().nextInt(recentBatches.length()), batch);
    }

    // --- quizzes ---------------------------------------------------------------------------------------------

    /**
     * [worker index, quiz index]. Quiz users take the workers in turn, so one worker starts a quiz only every
     * workers / start-rate seconds (far under the 10 starts and submissions a minute); the k-th round gives each
     * worker the quiz k places after its own offset, so no worker repeats a quiz (DAILY allows one a day) while
     * k stays below the number of quizzes, which run.sh checks.
     */
    int[] nextQuiz() {
        long n = quizUsers.getAndIncrement();
        int worker = (int) (n % workerAuth.length);
        long round = n / workerAuth.length;
        return new int[] {worker, (int) ((round + worker) % settings.quizzes.size())};
    }

    String workerAuth(int worker) {
        return workerAuth[worker];
    }

    String startPath(int quiz) {
        return "/api/v1/quizzes/" + settings.quizzes.get(quiz).id() + "/attempts";
    }

    /** Random answers to the questions of a start response: one option, two for multiple choice, a phrase for fill-in. */
    Submission answer(String startResponse) {
        ThreadLocalRandom rnd = ThreadLocalRandom.current();
        try {
            JsonNode attempt = JSON.readTree(startResponse);
            StringBuilder json = new StringBuilder("{\"answers\":[");
            boolean first = true;
            for (JsonNode question : attempt.path("questions")) {
                List<String> keys = new ArrayList<>();
                question.path("options").forEach(o -> keys.add(o.path("key").asText()));
                List<String> picked = new ArrayList<>();
                if (keys.isEmpty()) {
                    picked.add(FILL_ANSWERS[rnd.nextInt(FILL_ANSWERS.length)]);
                } else {
                    picked.add(keys.remove(rnd.nextInt(keys.size())));
                    if ("MULTIPLE_CHOICE".equals(question.path("type").asText()) && !keys.isEmpty()) {
                        picked.add(keys.get(rnd.nextInt(keys.size())));
                    }
                }
                json.append(first ? "" : ",").append("{\"questionId\":").append(question.path("questionId").asLong())
                        .append(",\"response\":").append(JSON.writeValueAsString(picked)).append('}');
                first = false;
            }
            return new Submission("/api/v1/attempts/" + attempt.path("attemptId").asText() + "/answers",
                    json.append("]}").toString());
        } catch (Exception e) {
            throw new IllegalStateException("unreadable quiz start response: " + startResponse, e);
        }
    }

    // --- statistics ------------------------------------------------------------------------------------------

    /** [auth, org code]: half province-admin (the province or a city), half org-admins of their own union. */
    String[] nextStatsCaller() {
        ThreadLocalRandom rnd = ThreadLocalRandom.current();
        if (rnd.nextBoolean()) {
            String code = rnd.nextBoolean() ? provinceViews.get(0) : provinceViews.get(1 + rnd.nextInt(provinceViews.size() - 1));
            return new String[] {provinceAdminAuth, code};
        }
        String[] admin = orgAdmins.get(rnd.nextInt(orgAdmins.size()));
        return new String[] {admin[1], admin[0]};
    }
}
