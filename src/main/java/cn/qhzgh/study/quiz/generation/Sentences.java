package cn.qhzgh.study.quiz.generation;

/** Sentence and bracket structure of notice text: quotes, book titles and parentheses may contain punctuation. */
final class Sentences {

    static final String TERMINATORS = "。！？";
    private static final String OPENERS = "“《（";
    private static final String CLOSERS = "”》）";

    private Sentences() {
    }

    /** Start and end (after the terminator) of the sentence containing {@code offset}. */
    static int[] around(String paragraph, int offset) {
        int[] depth = depths(paragraph);
        int start = 0;
        for (int i = 0; i < paragraph.length(); i++) {
            if (depth[i] == 0 && TERMINATORS.indexOf(paragraph.charAt(i)) >= 0) {
                if (offset <= i) {
                    return new int[] {start, i + 1};
                }
                start = i + 1;
            }
        }
        return new int[] {start, paragraph.length()};
    }

    /** Bracket depth of each character; the marks themselves sit at the depth outside them. */
    static int[] depths(String text) {
        int[] depth = new int[text.length()];
        int current = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (CLOSERS.indexOf(c) >= 0 && current > 0) {
                current--;
            }
            depth[i] = current;
            if (OPENERS.indexOf(c) >= 0) {
                current++;
            }
        }
        return depth;
    }
}
