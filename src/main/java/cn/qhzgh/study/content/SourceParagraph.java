package cn.qhzgh.study.content;

import java.util.List;

/**
 * A paragraph rebuilt from one or more source lines. Each fragment records where its line's text starts inside
 * {@code text}, so findings in the joined text can still be reported with their source line.
 */
record SourceParagraph(String text, boolean heading, List<Fragment> fragments) {

    record Fragment(int line, int offset) {
    }

    SourceParagraph {
        fragments = List.copyOf(fragments);
    }

    int firstLine() {
        return fragments.get(0).line();
    }

    int lastLine() {
        return fragments.get(fragments.size() - 1).line();
    }

    int lineAt(int offset) {
        int line = firstLine();
        for (Fragment fragment : fragments) {
            if (fragment.offset() <= offset) {
                line = fragment.line();
            }
        }
        return line;
    }
}
