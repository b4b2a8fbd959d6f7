package cn.qhzgh.study.content;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;

/**
 * Reads the header (issuer, doc number, title with the date under it, addressees), the signature block (signer and
 * date) and the footer (抄送, issuing office, date) of an official document and tells where the content lies between
 * them. Every field is optional; the content starts at the first section heading, or the first numbered item when
 * the document has no 一、 headings. The footer starts at the first horizontal rule, 抄送 line or 印发 date line
 * after the content begins.
 */
final class MetadataExtractor {

    private static final Pattern DOC_NUMBER = Pattern.compile("\\p{IsHan}{1,12}[〔［\\[（(]\\d{4}[〕］\\]）)]\\d{1,4}号");
    private static final Pattern ISSUE_DATE = Pattern.compile(IssueDates.DATE + "\\s*印发$");
    private static final String ISSUER_HEADER_SUFFIX = "文件";
    private static final String CC_PREFIX = "抄送";
    private static final String ADDRESSEE_ENDINGS = "：:";
    private static final int SIGNER_MAX_LENGTH = 40;
    private static final int SIGNER_MAX_LINES = 2;

    NoticeFrame read(List<SourceLine> lines) {
        int firstSection = firstStructureLine(lines);
        if (firstSection < 0) {
            throw new NoticeFormatException(List.of("未找到任何一级标题或编号条目（应有以“一、”“（一）”或“1．”等编号开头的标题行）。"));
        }
        int docNumberIndex = indexOf(lines, 0, firstSection, line -> DOC_NUMBER.matcher(line.text()).find());
        int headerIndex = indexOf(lines, 0, docNumberIndex < 0 ? firstSection : docNumberIndex,
                line -> headerIssuer(line.text()) != null);
        String headerIssuer = headerIndex < 0 ? null : headerIssuer(lines.get(headerIndex).text());
        int titleFrom = Math.max(docNumberIndex, headerIndex) + 1;
        int addresseeIndex = addresseeIndex(lines, titleFrom, firstSection);
        int titleEnd = addresseeIndex >= 0 ? addresseeIndex : headingRunEnd(lines, titleFrom, firstSection);
        int contentStart = addresseeIndex >= 0 ? addresseeIndex + 1 : titleEnd;
        int footerStart = footerStart(lines, firstSection);
        CoverLetter cover = coverLetter(lines, contentStart, firstSection);
        List<SourceLine> footer = lines.subList(footerStart, lines.size());
        int dateIndex = indexOf(footer, 0, footer.size(), line -> ISSUE_DATE.matcher(line.text()).find());
        if (dateIndex < 0 && cover != null && cover.printedIndex >= 0) {
            footer = lines.subList(cover.printedIndex, cover.printedIndex + 1);
            dateIndex = 0;
        }
        MatchResult printed = dateIndex < 0 ? null : firstMatch(ISSUE_DATE, footer.get(dateIndex));
        Signature closing = signature(lines, firstSection, footerStart);
        Signature signature = closing != null ? closing : cover == null ? null : cover.signature;
        List<SourceLine> titleLines = lines.subList(titleFrom, titleEnd);
        if (titleLines.stream().allMatch(SourceLine::isBlank) && docNumberIndex > headerIndex + 1) {
            // Many documents print the title above the doc number (鲁政发, 鄂政发 …).
            titleLines = lines.subList(headerIndex + 1, docNumberIndex);
        }
        LocalDate dateUnderTitle = titleLines.stream().map(SourceLine::text).filter(IssueDates::isDateLine)
                .findFirst().flatMap(IssueDates::firstDate).orElse(null);

        List<ImportWarning> warnings = new ArrayList<>();
        int headerLine = lines.get(Math.max(0, Math.min(titleFrom, lines.size() - 1))).number();
        int footerLine = footerStart < lines.size() ? lines.get(footerStart).number() : headerLine;
        String issuer = headerIssuer != null ? headerIssuer : signature == null ? null : signature.signer;
        LocalDate issueDate = signature != null && signature.date != null ? signature.date
                : dateUnderTitle != null ? dateUnderTitle
                : printed == null ? null : IssueDates.of(printed.group(1), printed.group(2), printed.group(3)).orElse(null);
        NoticeMetadata metadata = new NoticeMetadata(
                docNumberIndex < 0 ? null : firstMatch(DOC_NUMBER, lines.get(docNumberIndex)).group(),
                ColumnLimits.fit(issuer, ColumnLimits.ISSUER, "发文机关", headerLine, warnings),
                title(titleLines, headerIssuer, warnings),
                issueDate,
                addresseeIndex < 0 ? null : ColumnLimits.fit(addressees(lines.get(addresseeIndex)),
                        ColumnLimits.ADDRESSEES, "主送机关", lines.get(addresseeIndex).number(), warnings),
                ColumnLimits.fit(ccLine(footer), ColumnLimits.CC_LINE, "抄送", footerLine, warnings),
                printed == null ? null : ColumnLimits.fit(issuingOffice(footer, dateIndex, printed),
                        ColumnLimits.ISSUING_OFFICE, "印发机关", footer.get(dateIndex).number(), warnings),
                signature == null ? null : ColumnLimits.fit(signature.text(), ColumnLimits.SIGNATURE, "落款",
                        footerLine, warnings));
        int contentEnd = closing == null ? footerStart : closing.start;
        List<SourceLine> content = new ArrayList<>(lines.subList(contentStart, Math.max(contentStart, contentEnd)));
        if (cover != null) {
            warnings.add(new ImportWarning(ImportWarning.COVER_LETTER_FRAME, lines.get(cover.signature.start).number(),
                    ColumnLimits.excerpt(cover.signature.text()), "印发通知的落款、印发行和附件标题（第"
                            + lines.get(cover.signature.start).number() + "至" + lines.get(cover.resumeAt - 1).number()
                            + "行）已作为元数据读取，未导入正文，请核对。"));
            content.subList(cover.signature.start - contentStart, cover.resumeAt - contentStart).clear();
        }
        return new NoticeFrame(metadata, content, warnings);
    }

    /** The cover letter of a 印发 notice: its signature, then the 印发 line and the attached text's title. */
    private record CoverLetter(Signature signature, int resumeAt, int printedIndex) {
    }

    private static CoverLetter coverLetter(List<SourceLine> lines, int from, int to) {
        int dateIndex = indexOf(lines, from + 1, to, line -> IssueDates.isDateLine(line.text())
                && !line.text().replace("**", "").strip().startsWith("（")
                && !line.text().replace("**", "").strip().startsWith("("));
        if (dateIndex < 0) {
            return null;
        }
        Signature signature = signatureAt(lines, from, dateIndex);
        int resumeAt = dateIndex + 1;
        int printedIndex = -1;
        while (resumeAt < to) {
            String text = lines.get(resumeAt).text();
            if (ISSUE_DATE.matcher(text).find()) {
                printedIndex = resumeAt;
            } else if (!text.isEmpty() && !isPublicityNote(text) && !LineSyntax.isHorizontalRule(text)
                    && (LineSyntax.endsWithTerminalPunctuation(text) || LineSyntax.itemStart(text).isPresent())) {
                break;
            }
            resumeAt++;
        }
        return new CoverLetter(signature, resumeAt, printedIndex);
    }
    /** The signer lines and date closing the content, e.g. 青海省总工会 / 2022年11月15日. */
    private record Signature(int start, String signer, LocalDate date, String dateText) {

        String text() {
            return signer == null ? dateText : signer + " " + dateText;
        }
    }

    /** The first 一、 heading; without one, the first line opening the highest numbering level the document uses. */
    static int firstStructureLine(List<SourceLine> lines) {
        int section = indexOf(lines, 0, lines.size(), line -> LineSyntax.sectionHeading(line.text()).isPresent());
        if (section >= 0) {
            return section;
        }
        for (int level = 2; level <= 3; level++) {
            int wanted = level;
            int found = indexOf(lines, 0, lines.size(), line -> LineSyntax.itemStart(
                    LineSyntax.stripHeadingMarkup(line.text())).filter(n -> n.level() == wanted).isPresent());
            if (found >= 0) {
                return found;
            }
        }
        return -1;
    }

    private static String headerIssuer(String line) {
        String text = LineSyntax.stripHeadingMarkup(line);
        return text.length() > ISSUER_HEADER_SUFFIX.length() && text.endsWith(ISSUER_HEADER_SUFFIX)
                && !LineSyntax.endsWithTerminalPunctuation(text) && !text.contains("关于")
                ? text.substring(0, text.length() - ISSUER_HEADER_SUFFIX.length()).strip()
                : null;
    }

    private static Signature signature(List<SourceLine> lines, int from, int to) {
        int last = lastNonBlank(lines, from, to);
        if (last >= 0 && isPublicityNote(lines.get(last).text())) {
            last = lastNonBlank(lines, from, last);
        }
        if (last < 0 || !IssueDates.isDateLine(lines.get(last).text())
                || lines.get(last).text().replace("**", "").strip().startsWith("（")) {
            return null;
        }
        return signatureAt(lines, from, last);
    }

    private static Signature signatureAt(List<SourceLine> lines, int from, int last) {
        String dateText = lines.get(last).text().strip();
        int start = last;
        List<String> signers = new ArrayList<>();
        for (int index = lastNonBlank(lines, from, last); index > from && signers.size() < SIGNER_MAX_LINES;
             index = lastNonBlank(lines, from, index)) {
            String text = lines.get(index).text();
            if (!isSignerLine(text)) {
                break;
            }
            signers.add(0, LineSyntax.stripHeadingMarkup(text));
            start = index;
        }
        return new Signature(start, signers.isEmpty() ? null : String.join(" ", signers),
                IssueDates.firstDate(dateText).orElse(null), dateText);
    }

    private static boolean isSignerLine(String text) {
        return text.codePointCount(0, text.length()) <= SIGNER_MAX_LENGTH && !LineSyntax.endsWithTerminalPunctuation(text)
                && !LineSyntax.isHeading(text) && LineSyntax.itemStart(text).isEmpty() && !LineSyntax.isPageNumber(text)
                && !LineSyntax.isTableRow(text) && text.indexOf('，') < 0;
    }

    private static boolean isPublicityNote(String text) {
        return text.matches("^[（(]此件.{0,8}[）)]$");
    }

    private static int lastNonBlank(List<SourceLine> lines, int from, int before) {
        for (int index = before - 1; index >= from; index--) {
            String text = lines.get(index).text();
            if (!text.isEmpty() && !LineSyntax.isHorizontalRule(text)) {
                return index;
            }
        }
        return -1;
    }

    private static MatchResult firstMatch(Pattern pattern, SourceLine line) {
        return pattern.matcher(line.text()).results().findFirst().orElseThrow();
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

    /**
     * A title may span lines; a date line under it is metadata, not title. A title that runs on into the paragraph
     * after it keeps its first sentence, as subsection titles do.
     */
    private static String title(List<SourceLine> titleLines, String issuer, List<ImportWarning> warnings) {
        StringBuilder title = new StringBuilder();
        titleLines.stream()
                .filter(line -> !line.isBlank() && !IssueDates.isDateLine(line.text()))
                .forEach(line -> title.append(LineSyntax.stripHeadingMarkup(line.text())));
        String text = title.toString();
        if (issuer != null && text.startsWith(issuer)) {
            text = text.substring(issuer.length()).strip();
        }
        if (text.isEmpty()) {
            return null;
        }
        int line = titleLines.stream().filter(l -> !l.isBlank()).findFirst().map(SourceLine::number).orElse(1);
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
                && !LineSyntax.isTableRule(line.text())
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
