package cn.qhzgh.study.content;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.poi.xwpf.usermodel.XWPFAbstractNum;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFNumbering;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTAbstractNum;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTLvl;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STNumberFormat;

/**
 * Renders a text document as DOCX (POI: 一、 headings from a Word numbering definition, in bold) and as PDF
 * (PDFBox: A4 in the GB/T 9704 layout, 16 pt CJK font, 2-character first-line indent, a running header and
 * "— n —" page numbers), so the three renderings of a corpus document can be imported and compared. Run once by
 * {@code CorpusRenderingsGenerator}; the bench uses it for its 50-page files.
 */
public final class CorpusRenderings {

    public static final Path CJK_FONT = Path.of("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc");
    private static final Pattern SECTION = Pattern.compile("^([一二三四五六七八九十]{1,3})、(.+)$");
    private static final float FONT_SIZE = 16f;
    private static final float LEFT = 79f;
    private static final float RIGHT = 74f;
    private static final float TOP = 105f;
    private static final float BOTTOM = 99f;
    private static final float LEADING = 28.9f;
    private static final String RUNNING_HEADER = "学习资料（内部）";

    private CorpusRenderings() {
    }

    /** The non-blank lines of a text document: each one a paragraph of the renderings. */
    public static List<String> paragraphs(String text) {
        List<String> paragraphs = new ArrayList<>();
        for (String line : text.split("\r?\n")) {
            if (!line.isBlank()) {
                paragraphs.add(line.strip());
            }
        }
        return paragraphs;
    }

    public static void writeDocx(List<String> paragraphs, OutputStream out) throws IOException {
        try (XWPFDocument document = new XWPFDocument()) {
            BigInteger sectionList = sectionNumbering(document);
            for (String text : paragraphs) {
                XWPFParagraph paragraph = document.createParagraph();
                XWPFRun run = paragraph.createRun();
                Matcher section = SECTION.matcher(text);
                if (section.matches()) {
                    paragraph.setNumID(sectionList);
                    paragraph.setNumILvl(BigInteger.ZERO);
                    run.setBold(true);
                    run.setText(section.group(2));
                } else {
                    run.setText(text);
                }
            }
            document.write(out);
        }
    }

    private static BigInteger sectionNumbering(XWPFDocument document) {
        CTAbstractNum abstractNum = CTAbstractNum.Factory.newInstance();
        abstractNum.setAbstractNumId(BigInteger.ONE);
        CTLvl level = abstractNum.addNewLvl();
        level.setIlvl(BigInteger.ZERO);
        level.addNewStart().setVal(BigInteger.ONE);
        level.addNewNumFmt().setVal(STNumberFormat.CHINESE_COUNTING);
        level.addNewLvlText().setVal("%1、");
        XWPFNumbering numbering = document.createNumbering();
        BigInteger abstractId = numbering.addAbstractNum(new XWPFAbstractNum(abstractNum, numbering));
        return numbering.addNum(abstractId);
    }

    public static void writePdf(List<String> paragraphs, OutputStream out) throws IOException {
        try (PDDocument document = new PDDocument();
             TrueTypeCollection collection = new TrueTypeCollection(CJK_FONT.toFile())) {
            TrueTypeFont ttf = collection.getFontByName("WenQuanYiMicroHei");
            if (ttf == null) {
                throw new IOException("WenQuanYiMicroHei not found in " + CJK_FONT + " (apt-get install fonts-wqy-microhei)");
            }
            PDType0Font font = PDType0Font.load(document, ttf, true);
            PdfPages pages = new PdfPages(document, font);
            for (String paragraph : paragraphs) {
                List<String> lines = wrap(font, paragraph);
                for (int i = 0; i < lines.size(); i++) {
                    pages.line(lines.get(i), i == 0 ? 2 * FONT_SIZE : 0);
                }
            }
            pages.close();
            document.save(out);
        }
    }

    private static List<String> wrap(PDType0Font font, String paragraph) throws IOException {
        float width = PDRectangle.A4.getWidth() - LEFT - RIGHT;
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        float available = width - 2 * FONT_SIZE;
        for (int offset = 0; offset < paragraph.length(); ) {
            int codePoint = paragraph.codePointAt(offset);
            String next = new String(Character.toChars(codePoint));
            if (font.getStringWidth(line + next) / 1000 * FONT_SIZE > available && !line.isEmpty()) {
                lines.add(line.toString());
                line.setLength(0);
                available = width;
            }
            line.append(next);
            offset += Character.charCount(codePoint);
        }
        lines.add(line.toString());
        return lines;
    }

    /** Lays lines top to bottom, starting a new page (header and page number) when one is full. */
    private static final class PdfPages {

        private final PDDocument document;
        private final PDType0Font font;
        private PDPageContentStream stream;
        private float y;
        private int number;

        PdfPages(PDDocument document, PDType0Font font) {
            this.document = document;
            this.font = font;
        }

        void line(String text, float indent) throws IOException {
            if (stream == null || y < BOTTOM) {
                newPage();
            }
            write(text, LEFT + indent, y, FONT_SIZE);
            y -= LEADING;
        }

        private void newPage() throws IOException {
            close();
            PDPage page = new PDPage(PDRectangle.A4);
            document.addPage(page);
            stream = new PDPageContentStream(document, page);
            number++;
            float height = PDRectangle.A4.getHeight();
            write(RUNNING_HEADER, centered(RUNNING_HEADER, 10.5f), height - 50, 10.5f);
            String pageNumber = "— " + number + " —";
            write(pageNumber, centered(pageNumber, 14f), 50, 14f);
            y = height - TOP;
        }

        private float centered(String text, float size) throws IOException {
            return (PDRectangle.A4.getWidth() - font.getStringWidth(text) / 1000 * size) / 2;
        }

        private void write(String text, float x, float atY, float size) throws IOException {
            stream.beginText();
            stream.setFont(font, size);
            stream.newLineAtOffset(x, atY);
            stream.showText(text);
            stream.endText();
        }

        void close() throws IOException {
            if (stream != null) {
                stream.close();
                stream = null;
            }
        }
    }

    /** Markdown paragraphs without their markup (#, **, rules): what a Word or PDF rendering shows. */
    public static List<String> plainParagraphs(String markdown) {
        return paragraphs(markdown.replaceAll("(?m)^#+ *", "").replace("**", "").replaceAll("(?m)^---$", ""));
    }

    /**
     * A long notice for the benchmark: the real notice's header and footer around its four sections repeated
     * {@code copies} times, renumbered 一、 to the last, under {@code docNumber}.
     */
    public static String benchDocument(String notice, int copies, String docNumber) {
        Matcher first = Pattern.compile("(?m)^.*一、充分认识").matcher(notice);
        Matcher footer = Pattern.compile("(?m)^---$").matcher(notice);
        if (!first.find() || !footer.find(first.end())) {
            throw new IllegalArgumentException("not the bundled notice");
        }
        String header = notice.substring(0, first.start()).replace("青总发〔2022〕24号", docNumber);
        String sections = notice.substring(first.start(), footer.start());
        StringBuilder body = new StringBuilder(header);
        Pattern heading = Pattern.compile("(?m)^(#*\\s*\\**)[一二三四]、");
        int number = 0;
        for (int copy = 0; copy < copies; copy++) {
            Matcher matcher = heading.matcher(sections);
            StringBuilder renumbered = new StringBuilder();
            while (matcher.find()) {
                matcher.appendReplacement(renumbered, Matcher.quoteReplacement(matcher.group(1) + numeral(++number) + "、"));
            }
            matcher.appendTail(renumbered);
            body.append(renumbered);
        }
        return body.append(notice.substring(footer.start())).toString();
    }

    private static String numeral(int value) {
        String digits = "〇一二三四五六七八九";
        if (value < 10) {
            return String.valueOf(digits.charAt(value));
        }
        return (value / 10 == 1 ? "" : String.valueOf(digits.charAt(value / 10))) + "十"
                + (value % 10 == 0 ? "" : String.valueOf(digits.charAt(value % 10)));
    }

    /** Pages of a PDF rendering. */
    public static int pdfPages(List<String> paragraphs) throws IOException {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        writePdf(paragraphs, out);
        try (PDDocument document = org.apache.pdfbox.Loader.loadPDF(out.toByteArray())) {
            return document.getNumberOfPages();
        }
    }

    /**
     * Writes the benchmark's inputs into {@code directory}: a notice of at least {@code pages} PDF pages as PDF
     * (doc number 青总发〔2022〕8001号) and as DOCX (8002号), so both import as new notices.
     */
    public static void writeBenchDocuments(String notice, Path directory, int pages) throws IOException {
        int copies = 1;
        while (pdfPages(plainParagraphs(benchDocument(notice, copies, "青总发〔2022〕8001号"))) < pages) {
            copies++;
        }
        Files.createDirectories(directory);
        try (OutputStream pdf = Files.newOutputStream(directory.resolve("notice-" + pages + "p.pdf"))) {
            writePdf(plainParagraphs(benchDocument(notice, copies, "青总发〔2022〕8001号")), pdf);
        }
        try (OutputStream docx = Files.newOutputStream(directory.resolve("notice-" + pages + "p.docx"))) {
            writeDocx(plainParagraphs(benchDocument(notice, copies, "青总发〔2022〕8002号")), docx);
        }
        Files.writeString(directory.resolve("notice-" + pages + "p.txt"), "copies=" + copies + " sections="
                + 4 * copies + " pages=" + pdfPages(plainParagraphs(benchDocument(notice, copies, "x"))) + "\n");
    }

    /** Writes the DOCX and PDF of every corpus text next to it. */
    public static void main(String[] args) throws IOException {
        Path directory = Path.of(args.length > 0 ? args[0] : "src/test/resources/corpus");
        try (var files = Files.list(directory)) {
            for (Path text : files.filter(p -> p.toString().endsWith(".txt")).sorted().toList()) {
                List<String> paragraphs = paragraphs(Files.readString(text, StandardCharsets.UTF_8));
                String base = text.getFileName().toString().replaceFirst("\\.txt$", "");
                try (OutputStream docx = Files.newOutputStream(directory.resolve(base + ".docx"))) {
                    writeDocx(paragraphs, docx);
                }
                try (OutputStream pdf = Files.newOutputStream(directory.resolve(base + ".pdf"))) {
                    writePdf(paragraphs, pdf);
                }
            }
        }
    }
}
