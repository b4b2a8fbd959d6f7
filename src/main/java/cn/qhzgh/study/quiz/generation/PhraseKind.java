package cn.qhzgh.study.quiz.generation;

/** What makes a span of the notice worth asking about. */
public enum PhraseKind {
    /** A numbered formula such as 四个意识 or 五位一体. */
    FORMULA,
    /** A short quoted phrase such as “司机之家”. */
    SLOGAN,
    /** A long quoted passage, typically from the report. */
    QUOTATION,
    /** Parallel items sharing a prefix or suffix, such as 道路自信、理论自信、制度自信、文化自信. */
    ENUMERATION,
    /** A numeric fact such as 新时代10年 or 第二十次. */
    NUMBER
}
