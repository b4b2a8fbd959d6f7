package cn.qhzgh.study.quiz.generation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Phrases between “ and ”: a formula when the whole quote is one, a slogan when short and free of clause
 * punctuation, otherwise a quotation whose first enumeration (or, for a quote that is nothing but a list of short
 * alike parts joined by 、, whose parts) become its items.
 */
final class QuotedPhraseFinder {

    private static final int SLOGAN_MAX_LENGTH = 12;
    private static final String CLAUSE_PUNCTUATION = "，。；：！？、";
    // Parts of a bare 、 list without a shared affix are only trusted when short and alike, as in 转作风、解难题.
    private static final int BARE_ITEM_MAX_LENGTH = 6;

    private final EnumerationFinder enumerations = new EnumerationFinder();

    List<Found> find(String paragraph, int paragraphIndex) {
        List<Found> found = new ArrayList<>();
        for (int open = paragraph.indexOf('“'); open >= 0; open = paragraph.indexOf('“', open + 1)) {
            int close = paragraph.indexOf('”', open + 1);
            if (close < 0) {
                break;
            }
            if (close > open + 1) {
                found.add(classify(paragraph, paragraphIndex, open + 1, close));
            }
            open = close;
        }
        return found;
    }

    private Found classify(String paragraph, int paragraphIndex, int start, int end) {
        String text = paragraph.substring(start, end);
        Optional<NumberSlot> formula = Formulas.parse(text);
        if (formula.isPresent()) {
            return new Found(PhraseKind.FORMULA, text, paragraphIndex, start, end, formula.get().value(),
                    Formulas.counter(formula.get()), List.of());
        }
        if (text.length() <= SLOGAN_MAX_LENGTH && text.chars().noneMatch(c -> CLAUSE_PUNCTUATION.indexOf(c) >= 0)) {
            return Found.plain(PhraseKind.SLOGAN, text, paragraphIndex, start, end);
        }
        return new Found(PhraseKind.QUOTATION, text, paragraphIndex, start, end, null, null, items(text));
    }

    private List<String> items(String quote) {
        List<EnumerationFinder.Enumeration> inside = enumerations.find(quote);
        if (!inside.isEmpty()) {
            return inside.get(0).items();
        }
        List<String> parts = Arrays.asList(quote.split("、"));
        int shortest = parts.stream().mapToInt(String::length).min().orElse(0);
        int longest = parts.stream().mapToInt(String::length).max().orElse(0);
        boolean bareList = parts.size() >= 3 && shortest >= 2 && longest <= BARE_ITEM_MAX_LENGTH
                && longest - shortest <= 1
                && parts.stream().allMatch(part -> part.chars().noneMatch(c -> CLAUSE_PUNCTUATION.indexOf(c) >= 0));
        return bareList ? List.copyOf(parts) : List.of();
    }
}
