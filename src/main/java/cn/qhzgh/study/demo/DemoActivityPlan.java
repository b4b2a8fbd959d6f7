package cn.qhzgh.study.demo;

import cn.qhzgh.study.campaign.CampaignCalendar;
import cn.qhzgh.study.progress.Channel;

import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

/**
 * Thirty days of plausible study by the demo workers, as a list of steps in time order. Skewed as real drives are:
 * some unions keen and some slow, a quarter of workers never start, most start in the launch week, reading happens
 * at lunch and in the evening on the WeChat front end first, and only some finish every module and pass the FINAL.
 * A pure function of its inputs and seed.
 */
public final class DemoActivityPlan {


    /** A demo worker and the grassroots union whose keenness they share. */
    public record Learner(int index, String unionCode) {
    }

    /** A published module in reading order, and its MODULE quiz if it has one. */
    public record Module(long id, int readingMinutes, Long quizId) {
    }

    /** One minute of reading a module, as a phone reports it. */
    public record Read(String eventId, long moduleId, int percent, int seconds, Instant occurredAt) {
    }

    /** What a learner does at {@code at}. */
    public sealed interface Step {
        Instant at();

        int learner();
    }

    /** The reading of one module in a session, synced when the phone finishes it. */
    public record Session(Instant at, int learner, Channel channel, List<Read> reads) implements Step {
    }

    /** A quiz taken at {@code at}, each question answered correctly with probability {@code accuracy}. */
    public record QuizTake(Instant at, int learner, long quizId, double accuracy) implements Step {
    }

    private enum Kind { NEVER, CASUAL, REGULAR, FINISHER }

    private static final Channel[] CHANNELS = {Channel.WECHAT, Channel.APP, Channel.VIDEO, Channel.WEIBO};
    private static final double[] CHANNEL_SHARES = {0.50, 0.28, 0.14, 0.08};

    private DemoActivityPlan() {
    }

    /**
     * @param now      the end of the simulated period; no step is at or after it
     * @param days     how many days before {@code now} the drive opened
     * @param finalQuiz the FINAL exam, taken once every module is read; {@code dailyQuiz} the 每日答题
     */
    public static List<Step> plan(List<Learner> learners, List<Module> modules, long finalQuiz, long dailyQuiz,
                                  Instant now, int days, long seed) {
        Random random = new Random(seed);
        LocalDate opened = CampaignCalendar.dayOf(now).minusDays(days);
        Map<String, Double> keenness = new HashMap<>();
        List<Step> steps = new ArrayList<>();
        for (Learner learner : learners) {
            double keen = keenness.computeIfAbsent(learner.unionCode(), u -> 0.15 + 0.85 * Math.pow(random.nextDouble(), 0.7));
            Kind kind = kind(random, keen);
            if (kind != Kind.NEVER) {
                learn(random, learner.index(), kind, modules, finalQuiz, dailyQuiz, opened, steps);
            }
        }
        return steps.stream().filter(s -> s.at().isBefore(now)).sorted(Comparator.comparing(Step::at)).toList();
    }

    private static Kind kind(Random random, double keen) {
        if (random.nextDouble() > 0.35 + 0.6 * keen) {
            return Kind.NEVER;
        }
        double r = random.nextDouble();
        return r < 0.2 + 0.4 * keen ? Kind.FINISHER : r < 0.65 + 0.2 * keen ? Kind.REGULAR : Kind.CASUAL;
    }

    private static void learn(Random random, int learner, Kind kind, List<Module> modules, long finalQuiz,
                              long dailyQuiz, LocalDate opened, List<Step> steps) {
        int toRead = switch (kind) {
            case FINISHER -> modules.size();
            case REGULAR -> (int) Math.ceil(modules.size() * (0.7 + 0.3 * random.nextDouble()));
            default -> 1 + random.nextInt(Math.max(1, modules.size() * 2 / 5));
        };
        Channel preferred = pick(random);
        LocalDate day = opened.plusDays(Math.min(27, (long) (-Math.log(1 - random.nextDouble()) * 5)));
        int next = 0;
        Instant lastRead = null;
        while (next < toRead) {
            day = weekdayMostly(random, day);
            Instant at = sessionStart(random, day);
            Channel channel = random.nextDouble() < 0.8 ? preferred : pick(random);
            if (random.nextDouble() < 0.15) {
                steps.add(new QuizTake(at.minus(Duration.ofMinutes(5)), learner, dailyQuiz, 0.6 + 0.4 * random.nextDouble()));
            }
            // Long documents are read a few more modules at a sitting, so a keen reader still finishes within a month.
            for (int m = 1 + random.nextInt(Math.max(3, modules.size() / 5)); m > 0 && next < toRead; m--, next++) {
                Module module = modules.get(next);
                boolean finishes = kind != Kind.CASUAL || random.nextDouble() < 0.7;
                int minutes = Math.max(1, (int) Math.round(module.readingMinutes() * (0.7 + 0.7 * random.nextDouble())));
                int readMinutes = finishes ? minutes : Math.max(1, minutes * (2 + random.nextInt(6)) / 10);
                List<Read> reads = new ArrayList<>();
                for (int k = 1; k <= readMinutes; k++) {
                    at = at.plusSeconds(60);
                    reads.add(new Read(eventId(learner, module.id(), k), module.id(),
                            100 * k / minutes, 60, at));
                }
                steps.add(new Session(at.plusSeconds(20), learner, channel, reads));
                boolean takesQuiz = kind == Kind.FINISHER || (kind == Kind.REGULAR && random.nextDouble() < 0.4);
                if (finishes && takesQuiz && module.quizId() != null) {
                    double accuracy = kind == Kind.FINISHER ? 0.6 + 0.35 * random.nextDouble() : 0.45 + 0.45 * random.nextDouble();
                    steps.add(new QuizTake(at.plusSeconds(90), learner, module.quizId(), accuracy));
                    at = at.plusSeconds(900);
                    if (kind == Kind.FINISHER && accuracy < 0.9) {
                        steps.add(new QuizTake(at, learner, module.quizId(), accuracy + 0.15));
                        at = at.plusSeconds(900);
                    }
                }
            }
            lastRead = at;
            day = day.plusDays(1 + random.nextInt(3));
        }
        if (kind == Kind.FINISHER) {
            double accuracy = 0.65 + 0.35 * random.nextDouble();
            Instant exam = sessionStart(random, CampaignCalendar.dayOf(lastRead).plusDays(1));
            steps.add(new QuizTake(exam, learner, finalQuiz, accuracy));
            if (accuracy < 0.8) {
                steps.add(new QuizTake(exam.plus(Duration.ofDays(1)), learner, finalQuiz, Math.min(1, accuracy + 0.15)));
            }
        }
    }

    private static String eventId(int learner, long moduleId, int minute) {
        return UUID.nameUUIDFromBytes(("demo-%d-%d-%d".formatted(learner, moduleId, minute))
                .getBytes(StandardCharsets.UTF_8)).toString();
    }

    /** Fewer sessions at weekends: half of them move to Monday. */
    private static LocalDate weekdayMostly(Random random, LocalDate day) {
        DayOfWeek weekday = day.getDayOfWeek();
        if (weekday.getValue() >= 6 && random.nextBoolean()) {
            return day.plusDays(8 - weekday.getValue());
        }
        return day;
    }

    /** Lunch (35 %), evening (45 %) or before work (20 %), Beijing time. */
    private static Instant sessionStart(Random random, LocalDate day) {
        double r = random.nextDouble();
        LocalTime time = r < 0.35 ? LocalTime.of(12, 0).plusMinutes(random.nextInt(90))
                : r < 0.8 ? LocalTime.of(19, 30).plusMinutes(random.nextInt(180))
                : LocalTime.of(7, 0).plusMinutes(random.nextInt(90));
        return day.atTime(time).plusSeconds(random.nextInt(60)).atZone(CampaignCalendar.ZONE).toInstant();
    }

    private static Channel pick(Random random) {
        double r = random.nextDouble();
        for (int i = 0; i < CHANNELS.length; i++) {
            r -= CHANNEL_SHARES[i];
            if (r < 0) {
                return CHANNELS[i];
            }
        }
        return CHANNELS[0];
    }
}
