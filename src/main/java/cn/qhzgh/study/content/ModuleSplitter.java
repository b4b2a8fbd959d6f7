package cn.qhzgh.study.content;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a module a phone reader needs more than the limit for: at its next numbering level when it has at least two
 * items there, else at paragraph boundaries. The module keeps its title and its text before the first part, and the
 * parts become its children ({@code 2.1} gets {@code 2.1.1}, {@code 2.1.2}…), split again while still too long.
 */
final class ModuleSplitter {

    private static final int DEEPEST_LEVEL = 4;
    private static final int MAX_CODE_LENGTH = 16;

    private final int maxChars;

    ModuleSplitter(int maxChars) {
        this.maxChars = maxChars;
    }

    int maxChars() {
        return maxChars;
    }

    void split(ModuleTreeBuilder.Node node, List<ImportWarning> warnings) {
        if (node.charCount() <= maxChars) {
            return;
        }
        if (node.code.length() + 3 > MAX_CODE_LENGTH) {
            warnings.add(longModule(node));
            return;
        }
        int first = bodyStart(node);
        List<ModuleTreeBuilder.Item> body = node.items.subList(Math.min(first, node.items.size()), node.items.size());
        int next = body.stream().mapToInt(ModuleTreeBuilder.Item::level)
                .filter(level -> level > node.level && level <= DEEPEST_LEVEL).min().orElse(0);
        boolean byNumbering = next > 0 && body.stream().filter(item -> item.level() == next).count() >= 2;
        List<ModuleTreeBuilder.Node> parts = byNumbering ? byNumbering(node, next, warnings) : byParagraphs(node, warnings);
        if (parts.size() < 2) {
            warnings.add(longModule(node));
            return;
        }
        warnings.add(new ImportWarning(ImportWarning.MODULE_SPLIT, firstLine(node), ColumnLimits.excerpt(node.title),
                "该模块约" + node.charCount() + "字，超过手机阅读约8分钟的上限，已" + (byNumbering ? "按下一级编号" : "按段落")
                        + "拆分为" + parts.size() + "个子模块，放在原模块之下。"));
        int keep = byNumbering ? indexOfLevel(node.items, next, first) : 0;
        node.items.subList(keep, node.items.size()).clear();
        node.paragraphs.subList(keep, node.paragraphs.size()).clear();
        node.children.addAll(parts);
        parts.forEach(part -> split(part, warnings));
    }

    ImportWarning longModule(ModuleTreeBuilder.Node node) {
        return new ImportWarning(ImportWarning.LONG_MODULE, firstLine(node), ColumnLimits.excerpt(node.title),
                "该模块约" + node.charCount() + "字，超过手机阅读约8分钟的上限，但没有可拆分的下一级编号或段落，已整体保留。");
    }

    private static List<ModuleTreeBuilder.Node> byNumbering(ModuleTreeBuilder.Node node, int level,
                                                           List<ImportWarning> warnings) {
        List<ModuleTreeBuilder.Node> parts = new ArrayList<>();
        ModuleTreeBuilder.Node part = null;
        for (int index = indexOfLevel(node.items, level, bodyStart(node)); index < node.items.size(); index++) {
            ModuleTreeBuilder.Item item = node.items.get(index);
            if (item.level() == level) {
                part = new ModuleTreeBuilder.Node(node.code + "." + (parts.size() + 1), node.code,
                        ModuleTreeBuilder.title(LineSyntax.firstSentence(item.remainder()), item, warnings), level);
                parts.add(part);
            }
            part.add(item);
        }
        return parts;
    }

    /** Consecutive paragraphs up to the limit; a single paragraph over it stays whole. */
    private List<ModuleTreeBuilder.Node> byParagraphs(ModuleTreeBuilder.Node node, List<ImportWarning> warnings) {
        List<List<ModuleTreeBuilder.Item>> chunks = new ArrayList<>();
        List<ModuleTreeBuilder.Item> chunk = new ArrayList<>();
        int chars = 0;
        for (ModuleTreeBuilder.Item item : node.items) {
            if (!chunk.isEmpty() && chars + item.text().length() > maxChars) {
                chunks.add(chunk);
                chunk = new ArrayList<>();
                chars = 0;
            }
            chunk.add(item);
            chars += item.text().length();
        }
        chunks.add(chunk);
        List<ModuleTreeBuilder.Node> parts = new ArrayList<>();
        for (List<ModuleTreeBuilder.Item> items : chunks) {
            String title = node.title + "（" + (parts.size() + 1) + "/" + chunks.size() + "）";
            ModuleTreeBuilder.Node part = new ModuleTreeBuilder.Node(node.code + "." + (parts.size() + 1), node.code,
                    ModuleTreeBuilder.title(title, items.get(0), warnings), DEEPEST_LEVEL + 1);
            items.forEach(part::add);
            parts.add(part);
        }
        return parts;
    }

    private static int indexOfLevel(List<ModuleTreeBuilder.Item> items, int level, int from) {
        for (int index = from; index < items.size(); index++) {
            if (items.get(index).level() == level) {
                return index;
            }
        }
        return items.size();
    }

    /** Items of a numbered module start with its own marker paragraph, which is not a part. */
    private static int bodyStart(ModuleTreeBuilder.Node node) {
        return node.level > 0 && !node.items.isEmpty() && node.items.get(0).level() == node.level ? 1 : 0;
    }

    private static int firstLine(ModuleTreeBuilder.Node node) {
        return node.items.isEmpty() ? 0 : node.items.get(0).source().firstLine();
    }
}
