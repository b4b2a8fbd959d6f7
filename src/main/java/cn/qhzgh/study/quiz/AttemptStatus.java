package cn.qhzgh.study.quiz;

/** LATE attempts arrived after deadline plus grace; they are recorded and scored 0. */
public enum AttemptStatus {
    IN_PROGRESS, SUBMITTED, LATE
}
