package cn.qhzgh.study.quiz.generation;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Formulas written without quotes, such as 中央八项规定. Without quotes the name's extent is unknown, so it is taken as
 * the two characters after the counter, the usual shape of these formulas.
 */
final class UnquotedFormulaFinder {

    private static final Pattern FORMULA =
            Pattern.compile("(?<![第一二三四五六七八九十两])[两三四五六七八九十]{1,3}[个位项]\\p{IsHan}{2}");

    List<Found> find(String paragraph, int paragraphIndex) {
        int[] depth = Sentences.depths(paragraph);
        List<Found> found = new ArrayList<>();
        Matcher matcher = FORMULA.matcher(paragraph);
        while (matcher.find()) {
            boolean quoted = depth[matcher.start()] > 0;
            Formulas.parse(matcher.group()).filter(formula -> !quoted).ifPresent(formula -> found.add(
                    new Found(PhraseKind.FORMULA, matcher.group(), paragraphIndex, matcher.start(), matcher.end(),
                            formula.value(), Formulas.counter(formula), List.of())));
        }
        return found;
    }
}
