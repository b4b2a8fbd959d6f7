package cn.qhzgh.study.quiz.attempt;

/** LATE attempts arrived after deadline plus grace; they are recorded and scored 0. */
public enum AttemptStatus {
    IN_PROGRESS, SUBMITTED, LATE
}
