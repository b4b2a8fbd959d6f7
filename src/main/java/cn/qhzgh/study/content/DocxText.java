package cn.qhzgh.study.content;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.xwpf.usermodel.IBodyElement;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;

/**
 * The text of a Word document as the notice parser reads text: one line per paragraph with a blank line between,
 * Word's automatic numbering written out (一、, （一）… as the numbering definition formats them), a paragraph
 * bold throughout marked as a heading ({@code **…**}), and table rows as {@code | cell | cell |}.
 */
final class DocxText {

    private static final int LEVELS = 9;

    private DocxText() {
    }

    static String read(Path file) throws IOException {
        try (OPCPackage pkg = OPCPackage.open(file.toFile(), PackageAccess.READ);
             XWPFDocument document = new XWPFDocument(pkg)) {
            StringBuilder out = new StringBuilder();
            Map<BigInteger, int[]> counters = new HashMap<>();
            for (IBodyElement element : document.getBodyElements()) {
                if (element instanceof XWPFParagraph paragraph) {
                    appendParagraph(paragraph, counters, out);
                } else if (element instanceof XWPFTable table) {
                    appendTable(table, out);
                }
            }
            return out.toString();
        } catch (InvalidFormatException e) {
            throw new IOException("not a readable Word document", e);
        }
    }

    private static void appendParagraph(XWPFParagraph paragraph, Map<BigInteger, int[]> counters, StringBuilder out) {
        String text = paragraph.getText().replace('\u000B', ' ').replace("\t", " ").strip();
        String label = numberingLabel(paragraph, counters);
        String line = (label + text).strip();
        if (line.isEmpty()) {
            return;
        }
        out.append(isBoldThroughout(paragraph.getRuns()) ? "**" + line + "**" : line).append("\n\n");
    }

    private static boolean isBoldThroughout(List<XWPFRun> runs) {
        boolean any = false;
        for (XWPFRun run : runs) {
            String text = run.text();
            if (text == null || text.isBlank()) {
                continue;
            }
            if (!run.isBold()) {
                return false;
            }
            any = true;
        }
        return any;
    }

    /** Word keeps one counter per list and level; a level's counter restarts when a higher level advances. */
    private static String numberingLabel(XWPFParagraph paragraph, Map<BigInteger, int[]> counters) {
        BigInteger numId = paragraph.getNumID();
        String levelText = paragraph.getNumLevelText();
        if (numId == null || levelText == null) {
            return "";
        }
        int level = paragraph.getNumIlvl() == null ? 0 : Math.min(paragraph.getNumIlvl().intValue(), LEVELS - 1);
        int[] counts = counters.computeIfAbsent(numId, id -> new int[LEVELS]);
        counts[level]++;
        for (int deeper = level + 1; deeper < LEVELS; deeper++) {
            counts[deeper] = 0;
        }
        BigInteger start = paragraph.getNumStartOverride();
        int offset = start == null ? 0 : start.intValue() - 1;
        String label = levelText;
        for (int k = 0; k <= level; k++) {
            label = label.replace("%" + (k + 1), format(counts[k] + (k == level ? offset : 0), paragraph.getNumFmt()));
        }
        return label;
    }

    private static String format(int value, String numFmt) {
        if (numFmt == null) {
            return String.valueOf(value);
        }
        return switch (numFmt) {
            case "chineseCounting", "chineseCountingThousand", "chineseLegalSimplified", "ideographTraditional",
                 "japaneseCounting", "taiwaneseCounting", "taiwaneseCountingThousand" -> chinese(value);
            case "decimalFullWidth", "decimalFullWidth2" -> fullWidth(String.valueOf(value));
            default -> String.valueOf(value);
        };
    }

    private static String chinese(int value) {
        String digits = "〇一二三四五六七八九";
        if (value < 10) {
            return String.valueOf(digits.charAt(value));
        }
        int tens = value / 10;
        int units = value % 10;
        return (tens == 1 ? "" : String.valueOf(digits.charAt(tens % 10))) + "十"
                + (units == 0 ? "" : String.valueOf(digits.charAt(units)));
    }

    private static String fullWidth(String digits) {
        StringBuilder out = new StringBuilder();
        digits.chars().forEach(c -> out.append((char) (c - '0' + '０')));
        return out.toString();
    }

    private static void appendTable(XWPFTable table, StringBuilder out) {
        for (XWPFTableRow row : table.getRows()) {
            StringBuilder line = new StringBuilder("|");
            row.getTableCells().forEach(cell -> line.append(' ')
                    .append(cell.getText().replace('\n', ' ').replace("|", "｜").strip()).append(" |"));
            out.append(line).append('\n');
        }
        out.append('\n');
    }
}
