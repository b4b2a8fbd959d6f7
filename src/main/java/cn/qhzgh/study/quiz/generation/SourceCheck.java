package cn.qhzgh.study.quiz.generation;

/** Guards against wrong answers that the notice itself would make right. */
final class SourceCheck {

    private final NoticeText notice;

    SourceCheck(NoticeText notice) {
        this.notice = notice;
    }

    /**
     * Whether the candidate, put in place of the phrase, reads like wording the notice uses: 四个自信 in place of
     * 四个意识 after 增强“ would be a synonym if the notice ever wrote 增强“四个自信”.
     */
    boolean fitsLikeSource(PhraseSite site, String candidate) {
        String left = site.leftWindow();
        String right = site.rightWindow();
        return (!left.isEmpty() && notice.contains(left + candidate))
                || (!right.isEmpty() && notice.contains(candidate + right));
    }

    /** Whether a statement meant to be false appears word for word in the notice. */
    boolean isVerbatim(String statement) {
        String body = statement.endsWith("。") ? statement.substring(0, statement.length() - 1) : statement;
        return notice.contains(body);
    }
}
