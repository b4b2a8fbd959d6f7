package cn.qhzgh.study.quiz.generation;

import java.util.List;

/**
 * One distinct phrase of one module, located at its first occurrence there.
 * {@code start}/{@code end} are offsets into {@code paragraphs().get(paragraphIndex)}; the substring they cover is the
 * phrase as written in the source, which for numbers may still contain conversion spaces ({@code 新时代 10 年}),
 * while {@code text} has all whitespace removed ({@code 新时代10年}). For quoted phrases the span excludes the quote
 * marks. {@code sentence} is the source sentence as written. {@code occurrences} counts the text over the whole notice.
 * {@code number}/{@code counter} are set for FORMULA and NUMBER ({@code counter} is null when the number has none, as
 * in 百万职工); {@code items} holds the parsed members of an ENUMERATION or QUOTATION and is empty otherwise.
 */
public record KeyPhrase(String moduleCode, PhraseKind kind, String text, String sentence, int paragraphIndex,
                        int start, int end, int occurrences, Integer number, String counter, List<String> items) {

    public KeyPhrase {
        items = List.copyOf(items);
    }
}
