package cn.qhzgh.study.quiz.generation;

import java.util.List;

/** A phrase occurrence found in one paragraph, before phrases are merged per module. */
record Found(PhraseKind kind, String text, int paragraphIndex, int start, int end, Integer number, String counter,
             List<String> items) {

    Found {
        items = List.copyOf(items);
    }

    static Found plain(PhraseKind kind, String text, int paragraphIndex, int start, int end) {
        return new Found(kind, text, paragraphIndex, start, end, null, null, List.of());
    }

    Found at(int otherParagraph, int otherStart) {
        return new Found(kind, text, otherParagraph, otherStart, otherStart + (end - start), number, counter, items);
    }

    boolean overlaps(int otherStart, int otherEnd) {
        return start < otherEnd && otherStart < end;
    }
}
