package cn.qhzgh.study.content;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Arranges content paragraphs into the preamble, top-level sections and their modules, following the four
 * numbering levels of GB/T 9704-2012 (一、 / （一） / 1． / （1）). Sections are the 一、 headings (or the highest level
 * the document uses); a section's modules are its （一） items, or its 1． items when it has no （一）; deeper levels stay
 * inside the module text. An unmarked paragraph between two items continues the previous item; unmarked paragraphs
 * after a last item written as one run-in paragraph are the section's trailing paragraphs. Modules longer than a
 * phone reader's limit are then split by {@link ModuleSplitter}.
 */
final class ModuleTreeBuilder {

    static final int SECTION_LEVEL = 1;
    private static final int DEEPEST_MODULE_LEVEL = 3;
    private static final String PREAMBLE_CODE = "0";
    private static final String PREAMBLE_TITLE = "前言";

    private final ModuleSplitter splitter;

    ModuleTreeBuilder(int maxModuleChars) {
        this.splitter = new ModuleSplitter(maxModuleChars);
    }

    /** A paragraph with its numbering level (0 when unnumbered) as the tree builder reads it. */
    record Item(SourceParagraph source, int level, int number, String remainder, String text) {
    }

    List<ParsedModule> build(List<SourceParagraph> paragraphs, List<ImportWarning> warnings) {
        List<Item> items = paragraphs.stream().map(ModuleTreeBuilder::classify).toList();
        int top = topLevel(items);
        Node preamble = new Node(PREAMBLE_CODE, null, PREAMBLE_TITLE, 0);
        List<Node> sections = new ArrayList<>();
        List<List<Item>> bodies = new ArrayList<>();
        for (Item item : items) {
            if (top > 0 && item.level() == top) {
                sections.add(openSection(item, sections.size() + 1, warnings));
                bodies.add(new ArrayList<>());
            } else if (sections.isEmpty()) {
                warnIfUnrecognisedHeading(item, warnings);
                preamble.add(item);
            } else {
                warnIfUnrecognisedHeading(item, warnings);
                bodies.get(bodies.size() - 1).add(item);
            }
        }
        for (int index = 0; index < sections.size(); index++) {
            arrangeSection(sections.get(index), bodies.get(index), warnings);
        }
        List<Node> roots = new ArrayList<>();
        if (!preamble.paragraphs.isEmpty()) {
            roots.add(preamble);
        }
        roots.addAll(sections);
        List<ParsedModule> modules = new ArrayList<>();
        for (Node root : roots) {
            emit(root, modules, warnings);
        }
        return modules;
    }

    /** The level that opens sections: 一、 when the document has any, else the highest level it uses. */
    static int topLevel(List<Item> items) {
        int top = 0;
        for (Item item : items) {
            if (item.level() > 0 && item.level() <= DEEPEST_MODULE_LEVEL && (top == 0 || item.level() < top)) {
                top = item.level();
            }
        }
        return top;
    }

    private static Item classify(SourceParagraph paragraph) {
        if (paragraph.heading()) {
            Optional<LineSyntax.NumberedText> section = LineSyntax.sectionHeading(paragraph.text());
            if (section.isPresent()) {
                return new Item(paragraph, SECTION_LEVEL, section.get().number(), section.get().remainder(),
                        LineSyntax.stripHeadingMarkup(paragraph.text()));
            }
        }
        String text = paragraph.heading() ? LineSyntax.stripHeadingMarkup(paragraph.text()) : paragraph.text();
        return LineSyntax.itemStart(text)
                .map(n -> new Item(paragraph, n.level(), n.number(), n.remainder(), text))
                .orElseGet(() -> new Item(paragraph, 0, 0, null, text));
    }

    private static void warnIfUnrecognisedHeading(Item item, List<ImportWarning> warnings) {
        if (item.source().heading() && item.level() == 0) {
            warnings.add(new ImportWarning(ImportWarning.UNRECOGNISED_HEADING, item.source().firstLine(), item.text(),
                    "该标题不是“一、”式编号的一级标题，已按普通段落导入，请核对文档结构。"));
        }
    }

    private static Node openSection(Item item, int ordinal, List<ImportWarning> warnings) {
        warnIfOutOfSequence(item.number(), ordinal, item, warnings);
        String code = String.valueOf(ordinal);
        if (item.level() != SECTION_LEVEL) {
            Node section = new Node(code, null, title(LineSyntax.firstSentence(item.remainder()), item, warnings),
                    item.level());
            section.add(item);
            return section;
        }
        String remainder = item.remainder();
        if (!LineSyntax.runsOnAfterFirstSentence(remainder)) {
            return new Node(code, null, title(remainder, item, warnings), SECTION_LEVEL);
        }
        String title = title(LineSyntax.firstSentence(remainder), item, warnings);
        warnings.add(new ImportWarning(ImportWarning.HEADING_RUN_INTO_PARAGRAPH, item.source().firstLine(),
                ColumnLimits.excerpt(title), "该一级标题与其后的正文连在一起（常见于从 Word 粘贴的文字），已取第一句作为标题，"
                        + "整段文字保留为本节正文，请核对。"));
        Node section = new Node(code, null, title, SECTION_LEVEL);
        section.add(new Item(item.source(), 0, 0, null, remainder));
        return section;
    }

    /** Splits a section's body into its lead, its module items and the paragraphs trailing the last item. */
    private static void arrangeSection(Node section, List<Item> body, List<ImportWarning> warnings) {
        int childLevel = body.stream().mapToInt(Item::level)
                .filter(level -> level > section.level && level <= DEEPEST_MODULE_LEVEL).min().orElse(0);
        if (childLevel == 0) {
            body.forEach(section::add);
            return;
        }
        Node child = null;
        for (Item item : body) {
            if (item.level() == childLevel) {
                int ordinal = section.children.size() + 1;
                warnIfOutOfSequence(item.number(), ordinal, item, warnings);
                child = new Node(section.code + "." + ordinal, section.code,
                        title(LineSyntax.firstSentence(item.remainder()), item, warnings), childLevel);
                child.add(item);
                section.children.add(child);
            } else if (child == null) {
                section.add(item);
            } else {
                child.add(item);
            }
        }
        detachTrailing(section, child);
    }

    /** A last item written as one run-in paragraph ends there; unnumbered paragraphs after it close the section. */
    private static void detachTrailing(Node section, Node last) {
        if (last.items.size() < 2 || !LineSyntax.runsOnAfterFirstSentence(last.items.get(0).remainder())) {
            return;
        }
        List<Item> following = last.items.subList(1, last.items.size());
        if (following.stream().anyMatch(item -> item.level() > 0)) {
            return;
        }
        List<Item> trailing = new ArrayList<>(following);
        following.clear();
        last.paragraphs.subList(1, last.paragraphs.size()).clear();
        trailing.forEach(section::add);
    }

    private void emit(Node node, List<ParsedModule> modules, List<ImportWarning> warnings) {
        if (node.children.isEmpty()) {
            splitter.split(node, warnings);
        } else if (node.charCount() > splitter.maxChars()) {
            warnings.add(splitter.longModule(node));
        }
        modules.add(new ParsedModule(node.code, node.parentCode, node.title, modules.size(), node.paragraphs));
        for (Node child : node.children) {
            emit(child, modules, warnings);
        }
    }

    static String title(String text, Item item, List<ImportWarning> warnings) {
        return ColumnLimits.fit(text, ColumnLimits.MODULE_TITLE, "标题", item.source().firstLine(), warnings);
    }

    /** Codes follow reading order, so a skipped or repeated numeral is reported rather than trusted. */
    private static void warnIfOutOfSequence(int written, int expected, Item item, List<ImportWarning> warnings) {
        if (written != expected) {
            String text = item.source().text();
            warnings.add(new ImportWarning(ImportWarning.NUMBERING_OUT_OF_SEQUENCE, item.source().firstLine(),
                    text.substring(0, Math.min(text.length(), 20)),
                    "编号与前文不连续（按顺序应为第" + expected + "个，原文写作第" + written + "个），已按出现顺序编码，请核对是否漏段。"));
        }
    }

    /** A module while the tree is built: its own paragraphs (with their numbering) and its child modules. */
    static final class Node {

        final String code;
        final String parentCode;
        final String title;
        final int level;
        final List<Item> items = new ArrayList<>();
        final List<String> paragraphs = new ArrayList<>();
        final List<Node> children = new ArrayList<>();

        Node(String code, String parentCode, String title, int level) {
            this.code = code;
            this.parentCode = parentCode;
            this.title = title;
            this.level = level;
        }

        void add(Item item) {
            items.add(item);
            paragraphs.add(item.text());
        }

        int charCount() {
            return paragraphs.stream().mapToInt(String::length).sum();
        }
    }
}
