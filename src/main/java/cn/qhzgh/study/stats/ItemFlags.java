package cn.qhzgh.study.stats;

import java.util.ArrayList;
import java.util.List;

/**
 * Which item-analysis figures lie outside sensible bounds; the thresholds are stated once here and in README's item
 * analysis section, with where each comes from. Nothing is judged below {@link #MIN_FIRST_ATTEMPTS} first attempts.
 */
final class ItemFlags {

    /** Below this many first attempts one attempt moves the facility index by more than 3 points: too few to judge. */
    static final int MIN_FIRST_ATTEMPTS = 30;
    /** Facility index of 5 or less: "extremely difficult or something wrong with the question" (Moodle, OU). */
    static final double FACILITY_VERY_LOW = 5;
    /** Facility index of 95 or more: extremely easy, it tells nobody apart. */
    static final double FACILITY_VERY_HIGH = 95;
    /** Discrimination index below 20 (and not negative): weak or very weak discrimination. */
    static final double DISCRIMINATION_WEAK = 20;
    /** Discriminative efficiency below 15: what Moodle's report marks as a question not pulling its weight. */
    static final double EFFICIENCY_LOW = 15;
    /** Coefficient of internal consistency below 64: the test as a whole is unsatisfactory (Moodle). */
    static final double CONSISTENCY_LOW = 64;

    private ItemFlags() {
    }

    /** The flags of one item; a negative discrimination index most often means a wrong key. */
    static List<ItemFlag> ofItem(long firstAttempts, Double facility, Double discrimination, Double efficiency) {
        List<ItemFlag> flags = new ArrayList<>();
        if (firstAttempts < MIN_FIRST_ATTEMPTS) {
            return flags;
        }
        if (facility != null && facility <= FACILITY_VERY_LOW) {
            flags.add(ItemFlag.FACILITY_VERY_LOW);
        }
        if (facility != null && facility >= FACILITY_VERY_HIGH) {
            flags.add(ItemFlag.FACILITY_VERY_HIGH);
        }
        if (discrimination != null && discrimination < 0) {
            flags.add(ItemFlag.NEGATIVE_DISCRIMINATION);
        } else if (discrimination != null && discrimination < DISCRIMINATION_WEAK) {
            flags.add(ItemFlag.WEAK_DISCRIMINATION);
        }
        if (efficiency != null && efficiency < EFFICIENCY_LOW) {
            flags.add(ItemFlag.LOW_DISCRIMINATIVE_EFFICIENCY);
        }
        return flags;
    }

    /** The flags of the exam as a whole. */
    static List<ExamFlag> ofExam(long firstAttempts, Double consistency) {
        List<ExamFlag> flags = new ArrayList<>();
        if (firstAttempts >= MIN_FIRST_ATTEMPTS && consistency != null && consistency < CONSISTENCY_LOW) {
            flags.add(ExamFlag.LOW_INTERNAL_CONSISTENCY);
        }
        return flags;
    }
}
