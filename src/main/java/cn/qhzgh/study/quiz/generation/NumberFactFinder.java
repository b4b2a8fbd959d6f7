package cn.qhzgh.study.quiz.generation;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Numeric facts: a count of years or things in digits (过去5年, 新时代 10 年, 9个方面), an ordinal (第二十次,
 * 第二个百年) or a magnitude word (百万职工). A count of years keeps its qualifier, because 5年 alone asks nothing.
 */
final class NumberFactFinder {

    private static final Pattern COUNT = Pattern.compile(
            "(?:(?:过去|新时代|近|今后|未来)\\s*)?(\\d+)\\s*([年个项次条])((?<=个)\\p{IsHan}{2})?");
    private static final Pattern ORDINAL = Pattern.compile("第([一二三四五六七八九十]{1,3})([次个])((?<=个)\\p{IsHan}{2})?");
    private static final Pattern MAGNITUDE = Pattern.compile("[十百千]万\\p{IsHan}{2}");

    /** Numbers inside list items are parts of names (第三次分配), not facts, so {@code itemSpans} are skipped. */
    List<Found> find(String paragraph, int paragraphIndex, List<int[]> itemSpans) {
        List<Found> found = new ArrayList<>();
        Matcher count = COUNT.matcher(paragraph);
        while (count.find()) {
            found.add(fact(count, paragraphIndex, Integer.parseInt(count.group(1)), count.group(2)));
        }
        Matcher ordinal = ORDINAL.matcher(paragraph);
        while (ordinal.find()) {
            int value = ChineseNumerals.parse(ordinal.group(1));
            if (value > 0) {
                found.add(fact(ordinal, paragraphIndex, value, ordinal.group(2)));
            }
        }
        Matcher magnitude = MAGNITUDE.matcher(paragraph);
        while (magnitude.find()) {
            NumberSlot slot = NumberSlot.find(magnitude.group()).orElseThrow();
            found.add(fact(magnitude, paragraphIndex, slot.value(), null));
        }
        found.removeIf(fact -> itemSpans.stream().anyMatch(span -> fact.overlaps(span[0], span[1])));
        return found;
    }

    private static Found fact(Matcher match, int paragraphIndex, int value, String counter) {
        String text = match.group().replaceAll("\\s+", "");
        return new Found(PhraseKind.NUMBER, text, paragraphIndex, match.start(), match.end(), value, counter, List.of());
    }
}
