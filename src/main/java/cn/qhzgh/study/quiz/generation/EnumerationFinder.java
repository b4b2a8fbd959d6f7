package cn.qhzgh.study.quiz.generation;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Finds lists of three or more parallel items joined by 、 (the last one possibly by 和 or 及) whose items share an
 * {@link Affix}. Middle items are delimited by 、 on both sides; the first and last items are cut out of their
 * clause by the shared affix, or by the typical item length when only the other end is shared: 坚定道路自信、理论自信
 * yields 道路自信, and 社会主义经济建设、政治建设 yields 经济建设 as its first item.
 */
final class EnumerationFinder {

    record Enumeration(int start, int end, List<String> items) {
    }

    private static final String BOUNDARIES = "，。；：！？“”《》（）\n";
    private static final String JOINERS = "和及";
    private static final int MIN_ITEMS = 3;
    private static final int MAX_ITEM_LENGTH = 12;

    List<Enumeration> find(String paragraph) {
        List<Enumeration> found = new ArrayList<>();
        List<Integer> run = new ArrayList<>();
        for (int i = 0; i < paragraph.length(); i++) {
            if (paragraph.charAt(i) != '、') {
                continue;
            }
            if (!run.isEmpty() && !cleanSegment(paragraph, run.get(run.size() - 1) + 1, i)) {
                parse(paragraph, run).ifPresent(found::add);
                run.clear();
            }
            run.add(i);
        }
        if (!run.isEmpty()) {
            parse(paragraph, run).ifPresent(found::add);
        }
        return found;
    }

    private static Optional<Enumeration> parse(String paragraph, List<Integer> separators) {
        int first = separators.get(0);
        int headStart = first;
        while (headStart > 0 && BOUNDARIES.indexOf(paragraph.charAt(headStart - 1)) < 0) {
            headStart--;
        }
        int afterLast = separators.get(separators.size() - 1) + 1;
        int tailEnd = afterLast;
        while (tailEnd < paragraph.length() && BOUNDARIES.indexOf(paragraph.charAt(tailEnd)) < 0) {
            tailEnd++;
        }
        List<String> middles = new ArrayList<>();
        for (int i = 1; i < separators.size(); i++) {
            middles.add(paragraph.substring(separators.get(i - 1) + 1, separators.get(i)));
        }
        // 甲、乙和丙: 乙 is delimited by 、 and 和 and serves as the middle item.
        int joiner = middles.isEmpty() ? firstJoiner(paragraph, afterLast, tailEnd) : -1;
        if (middles.isEmpty() && joiner < 0) {
            return Optional.empty();
        }
        if (joiner >= 0) {
            middles.add(paragraph.substring(afterLast, joiner));
        }
        int tailStart = joiner >= 0 ? joiner + 1 : afterLast;
        return items(paragraph.substring(headStart, first), middles, paragraph.substring(tailStart, tailEnd))
                .map(items -> new Enumeration(first - items.get(0).length(),
                        tailStart + tailLength(items.subList(middles.size() + 1, items.size())), items));
    }

    /** The items, given the clause text before the first 、, the items between, and the text after the last one. */
    private static Optional<List<String>> items(String head, List<String> middles, String tail) {
        String prefix = tail;
        String suffix = head;
        for (String middle : middles) {
            prefix = Affix.commonPrefix(prefix, middle);
            suffix = Affix.commonSuffix(suffix, middle);
        }
        if (prefix.isEmpty() && suffix.isEmpty()) {
            return Optional.empty();
        }
        String firstItem = prefix.isEmpty() ? null : fromLast(head, prefix);
        List<String> tailItems = suffix.isEmpty()
                ? tailItems(tail, prefix, "", typicalLength(withFirst(firstItem, middles)))
                : tailItems(tail, prefix, suffix, 0);
        if (firstItem == null) {
            List<String> known = new ArrayList<>(middles);
            known.addAll(tailItems);
            firstItem = head.substring(Math.max(0, head.length() - typicalLength(known)));
        }
        List<String> items = new ArrayList<>(withFirst(firstItem, middles));
        items.addAll(tailItems);
        boolean complete = !firstItem.isEmpty() && !tailItems.isEmpty() && items.size() >= MIN_ITEMS;
        return complete && wellFormed(items) ? Optional.of(List.copyOf(items)) : Optional.empty();
    }

    private static int firstJoiner(String paragraph, int from, int to) {
        for (int i = from; i < to; i++) {
            if (JOINERS.indexOf(paragraph.charAt(i)) >= 0) {
                return i;
            }
        }
        return -1;
    }

    /** Characters the tail items take up, counting one joiner between each two. */
    private static int tailLength(List<String> tailItems) {
        return tailItems.stream().mapToInt(String::length).sum() + tailItems.size() - 1;
    }

    /** Items after the last 、: one, or several joined by 和/及 when each again carries the affix. */
    private static List<String> tailItems(String tail, String prefix, String suffix, int length) {
        List<String> items = new ArrayList<>();
        int position = 0;
        while (position < tail.length() && tail.startsWith(prefix, position)) {
            int end = suffix.isEmpty() ? position + length : tail.indexOf(suffix, position + 1);
            if (end <= position || end > tail.length()) {
                break;
            }
            end += suffix.isEmpty() ? 0 : suffix.length();
            items.add(tail.substring(position, end));
            boolean joined = end < tail.length() && JOINERS.indexOf(tail.charAt(end)) >= 0;
            if (!joined) {
                break;
            }
            position = end + 1;
        }
        return items;
    }

    private static String fromLast(String head, String prefix) {
        int at = head.lastIndexOf(prefix);
        return at < 0 ? "" : head.substring(at);
    }

    private static List<String> withFirst(String firstItem, List<String> middles) {
        List<String> items = new ArrayList<>();
        if (firstItem != null) {
            items.add(firstItem);
        }
        items.addAll(middles);
        return items;
    }

    /** The most common item length, or the median when several lengths are equally common. */
    private static int typicalLength(List<String> items) {
        int[] lengths = items.stream().mapToInt(String::length).sorted().toArray();
        TreeMap<Integer, Integer> counts = new TreeMap<>();
        for (int length : lengths) {
            counts.merge(length, 1, Integer::sum);
        }
        int most = Collections.max(counts.values());
        List<Integer> modes = counts.entrySet().stream().filter(entry -> entry.getValue() == most)
                .map(Map.Entry::getKey).toList();
        if (modes.size() == 1) {
            return modes.get(0);
        }
        int middle = lengths.length / 2;
        return lengths.length % 2 == 1 ? lengths[middle] : (lengths[middle - 1] + lengths[middle]) / 2;
    }

    private static boolean wellFormed(List<String> items) {
        for (String item : items) {
            if (item.length() < 2 || item.length() > MAX_ITEM_LENGTH) {
                return false;
            }
        }
        return Affix.of(items).isPresent();
    }

    private static boolean cleanSegment(String paragraph, int from, int to) {
        if (from >= to) {
            return false;
        }
        for (int i = from; i < to; i++) {
            if (BOUNDARIES.indexOf(paragraph.charAt(i)) >= 0) {
                return false;
            }
        }
        return true;
    }
}
