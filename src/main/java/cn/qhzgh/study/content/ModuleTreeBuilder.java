package cn.qhzgh.study.content;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Arranges content paragraphs into the preamble, 一、 sections and （一） subsections. An unmarked paragraph between
 * two subsections continues the previous subsection; unmarked paragraphs after the last subsection of a section
 * are that section's trailing paragraphs.
 */
final class ModuleTreeBuilder {

    private static final String PREAMBLE_CODE = "0";
    private static final String PREAMBLE_TITLE = "前言";

    List<ParsedModule> build(List<SourceParagraph> paragraphs, List<ImportWarning> warnings) {
        List<String> preamble = new ArrayList<>();
        List<SectionDraft> sections = new ArrayList<>();
        for (SourceParagraph paragraph : paragraphs) {
            SectionDraft section = sections.isEmpty() ? null : sections.get(sections.size() - 1);
            Optional<LineSyntax.NumberedText> sectionHeading = paragraph.heading()
                    ? LineSyntax.sectionHeading(paragraph.text())
                    : Optional.empty();
            String text = paragraph.heading() ? LineSyntax.stripHeadingMarkup(paragraph.text()) : paragraph.text();
            Optional<LineSyntax.NumberedText> subsectionStart = LineSyntax.subsectionStart(text);
            if (sectionHeading.isPresent()) {
                sections.add(openSection(sectionHeading.get(), sections.size() + 1, paragraph, warnings));
            } else if (section != null && subsectionStart.isPresent()) {
                section.subsections.add(openSubsection(section, subsectionStart.get(), text, paragraph, warnings));
            } else {
                if (paragraph.heading()) {
                    warnings.add(new ImportWarning(ImportWarning.UNRECOGNISED_HEADING, paragraph.firstLine(), text,
                            "该标题不是“一、”式编号的一级标题，已按普通段落导入，请核对文档结构。"));
                }
                appendBodyParagraph(preamble, section, text);
            }
        }
        return emit(preamble, sections);
    }

    private static SectionDraft openSection(LineSyntax.NumberedText heading, int ordinal, SourceParagraph paragraph,
                                            List<ImportWarning> warnings) {
        warnIfOutOfSequence(heading.number(), ordinal, paragraph, warnings);
        String remainder = heading.remainder();
        if (!LineSyntax.runsOnAfterFirstSentence(remainder)) {
            return new SectionDraft(String.valueOf(ordinal), title(remainder, paragraph, warnings));
        }
        String title = title(LineSyntax.firstSentence(remainder), paragraph, warnings);
        warnings.add(new ImportWarning(ImportWarning.HEADING_RUN_INTO_PARAGRAPH, paragraph.firstLine(),
                ColumnLimits.excerpt(title), "该一级标题与其后的正文连在一起（常见于从 Word 粘贴的文字），已取第一句作为标题，"
                        + "整段文字保留为本节正文，请核对。"));
        SectionDraft section = new SectionDraft(String.valueOf(ordinal), title);
        section.lead.add(remainder);
        return section;
    }

    private static String title(String text, SourceParagraph paragraph, List<ImportWarning> warnings) {
        return ColumnLimits.fit(text, ColumnLimits.MODULE_TITLE, "标题", paragraph.firstLine(), warnings);
    }

    private static SubsectionDraft openSubsection(SectionDraft section, LineSyntax.NumberedText marker, String text,
                                                  SourceParagraph paragraph, List<ImportWarning> warnings) {
        int ordinal = section.subsections.size() + 1;
        warnIfOutOfSequence(marker.number(), ordinal, paragraph, warnings);
        SubsectionDraft subsection = new SubsectionDraft(section.code + "." + ordinal,
                title(LineSyntax.firstSentence(marker.remainder()), paragraph, warnings));
        subsection.paragraphs.add(text);
        return subsection;
    }

    private static void appendBodyParagraph(List<String> preamble, SectionDraft section, String text) {
        if (section == null) {
            preamble.add(text);
        } else if (section.subsections.isEmpty()) {
            section.lead.add(text);
        } else {
            section.subsections.get(section.subsections.size() - 1).paragraphs.add(text);
        }
    }

    /** Codes follow reading order, so a skipped or repeated numeral is reported rather than trusted. */
    private static void warnIfOutOfSequence(int written, int expected, SourceParagraph paragraph,
                                            List<ImportWarning> warnings) {
        if (written != expected) {
            String text = paragraph.text();
            warnings.add(new ImportWarning(ImportWarning.NUMBERING_OUT_OF_SEQUENCE, paragraph.firstLine(),
                    text.substring(0, Math.min(text.length(), 20)),
                    "编号与前文不连续（按顺序应为第" + expected + "个，原文写作第" + written + "个），已按出现顺序编码，请核对是否漏段。"));
        }
    }

    private static List<ParsedModule> emit(List<String> preamble, List<SectionDraft> sections) {
        List<ParsedModule> modules = new ArrayList<>();
        if (!preamble.isEmpty()) {
            modules.add(new ParsedModule(PREAMBLE_CODE, null, PREAMBLE_TITLE, modules.size(), preamble));
        }
        for (SectionDraft section : sections) {
            List<String> trailing = section.detachTrailingParagraphs();
            List<String> sectionParagraphs = new ArrayList<>(section.lead);
            sectionParagraphs.addAll(trailing);
            modules.add(new ParsedModule(section.code, null, section.title, modules.size(), sectionParagraphs));
            for (SubsectionDraft subsection : section.subsections) {
                modules.add(new ParsedModule(subsection.code, section.code, subsection.title, modules.size(),
                        subsection.paragraphs));
            }
        }
        return modules;
    }

    private static final class SectionDraft {

        private final String code;
        private final String title;
        private final List<String> lead = new ArrayList<>();
        private final List<SubsectionDraft> subsections = new ArrayList<>();

        SectionDraft(String code, String title) {
            this.code = code;
            this.title = title;
        }

        /** The last subsection keeps only its marked paragraph; what follows it belongs to the section. */
        List<String> detachTrailingParagraphs() {
            if (subsections.isEmpty()) {
                return List.of();
            }
            List<String> lastParagraphs = subsections.get(subsections.size() - 1).paragraphs;
            List<String> trailing = new ArrayList<>(lastParagraphs.subList(1, lastParagraphs.size()));
            lastParagraphs.subList(1, lastParagraphs.size()).clear();
            return trailing;
        }
    }

    private static final class SubsectionDraft {

        private final String code;
        private final String title;
        private final List<String> paragraphs = new ArrayList<>();

        SubsectionDraft(String code, String title) {
            this.code = code;
            this.title = title;
        }
    }
}
