package cn.qhzgh.study.stats;

/** Why a FINAL exam as a whole looks wrong; see {@link ItemFlags} for the thresholds. */
public enum ExamFlag {
    /** Coefficient of internal consistency below 64: the questions do not measure one thing together. */
    LOW_INTERNAL_CONSISTENCY
}
