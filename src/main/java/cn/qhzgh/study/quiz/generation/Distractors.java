package cn.qhzgh.study.quiz.generation;

import cn.qhzgh.study.quiz.question.TextNormalizer;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Wrong answers of the same kind and shape as a FORMULA, SLOGAN or NUMBER answer. Sourced ones are other phrases of
 * the notice: formulas with the same counter and a name of about the same length, slogans of similar length (or, for
 * slogans opening with a number, the same pattern of number words). Derived ones change the answer's number:
 * 三个最大 → 两个最大, 十四五 → 十三五, 新时代10年 → 新时代5年. Both lists come sorted; callers shuffle them.
 */
final class Distractors {

    private final List<KeyPhrase> phrases;
    private final TreeSet<String> formulaTexts = new TreeSet<>();

    Distractors(List<KeyPhrase> phrases) {
        this.phrases = phrases;
        phrases.stream().filter(phrase -> phrase.kind() == PhraseKind.FORMULA)
                .forEach(phrase -> formulaTexts.add(phrase.text()));
    }

    boolean isRealFormula(String text) {
        return formulaTexts.contains(text);
    }

    List<String> sourced(KeyPhrase answer) {
        TreeSet<String> found = new TreeSet<>();
        for (KeyPhrase other : phrases) {
            boolean sameText = TextNormalizer.normalize(other.text()).equals(TextNormalizer.normalize(answer.text()));
            if (other.kind() == answer.kind() && !sameText && sameShape(answer.text(), other.text(), answer.kind())) {
                found.add(other.text());
            }
        }
        return List.copyOf(found);
    }

    List<String> derived(KeyPhrase answer) {
        Optional<NumberSlot> slot = switch (answer.kind()) {
            case FORMULA, SLOGAN -> NumberSlot.leading(answer.text());
            case NUMBER -> NumberSlot.find(answer.text());
            case QUOTATION, ENUMERATION -> Optional.empty();
        };
        return slot.map(found -> found.variants().stream().sorted().toList()).orElse(List.of());
    }

    private static boolean sameShape(String answer, String other, PhraseKind kind) {
        return switch (kind) {
            case FORMULA -> sameFormulaShape(answer, other);
            case SLOGAN -> numberPattern(answer).equals(numberPattern(other))
                    && (NumberSlot.leading(answer).isPresent() || similarLength(answer, other));
            case NUMBER, QUOTATION, ENUMERATION -> false;
        };
    }

    private static boolean sameFormulaShape(String answer, String other) {
        NumberSlot mine = Formulas.parse(answer).orElseThrow();
        return Formulas.parse(other).filter(theirs -> Formulas.counter(theirs).equals(Formulas.counter(mine))
                && Math.abs(Formulas.name(theirs).length() - Formulas.name(mine).length()) <= 1).isPresent();
    }

    private static boolean similarLength(String answer, String other) {
        return Math.abs(answer.length() - other.length()) <= Math.max(1, answer.length() / 3);
    }

    /** 十四五 → NNN, 四地 → NX, 司机之家 → none: number slogans only match slogans written alike. */
    private static String numberPattern(String slogan) {
        if (NumberSlot.leading(slogan).isEmpty()) {
            return "";
        }
        StringBuilder pattern = new StringBuilder();
        slogan.chars().forEach(c -> pattern.append(ChineseNumerals.isNumeralChar((char) c) ? 'N' : 'X'));
        return pattern.toString();
    }
}
