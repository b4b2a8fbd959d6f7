package cn.qhzgh.study.quiz.generation;

import cn.qhzgh.study.quiz.question.TextNormalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Extracts the key phrases of a notice: one {@link KeyPhrase} per distinct phrase and module, located at its first
 * occurrence in that module, in module order and then reading order. A quoted phrase that appears unquoted in another
 * module (提高劳动报酬在初次分配中的比重 in 3.5) is a key phrase of that module too. Stateless and deterministic.
 */
public final class KeyPhraseExtractor {

    private static final Set<PhraseKind> QUOTED_KINDS = Set.of(PhraseKind.FORMULA, PhraseKind.SLOGAN,
            PhraseKind.QUOTATION);
    // Shorter quoted phrases (四地, 五小) would match unrelated text when searched without their quotes.
    private static final int MIN_PROPAGATED_LENGTH = 3;
    private static final Comparator<Found> READING_ORDER = Comparator.comparingInt(Found::paragraphIndex)
            .thenComparingInt(Found::start).thenComparing(Found::kind);

    private final QuotedPhraseFinder quotes = new QuotedPhraseFinder();
    private final UnquotedFormulaFinder formulas = new UnquotedFormulaFinder();
    private final EnumerationFinder enumerations = new EnumerationFinder();
    private final NumberFactFinder numbers = new NumberFactFinder();

    public List<KeyPhrase> extract(List<SourceModule> modules) {
        NoticeText notice = NoticeText.of(modules);
        List<List<Found>> foundPerModule = new ArrayList<>();
        for (SourceModule module : modules) {
            foundPerModule.add(findInModule(module));
        }
        Map<String, Found> quotedPhrases = quotedPhrases(foundPerModule);
        List<KeyPhrase> phrases = new ArrayList<>();
        for (int m = 0; m < modules.size(); m++) {
            SourceModule module = modules.get(m);
            List<Found> found = new ArrayList<>(foundPerModule.get(m));
            found.addAll(unquotedOccurrences(module, quotedPhrases));
            found.sort(READING_ORDER);
            Map<String, Found> firstPerText = new LinkedHashMap<>();
            for (Found occurrence : found) {
                firstPerText.putIfAbsent(TextNormalizer.normalize(occurrence.text()), occurrence);
            }
            for (Found first : firstPerText.values()) {
                phrases.add(toKeyPhrase(module, first, notice));
            }
        }
        return List.copyOf(phrases);
    }

    private List<Found> findInModule(SourceModule module) {
        List<Found> found = new ArrayList<>();
        for (int i = 0; i < module.paragraphs().size(); i++) {
            String paragraph = module.paragraphs().get(i);
            found.addAll(quotes.find(paragraph, i));
            found.addAll(formulas.find(paragraph, i));
            List<int[]> itemSpans = new ArrayList<>();
            for (EnumerationFinder.Enumeration enumeration : enumerations.find(paragraph)) {
                itemSpans.add(new int[] {enumeration.start(), enumeration.end()});
                String text = paragraph.substring(enumeration.start(), enumeration.end());
                found.add(new Found(PhraseKind.ENUMERATION, text, i, enumeration.start(), enumeration.end(), null,
                        null, enumeration.items()));
            }
            found.addAll(numbers.find(paragraph, i, itemSpans));
        }
        return found;
    }

    /** Quoted phrases by text, sorted so that propagation does not depend on map iteration order. */
    private static Map<String, Found> quotedPhrases(List<List<Found>> foundPerModule) {
        Map<String, Found> byText = new TreeMap<>();
        for (List<Found> found : foundPerModule) {
            for (Found occurrence : found) {
                if (QUOTED_KINDS.contains(occurrence.kind()) && occurrence.text().length() >= MIN_PROPAGATED_LENGTH) {
                    byText.putIfAbsent(occurrence.text(), occurrence);
                }
            }
        }
        return byText;
    }

    private static List<Found> unquotedOccurrences(SourceModule module, Map<String, Found> quotedPhrases) {
        List<Found> found = new ArrayList<>();
        for (int i = 0; i < module.paragraphs().size(); i++) {
            String paragraph = module.paragraphs().get(i);
            for (Found phrase : quotedPhrases.values()) {
                for (int at = paragraph.indexOf(phrase.text()); at >= 0;
                     at = paragraph.indexOf(phrase.text(), at + 1)) {
                    found.add(phrase.at(i, at));
                }
            }
        }
        return found;
    }

    private static KeyPhrase toKeyPhrase(SourceModule module, Found found, NoticeText notice) {
        String paragraph = module.paragraphs().get(found.paragraphIndex());
        int[] sentence = Sentences.around(paragraph, found.start());
        return new KeyPhrase(module.code(), found.kind(), found.text(), paragraph.substring(sentence[0], sentence[1]),
                found.paragraphIndex(), found.start(), found.end(), notice.count(found.text()), found.number(),
                found.counter(), found.items());
    }
}
