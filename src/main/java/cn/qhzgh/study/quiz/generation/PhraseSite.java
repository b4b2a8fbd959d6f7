package cn.qhzgh.study.quiz.generation;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A phrase inside its sentence as workers will read it: conversion spaces around numbers removed and a leading
 * （一） item marker dropped. {@code start}/{@code end} locate the phrase in {@code sentence}.
 */
record PhraseSite(String sentence, int start, int end) {

    private static final Pattern ITEM_MARKER = Pattern.compile("^（[一二三四五六七八九十]+）");
    private static final int WINDOW_HAN_CHARS = 2;

    static PhraseSite of(KeyPhrase phrase, List<SourceModule> modules) {
        SourceModule module = modules.stream().filter(candidate -> candidate.code().equals(phrase.moduleCode()))
                .findFirst().orElseThrow(() -> new IllegalArgumentException("unknown module " + phrase.moduleCode()));
        String paragraph = module.paragraphs().get(phrase.paragraphIndex());
        int[] bounds = Sentences.around(paragraph, phrase.start());
        String raw = paragraph.substring(bounds[0], bounds[1]);
        String sentence = NoticeText.clean(raw);
        int start = NoticeText.clean(raw.substring(0, phrase.start() - bounds[0])).length();
        int end = NoticeText.clean(raw.substring(0, phrase.end() - bounds[0])).length();
        Matcher marker = ITEM_MARKER.matcher(sentence);
        int cut = marker.find() && marker.end() <= start ? marker.end() : 0;
        return new PhraseSite(sentence.substring(cut), start - cut, end - cut);
    }

    String phrase() {
        return sentence.substring(start, end);
    }

    /** The same sentence with the focus on a part of the phrase, such as one item of an enumeration. */
    PhraseSite narrow(int partStart, int partEnd) {
        return new PhraseSite(sentence, partStart, partEnd);
    }

    /** Text just before the phrase, long enough to hold two Chinese characters (fewer at the sentence start). */
    String leftWindow() {
        int from = start;
        int han = 0;
        while (from > 0 && han < WINDOW_HAN_CHARS) {
            from--;
            han += isHan(sentence.charAt(from)) ? 1 : 0;
        }
        return han == 0 ? "" : sentence.substring(from, start);
    }

    /** Text just after the phrase, long enough to hold two Chinese characters (fewer at the sentence end). */
    String rightWindow() {
        int to = end;
        int han = 0;
        while (to < sentence.length() && han < WINDOW_HAN_CHARS) {
            han += isHan(sentence.charAt(to)) ? 1 : 0;
            to++;
        }
        return han == 0 ? "" : sentence.substring(end, to);
    }

    private static boolean isHan(char c) {
        return Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN;
    }
}
