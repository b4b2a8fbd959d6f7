package cn.qhzgh.study.quiz.generation;

import java.util.Optional;

/** A numbered formula: a number word of at least two, a counter (个, 位 or 项), then a name – 四个意识, 五位一体. */
final class Formulas {

    private static final String COUNTERS = "个位项";

    private Formulas() {
    }

    static Optional<NumberSlot> parse(String text) {
        return NumberSlot.leading(text).filter(slot -> slot.value() >= 2 && slot.suffix().length() >= 2
                && COUNTERS.indexOf(slot.suffix().charAt(0)) >= 0);
    }

    static String counter(NumberSlot formula) {
        return formula.suffix().substring(0, 1);
    }

    /** What is counted: 意识 in 四个意识. */
    static String name(NumberSlot formula) {
        return formula.suffix().substring(1);
    }
}
