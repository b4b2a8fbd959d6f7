package cn.qhzgh.study.quiz;

/** MODULE tests one study module, FINAL the whole notice, DAILY is 每日答题: 5 questions a day. */
public enum QuizKind {
    MODULE, FINAL, DAILY
}
