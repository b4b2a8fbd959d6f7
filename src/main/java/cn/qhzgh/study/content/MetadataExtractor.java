package cn.qhzgh.study.content;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;

/**
 * Reads the header (issuer, doc number, title, addressees) and the footer (抄送, issuing office, date) of a notice
 * and tells where the content lies between them. The footer starts at the first horizontal rule, 抄送 line or
 * 印发 date line after the first section heading.
 */
final class MetadataExtractor {

    private static final Pattern DOC_NUMBER = Pattern.compile("\\p{IsHan}{1,12}[〔［\\[]\\d{4}[〕］\\]]\\d{1,4}号");
    private static final Pattern ISSUE_DATE = Pattern.compile("(\\d{4})年(\\d{1,2})月(\\d{1,2})日\\s*印发$");
    private static final String ISSUER_HEADER_SUFFIX = "文件";
    private static final String CC_PREFIX = "抄送";
    private static final String ADDRESSEE_ENDINGS = "：:";

    NoticeFrame read(List<SourceLine> lines) {
        int firstSection = indexOf(lines, 0, lines.size(), line -> LineSyntax.sectionHeading(line.text()).isPresent());
        int docNumberIndex = indexOf(lines, 0, firstSection < 0 ? lines.size() : firstSection,
                line -> DOC_NUMBER.matcher(line.text()).find());
        requireRecognisable(docNumberIndex, firstSection);

        String issuer = issuer(lines.subList(0, docNumberIndex));
        int addresseeIndex = addresseeIndex(lines, docNumberIndex + 1, firstSection);
        int titleEnd = addresseeIndex >= 0 ? addresseeIndex : headingRunEnd(lines, docNumberIndex + 1, firstSection);
        int contentStart = addresseeIndex >= 0 ? addresseeIndex + 1 : titleEnd;
        int footerStart = footerStart(lines, firstSection);
        List<SourceLine> footer = lines.subList(footerStart, lines.size());
        int dateIndex = indexOf(footer, 0, footer.size(), line -> ISSUE_DATE.matcher(line.text()).find());
        MatchResult date = dateIndex < 0 ? null : firstMatch(ISSUE_DATE, footer.get(dateIndex));

        List<ImportWarning> warnings = new ArrayList<>();
        int headerLine = lines.get(docNumberIndex).number();
        int footerLine = footerStart < lines.size() ? lines.get(footerStart).number() : headerLine;
        NoticeMetadata metadata = new NoticeMetadata(
                firstMatch(DOC_NUMBER, lines.get(docNumberIndex)).group(),
                ColumnLimits.fit(issuer, ColumnLimits.ISSUER, "发文机关", headerLine, warnings),
                title(lines.subList(docNumberIndex + 1, titleEnd), issuer, warnings),
                date == null ? null : issueDate(date),
                addresseeIndex < 0 ? null : ColumnLimits.fit(addressees(lines.get(addresseeIndex)),
                        ColumnLimits.ADDRESSEES, "主送机关", lines.get(addresseeIndex).number(), warnings),
                ColumnLimits.fit(ccLine(footer), ColumnLimits.CC_LINE, "抄送", footerLine, warnings),
                date == null ? null : ColumnLimits.fit(issuingOffice(footer, dateIndex, date),
                        ColumnLimits.ISSUING_OFFICE, "印发机关", footer.get(dateIndex).number(), warnings));
        return new NoticeFrame(metadata, lines.subList(contentStart, footerStart), warnings);
    }

    private static void requireRecognisable(int docNumberIndex, int firstSection) {
        List<String> problems = new ArrayList<>();
        if (docNumberIndex < 0) {
            problems.add("未找到发文字号（应有一行形如“青总发〔2022〕24号”，位于第一个一级标题之前）。");
        }
        if (firstSection < 0) {
            problems.add("未找到任何一级标题（应有以“一、”“二、”等编号开头的标题行）。");
        }
        if (!problems.isEmpty()) {
            throw new NoticeFormatException(problems);
        }
    }

    private static MatchResult firstMatch(Pattern pattern, SourceLine line) {
        return pattern.matcher(line.text()).results().findFirst().orElseThrow();
    }

    private static String issuer(List<SourceLine> headerLines) {
        return headerLines.stream()
                .map(line -> LineSyntax.stripHeadingMarkup(line.text()))
                .filter(text -> text.length() > ISSUER_HEADER_SUFFIX.length() && text.endsWith(ISSUER_HEADER_SUFFIX))
                .map(text -> text.substring(0, text.length() - ISSUER_HEADER_SUFFIX.length()).strip())
                .findFirst()
                .orElse(null);
    }

    /** The addressee line ends with a colon; a sentence ending first means the preamble began without one. */
    private static int addresseeIndex(List<SourceLine> lines, int from, int to) {
        for (int index = from; index < to; index++) {
            String text = lines.get(index).text();
            if (text.isEmpty() || LineSyntax.isHeading(text)) {
                continue;
            }
            if (ADDRESSEE_ENDINGS.indexOf(text.charAt(text.length() - 1)) >= 0) {
                return index;
            }
            if (LineSyntax.endsWithTerminalPunctuation(text)) {
                return -1;
            }
        }
        return -1;
    }

    /** Without an addressee line the title is the run of heading or unpunctuated lines after the doc number. */
    private static int headingRunEnd(List<SourceLine> lines, int from, int to) {
        int end = from;
        for (int index = from; index < to; index++) {
            String text = lines.get(index).text();
            if (text.isEmpty()) {
                continue;
            }
            if (!LineSyntax.isHeading(text) && LineSyntax.endsWithTerminalPunctuation(text)) {
                break;
            }
            end = index + 1;
        }
        return end;
    }

    /** A title that runs on into the paragraph after it keeps its first sentence, as subsection titles do. */
    private static String title(List<SourceLine> titleLines, String issuer, List<ImportWarning> warnings) {
        StringBuilder title = new StringBuilder();
        titleLines.stream()
                .filter(line -> !line.isBlank())
                .forEach(line -> title.append(LineSyntax.stripHeadingMarkup(line.text())));
        String text = title.toString();
        if (issuer != null && text.startsWith(issuer)) {
            text = text.substring(issuer.length()).strip();
        }
        if (text.isEmpty()) {
            return null;
        }
        int line = titleLines.stream().filter(l -> !l.isBlank()).findFirst().orElseThrow().number();
        if (LineSyntax.runsOnAfterFirstSentence(text)) {
            text = LineSyntax.firstSentence(text);
            warnings.add(new ImportWarning(ImportWarning.HEADING_RUN_INTO_PARAGRAPH, line, ColumnLimits.excerpt(text),
                    "通知标题与其后的正文连在一起（常见于从 Word 粘贴的文字），已取第一句作为标题，其后的文字未导入，"
                            + "请在原文中把标题与正文分段后重新导入。"));
        }
        return ColumnLimits.fit(text, ColumnLimits.NOTICE_TITLE, "通知标题", line, warnings);
    }

    private static String addressees(SourceLine line) {
        String text = line.text();
        return text.substring(0, text.length() - 1).strip();
    }

    private static int footerStart(List<SourceLine> lines, int firstSection) {
        int footerStart = indexOf(lines, firstSection + 1, lines.size(), line -> LineSyntax.isHorizontalRule(line.text())
                || isCcLine(line.text())
                || ISSUE_DATE.matcher(line.text()).find());
        return footerStart < 0 ? lines.size() : footerStart;
    }

    private static String ccLine(List<SourceLine> footer) {
        return footer.stream()
                .map(SourceLine::text)
                .filter(MetadataExtractor::isCcLine)
                .map(text -> text.substring(CC_PREFIX.length() + 1).strip())
                .findFirst()
                .orElse(null);
    }

    private static boolean isCcLine(String text) {
        return text.startsWith(CC_PREFIX + "：") || text.startsWith(CC_PREFIX + ":");
    }

    private static LocalDate issueDate(MatchResult date) {
        try {
            return LocalDate.of(Integer.parseInt(date.group(1)), Integer.parseInt(date.group(2)),
                    Integer.parseInt(date.group(3)));
        } catch (DateTimeException impossibleDate) {
            return null;
        }
    }

    /** The office is written before the date on the same line, or on the nearest line above it. */
    private static String issuingOffice(List<SourceLine> footer, int dateIndex, MatchResult date) {
        String sameLine = footer.get(dateIndex).text().substring(0, date.start()).strip();
        if (!sameLine.isEmpty()) {
            return sameLine;
        }
        for (int index = dateIndex - 1; index >= 0; index--) {
            String text = footer.get(index).text();
            if (isCcLine(text)) {
                return null;
            }
            if (!text.isEmpty() && !LineSyntax.isHorizontalRule(text)) {
                return text;
            }
        }
        return null;
    }

    private static int indexOf(List<SourceLine> lines, int from, int to, Predicate<SourceLine> condition) {
        for (int index = from; index < to; index++) {
            if (condition.test(lines.get(index))) {
                return index;
            }
        }
        return -1;
    }
}
