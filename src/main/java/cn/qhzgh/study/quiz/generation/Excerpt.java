package cn.qhzgh.study.quiz.generation;

import java.util.List;

/**
 * The part of a sentence a question shows around a phrase: whole clauses within the phrase's ；-delimited part, as
 * many as fit in {@link #MAX_LENGTH} characters, ending in 。. A clause opening with a connective such as 与 is
 * never shown without the clause it continues. A phrase inside a longer quotation is excerpted from the quotation
 * alone; in a clause made of several quotations in a row, a later quotation is introduced by the clause's lead:
 * 在保障职工权益方面，重申……“甲”“乙”.
 */
record Excerpt(String before, String after) {

    static final int MAX_LENGTH = 80;
    // How far a connective may stretch the excerpt to keep its clause grammatical.
    private static final int HARD_MAX_LENGTH = 130;
    private static final String CONNECTIVES = "与和及并而";
    private static final String TRAILING = "，；：、";
    private static final String ELLIPSIS = "……";

    static Excerpt around(PhraseSite site) {
        String sentence = site.sentence();
        ExcerptUnits layout = ExcerptUnits.of(sentence, site.start(), site.end());
        List<ExcerptUnits.Unit> units = layout.units();
        int first = layout.unitAt(site.start());
        int last = layout.unitAt(Math.max(site.start(), site.end() - 1));
        boolean grown = true;
        while (grown) {
            grown = false;
            if (canPrepend(units, sentence, first, last)) {
                first--;
                grown = true;
            }
            if (last < units.size() - 1 && !units.get(last + 1).opensGroup()
                    && length(units, first, last + 1) <= MAX_LENGTH) {
                last++;
                grown = true;
            }
        }
        ExcerptUnits.Unit opening = units.get(first);
        String lead = opening.hasLead() ? sentence.substring(opening.leadStart(), opening.leadEnd()) + ELLIPSIS : "";
        String after = stripTrailing(sentence.substring(site.end(), units.get(last).end()));
        boolean toEnd = last == units.size() - 1;
        return new Excerpt(lead + sentence.substring(opening.start(), site.start()),
                after + (toEnd ? layout.ending() : "。"));
    }

    String with(String middle) {
        return before + middle + after;
    }

    private static boolean canPrepend(List<ExcerptUnits.Unit> units, String sentence, int first, int last) {
        if (first == 0 || units.get(first).opensGroup()) {
            return false;
        }
        boolean dangling = CONNECTIVES.indexOf(sentence.charAt(units.get(first).start())) >= 0;
        return length(units, first - 1, last) <= (dangling ? HARD_MAX_LENGTH : MAX_LENGTH);
    }

    private static int length(List<ExcerptUnits.Unit> units, int first, int last) {
        return units.get(last).end() - units.get(first).start();
    }

    private static String stripTrailing(String text) {
        int end = text.length();
        while (end > 0 && TRAILING.indexOf(text.charAt(end - 1)) >= 0) {
            end--;
        }
        return text.substring(0, end);
    }
}
