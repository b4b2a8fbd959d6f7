package cn.qhzgh.study.stats;

/** Why a question's first-attempt figures in the FINAL look wrong; see {@link ItemFlags} for the thresholds. */
public enum ItemFlag {
    /** Facility index of 5 or less: extremely difficult, or something wrong with the question. */
    FACILITY_VERY_LOW,
    /** Facility index of 95 or more: nearly everyone gets it right, so it tells nobody apart. */
    FACILITY_VERY_HIGH,
    /** Those who do worse on the rest of the exam do better on this question: most often a wrong key. */
    NEGATIVE_DISCRIMINATION,
    /** Discrimination index between 0 and 20: the question barely tells the strong from the weak. */
    WEAK_DISCRIMINATION,
    /** Discriminative efficiency below 15: far below what its facility would allow. */
    LOW_DISCRIMINATIVE_EFFICIENCY
}
