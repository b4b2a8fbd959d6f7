package cn.qhzgh.study.content;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Rebuilds paragraphs broken by PDF page breaks: a text line that does not end in terminal punctuation continues
 * with the next text line, across any number of blank lines, with no space inserted. Headings are never joined, and
 * neither is a line opening a numbered item (（一）, 1．, （1）), because those always start a new paragraph. Table rows
 * stay rows of their own; a footnote met inside a broken paragraph is kept after that paragraph.
 */
final class ParagraphJoiner {

    private static final int JOIN_EXCERPT_RADIUS = 8;
    private static final int TAIL_EXCERPT_LENGTH = 16;

    List<SourceParagraph> join(List<SourceLine> lines, List<ImportWarning> warnings) {
        List<SourceParagraph> paragraphs = new ArrayList<>();
        List<SourceParagraph> footnotes = new ArrayList<>();
        Set<String> runningLines = PageFurniture.runningLines(lines);
        OpenParagraph open = null;
        for (SourceLine line : lines) {
            String text = line.text();
            if (line.isBlank() || LineSyntax.isHorizontalRule(text) || LineSyntax.isTableRule(text)) {
                continue;
            }
            if (LineSyntax.isPageNumber(text)) {
                warnings.add(pageNumberDropped(line));
                continue;
            }
            if (runningLines.contains(text)) {
                warnings.add(new ImportWarning(ImportWarning.RUNNING_HEADER_DROPPED, line.number(),
                        ColumnLimits.excerpt(text), "该行在多页重复出现，判定为页眉或页脚，已从正文中删除。"));
                continue;
            }
            if (LineSyntax.isFootnote(text)) {
                warnings.add(new ImportWarning(ImportWarning.FOOTNOTE_KEPT, line.number(), ColumnLimits.excerpt(text),
                        "该行是注释，已作为单独段落保留在所在段落之后，请核对。"));
                footnotes.add(new SourceParagraph(text, false, List.of(new SourceParagraph.Fragment(line.number(), 0))));
                if (open == null) {
                    paragraphs.addAll(footnotes);
                    footnotes.clear();
                }
                continue;
            }
            if (LineSyntax.isTableRow(text)) {
                if (open != null) {
                    paragraphs.add(closeUnterminated(open, warnings));
                    open = null;
                }
                paragraphs.add(new SourceParagraph(LineSyntax.tableRowText(text), false,
                        List.of(new SourceParagraph.Fragment(line.number(), 0))));
                continue;
            }
            boolean heading = LineSyntax.isHeading(text);
            boolean continuesOpen = open != null && !heading && LineSyntax.itemStart(text).isEmpty();
            if (continuesOpen) {
                warnings.add(pageBreakJoined(open, line));
                open.append(line);
            } else {
                if (open != null) {
                    paragraphs.add(closeUnterminated(open, warnings));
                }
                open = new OpenParagraph(line, heading || LineSyntax.isStandaloneItemHeading(text));
            }
            if (open.heading || LineSyntax.endsWithTerminalPunctuation(text)) {
                paragraphs.add(open.close());
                open = null;
            }
            if (open == null) {
                paragraphs.addAll(footnotes);
                footnotes.clear();
            }
        }
        if (open != null) {
            paragraphs.add(closeUnterminated(open, warnings));
        }
        paragraphs.addAll(footnotes);
        return paragraphs;
    }

    private static SourceParagraph closeUnterminated(OpenParagraph open, List<ImportWarning> warnings) {
        SourceParagraph paragraph = open.close();
        String text = paragraph.text();
        warnings.add(new ImportWarning(ImportWarning.UNTERMINATED_PARAGRAPH, paragraph.lastLine(),
                text.substring(Math.max(0, text.length() - TAIL_EXCERPT_LENGTH)),
                "段落末尾没有句末标点，但其后是标题、新条目或正文结尾，未做分页拼接，请核对是否缺字或缺标点。"));
        return paragraph;
    }

    private static ImportWarning pageBreakJoined(OpenParagraph open, SourceLine next) {
        String before = open.text.toString();
        String after = next.text();
        String excerpt = before.substring(Math.max(0, before.length() - JOIN_EXCERPT_RADIUS))
                + "|" + after.substring(0, Math.min(after.length(), JOIN_EXCERPT_RADIUS));
        return new ImportWarning(ImportWarning.PAGE_BREAK_JOINED, open.lastLine, excerpt,
                "第" + open.lastLine + "行末尾没有句末标点，已判定为分页断行并与第" + next.number()
                        + "行直接拼接（“|”处为拼接点），请核对拼接后的文字是否通顺。");
    }

    private static ImportWarning pageNumberDropped(SourceLine line) {
        return new ImportWarning(ImportWarning.PAGE_NUMBER_DROPPED, line.number(), line.text(),
                "该行是PDF页码，已从正文中删除。");
    }

    /** A paragraph still waiting for the line that ends its sentence. */
    private static final class OpenParagraph {

        private final StringBuilder text = new StringBuilder();
        private final List<SourceParagraph.Fragment> fragments = new ArrayList<>();
        private final boolean heading;
        private int lastLine;

        OpenParagraph(SourceLine first, boolean heading) {
            this.heading = heading;
            append(first);
        }

        void append(SourceLine line) {
            fragments.add(new SourceParagraph.Fragment(line.number(), text.length()));
            text.append(line.text());
            lastLine = line.number();
        }

        SourceParagraph close() {
            return new SourceParagraph(text.toString(), heading && LineSyntax.isHeading(text.toString()), fragments);
        }
    }
}
