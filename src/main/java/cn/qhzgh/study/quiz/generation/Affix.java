package cn.qhzgh.study.quiz.generation;

import java.util.List;
import java.util.Optional;

/**
 * The part all items of an enumeration share: the suffix 精神 of 劳动精神、奋斗精神 or the prefix 尊重 of 尊重劳动、尊重知识.
 * The rest of an item is its stem. A one-character affix only counts when all items have the same length, so that
 * 获得感、幸福感、安全感 qualifies but two unrelated words that happen to end alike do not.
 */
record Affix(String text, boolean prefix) {

    static Optional<Affix> of(List<String> items) {
        if (items.size() < 2) {
            return Optional.empty();
        }
        String sharedPrefix = items.get(0);
        String sharedSuffix = items.get(0);
        int shortest = Integer.MAX_VALUE;
        boolean sameLength = true;
        for (String item : items) {
            sharedPrefix = commonPrefix(sharedPrefix, item);
            sharedSuffix = commonSuffix(sharedSuffix, item);
            shortest = Math.min(shortest, item.length());
            sameLength &= item.length() == items.get(0).length();
        }
        boolean usePrefix = sharedPrefix.length() > sharedSuffix.length();
        Affix affix = new Affix(usePrefix ? sharedPrefix : sharedSuffix, usePrefix);
        boolean distinctive = affix.text.length() >= 2 || (affix.text.length() == 1 && sameLength);
        return distinctive && shortest > affix.text.length() ? Optional.of(affix) : Optional.empty();
    }

    static String commonPrefix(String a, String b) {
        int length = 0;
        while (length < Math.min(a.length(), b.length()) && a.charAt(length) == b.charAt(length)) {
            length++;
        }
        return a.substring(0, length);
    }

    static String commonSuffix(String a, String b) {
        int length = 0;
        while (length < Math.min(a.length(), b.length())
                && a.charAt(a.length() - 1 - length) == b.charAt(b.length() - 1 - length)) {
            length++;
        }
        return a.substring(a.length() - length);
    }

    boolean matches(String item) {
        return item.length() > text.length() && (prefix ? item.startsWith(text) : item.endsWith(text));
    }

    String stem(String item) {
        return prefix ? item.substring(text.length()) : item.substring(0, item.length() - text.length());
    }

    String attach(String stem) {
        return prefix ? text + stem : stem + text;
    }
}
