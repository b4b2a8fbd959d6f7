package cn.qhzgh.study.content;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;

/**
 * The text layer of a PDF as the notice parser reads text. Lines come in reading order (sorted by position); page
 * numbers and running headers and footers (a line repeated at the top or bottom of several pages) are dropped; lines
 * are rebuilt into paragraphs from the layout: a line indented from the left margin or following a line that stopped
 * short of the right margin starts a paragraph, any other line continues it, across page breaks too.
 */
final class PdfText {

    /** Top and bottom share of a page where running headers, footers and page numbers live. */
    private static final float MARGIN_BAND = 0.1f;
    private static final int MIN_PAGES_FOR_FURNITURE = 2;
    /** A line in the margin band printed smaller than the body is a header or footer even on a single page. */
    private static final float SMALL_PRINT = 0.8f;

    /** A PDF whose pages carry no text at all: a scan. */
    static final class NoTextLayerException extends IOException {
        NoTextLayerException(int pages) {
            super("the PDF's " + pages + " page(s) have no text layer (a scanned image?)");
        }
    }

    private record Line(int page, String text, float x0, float x1, float y, float pageHeight, float charWidth) {
    }

    private PdfText() {
    }

    static String read(Path file) throws IOException {
        try (PDDocument document = Loader.loadPDF(file.toFile())) {
            LineCollector collector = new LineCollector();
            collector.setSortByPosition(true);
            collector.getText(document);
            List<Line> lines = collector.lines;
            if (lines.stream().allMatch(line -> line.text().isBlank())) {
                throw new NoTextLayerException(document.getNumberOfPages());
            }
            return paragraphs(withoutFurniture(lines));
        }
    }

    private static List<Line> withoutFurniture(List<Line> lines) {
        Map<String, Integer> pagesWithText = new HashMap<>();
        for (Line line : lines) {
            if (inMarginBand(line)) {
                pagesWithText.merge(line.text().replaceAll("\\d+", "#"), 1, Integer::sum);
            }
        }
        float bodySize = medianCharWidth(lines);
        List<Line> kept = new ArrayList<>();
        for (Line line : lines) {
            String text = line.text().strip();
            boolean running = inMarginBand(line)
                    && (pagesWithText.getOrDefault(line.text().replaceAll("\\d+", "#"), 0) >= MIN_PAGES_FOR_FURNITURE
                    || line.charWidth() < bodySize * SMALL_PRINT);
            if (!text.isEmpty() && !LineSyntax.isPageNumber(text) && !running) {
                kept.add(line);
            }
        }
        return kept;
    }

    private static float medianCharWidth(List<Line> lines) {
        float[] widths = new float[lines.size()];
        for (int i = 0; i < widths.length; i++) {
            widths[i] = lines.get(i).charWidth();
        }
        java.util.Arrays.sort(widths);
        return widths.length == 0 ? 0 : widths[widths.length / 2];
    }

    private static boolean inMarginBand(Line line) {
        return line.y() < line.pageHeight() * MARGIN_BAND || line.y() > line.pageHeight() * (1 - MARGIN_BAND);
    }

    private static String paragraphs(List<Line> lines) {
        if (lines.isEmpty()) {
            return "";
        }
        float left = Float.MAX_VALUE;
        float right = 0;
        for (Line line : lines) {
            left = Math.min(left, line.x0());
            right = Math.max(right, line.x1());
        }
        StringBuilder out = new StringBuilder();
        Line previous = null;
        for (Line line : lines) {
            float width = line.charWidth();
            boolean indented = line.x0() > left + width * 0.8f;
            boolean previousShort = previous != null && previous.x1() < right - width * 1.5f;
            if (previous != null && (indented || previousShort)) {
                out.append("\n\n");
            }
            out.append(line.text().strip());
            previous = line;
        }
        return out.append('\n').toString();
    }

    /** Collects each text line with where it starts and ends on its page. */
    private static final class LineCollector extends PDFTextStripper {

        private final List<Line> lines = new ArrayList<>();
        private final StringBuilder text = new StringBuilder();
        private float x0 = Float.NaN;
        private float x1;
        private float y;
        private float charWidth;
        private float pageHeight;
        private int page;

        LineCollector() throws IOException {
            super();
        }

        @Override
        protected void startPage(PDPage pdPage) throws IOException {
            page++;
            pageHeight = pdPage.getMediaBox().getHeight();
            super.startPage(pdPage);
        }

        @Override
        protected void writeString(String string, List<TextPosition> positions) {
            if (positions.isEmpty()) {
                return;
            }
            TextPosition first = positions.get(0);
            TextPosition last = positions.get(positions.size() - 1);
            if (Float.isNaN(x0)) {
                x0 = first.getXDirAdj();
                y = first.getYDirAdj();
                charWidth = Math.max(first.getFontSizeInPt(), 1f);
            }
            x1 = Math.max(x1, last.getXDirAdj() + last.getWidthDirAdj());
            text.append(string);
        }

        @Override
        protected void writeWordSeparator() {
            text.append(' ');
        }

        @Override
        protected void writeLineSeparator() {
            flush();
        }

        @Override
        protected void endPage(PDPage pdPage) throws IOException {
            flush();
            super.endPage(pdPage);
        }

        private void flush() {
            if (!Float.isNaN(x0)) {
                lines.add(new Line(page, text.toString(), x0, x1, y, pageHeight, charWidth));
            }
            text.setLength(0);
            x0 = Float.NaN;
            x1 = 0;
        }
    }
}
