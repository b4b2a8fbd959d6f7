package cn.qhzgh.study.quiz.bank;

/** Size limits for uploaded quiz banks and the questions in them. */
public final class BankLimits {

    public static final int MAX_QUESTIONS = 5000;
    /** The service answers 413 above this; the reader stops here too so it never buffers an unbounded stream. */
    public static final int MAX_FILE_BYTES = 10 * 1024 * 1024;
    public static final int MAX_STEM_CHARS = 500;
    public static final int MIN_OPTIONS = 2;
    public static final int MAX_OPTIONS = 8;
    public static final int MAX_OPTION_CHARS = 200;
    public static final int MAX_ACCEPTED_ANSWERS = 10;
    public static final int MAX_ACCEPTED_ANSWER_CHARS = 100;
    public static final int MAX_EXPLANATION_CHARS = 1000;
    public static final int MAX_MODULE_CODE_CHARS = 16;
    public static final int MAX_TAGS = 10;
    public static final int MAX_TAG_CHARS = 32;

    private BankLimits() {
    }
}
