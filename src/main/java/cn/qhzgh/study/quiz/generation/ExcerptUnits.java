package cn.qhzgh.study.quiz.generation;

import java.util.ArrayList;
import java.util.List;

/**
 * A sentence (or the quotation a phrase sits in) cut into the units an {@link Excerpt} is built from: clauses ending
 * in ，, ； or ：, and for an overlong clause of quotations in a row, one unit per quotation. {@code ending} is the
 * punctuation that closes the region.
 */
record ExcerptUnits(List<Unit> units, String ending) {

    /**
     * {@code opensGroup}: the unit follows a ； or starts the region. {@code leadStart}/{@code leadEnd}: for a
     * quotation continuing a clause, the words introducing the clause's first quotation, else -1.
     */
    record Unit(int start, int end, boolean opensGroup, int leadStart, int leadEnd) {

        boolean hasLead() {
            return leadStart >= 0;
        }
    }

    private static final String SEPARATORS = "，；：";
    // A clause this short before a lead, such as 在保障职工权益方面，, says what the lead is about.
    private static final int MAX_CONTEXT_CLAUSE_LENGTH = 15;

    static ExcerptUnits of(String sentence, int start, int end) {
        int[] depth = Sentences.depths(sentence);
        int regionStart = 0;
        int regionEnd = sentence.length();
        String ending = "。";
        if (regionEnd > 0 && Sentences.TERMINATORS.indexOf(sentence.charAt(regionEnd - 1)) >= 0) {
            ending = sentence.substring(regionEnd - 1);
            regionEnd--;
        }
        int open = enclosingQuote(sentence, start, end);
        if (open >= 0) {
            regionStart = open + 1;
            regionEnd = sentence.indexOf('”', open);
            ending = "。";
        }
        int level = open >= 0 ? depth[open] + 1 : 0;
        List<Unit> clauses = new ArrayList<>();
        int from = regionStart;
        for (int i = regionStart; i < regionEnd; i++) {
            if (depth[i] == level && SEPARATORS.indexOf(sentence.charAt(i)) >= 0) {
                clauses.add(new Unit(from, i + 1, from == regionStart || sentence.charAt(from - 1) == '；', -1, -1));
                from = i + 1;
            }
        }
        if (from < regionEnd) {
            clauses.add(new Unit(from, regionEnd, from == regionStart || sentence.charAt(from - 1) == '；', -1, -1));
        }
        List<Unit> units = new ArrayList<>();
        for (int i = 0; i < clauses.size(); i++) {
            Unit clause = clauses.get(i);
            if (clause.end() - clause.start() <= Excerpt.MAX_LENGTH) {
                units.add(clause);
            } else {
                Unit context = i > 0 && !clause.opensGroup() ? clauses.get(i - 1) : null;
                boolean shortContext = context != null && context.end() - context.start() <= MAX_CONTEXT_CLAUSE_LENGTH;
                units.addAll(byQuotation(sentence, depth, level, clause, shortContext ? context.start() : clause.start()));
            }
        }
        return new ExcerptUnits(List.copyOf(units), ending);
    }

    int unitAt(int offset) {
        for (int i = 0; i < units.size(); i++) {
            if (offset < units.get(i).end()) {
                return i;
            }
        }
        return units.size() - 1;
    }

    /** Splits 重申“甲”“乙” between the quotations; later ones carry the lead 重申 (with its context clause). */
    private static List<Unit> byQuotation(String sentence, int[] depth, int level, Unit clause, int leadStart) {
        List<Unit> parts = new ArrayList<>();
        int firstQuote = sentence.indexOf('“', clause.start());
        int from = clause.start();
        for (int i = clause.start() + 1; i < clause.end(); i++) {
            if (depth[i] == level && sentence.charAt(i) == '“' && sentence.charAt(i - 1) == '”') {
                parts.add(part(clause, from, i, leadStart, firstQuote));
                from = i;
            }
        }
        parts.add(part(clause, from, clause.end(), leadStart, firstQuote));
        return parts;
    }

    private static Unit part(Unit clause, int from, int to, int leadStart, int firstQuote) {
        boolean continuation = from > clause.start();
        return continuation ? new Unit(from, to, false, leadStart, firstQuote)
                : new Unit(from, to, clause.opensGroup(), -1, -1);
    }

    /** The opening quote of a longer quotation the phrase sits in, or -1 when the phrase is not inside one. */
    private static int enclosingQuote(String sentence, int start, int end) {
        for (int i = start - 1; i >= 0; i--) {
            if (sentence.charAt(i) == '“') {
                int close = sentence.indexOf('”', i);
                boolean encloses = close >= end;
                boolean isExactlyThePhrase = i == start - 1 && close == end;
                return encloses && !isExactlyThePhrase ? i : -1;
            }
            if (sentence.charAt(i) == '”') {
                return -1;
            }
        }
        return -1;
    }
}
