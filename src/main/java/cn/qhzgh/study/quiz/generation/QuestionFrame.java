package cn.qhzgh.study.quiz.generation;

import cn.qhzgh.study.quiz.question.QuestionDraft;
import cn.qhzgh.study.quiz.question.QuestionOption;
import cn.qhzgh.study.quiz.question.QuestionType;
import cn.qhzgh.study.quiz.question.TextNormalizer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/** What every question about one phrase shares: the phrase, where it stands, the explanation and the lettering. */
record QuestionFrame(KeyPhrase phrase, PhraseSite site, Excerpt excerpt) {

    private static final String KEYS = "ABCDEFGH";

    static QuestionFrame of(KeyPhrase phrase, PhraseSite site) {
        return new QuestionFrame(phrase, site, Excerpt.around(site));
    }

    /** A random source of its own per question, so that one question's choices never shift another's. */
    static Random random(long seed, KeyPhrase phrase, QuestionType type) {
        String key = phrase.moduleCode() + '|' + phrase.kind() + '|' + phrase.text() + '|' + type;
        return new Random(seed * 1_000_003L + key.hashCode());
    }

    String explanation() {
        String sentence = site.sentence();
        boolean terminated = !sentence.isEmpty()
                && Sentences.TERMINATORS.indexOf(sentence.charAt(sentence.length() - 1)) >= 0;
        return "原文（" + phrase.moduleCode() + "）：" + sentence + (terminated ? "" : "。");
    }

    QuestionDraft draft(QuestionType type, String stem, List<QuestionOption> options, List<String> answer,
                        String explanation) {
        return new QuestionDraft(type, stem, options, answer, explanation, phrase.moduleCode(), phrase.text(),
                List.of(phrase.kind().name(), "generated"));
    }

    /** Shuffles the texts, letters them A, B, C… and returns the keys of the correct ones in key order. */
    static Lettered letter(List<String> correct, List<String> wrong, Random random) {
        List<String> texts = new ArrayList<>(correct);
        texts.addAll(wrong);
        Collections.shuffle(texts, random);
        List<QuestionOption> options = new ArrayList<>();
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            String key = String.valueOf(KEYS.charAt(i));
            options.add(new QuestionOption(key, texts.get(i)));
            if (correct.contains(texts.get(i))) {
                keys.add(key);
            }
        }
        return new Lettered(List.copyOf(options), List.copyOf(keys));
    }

    record Lettered(List<QuestionOption> options, List<String> answer) {
    }

    /** Where each enumeration item starts within the phrase text, found left to right. */
    int[] itemStarts() {
        List<String> items = phrase.items();
        int[] starts = new int[items.size()];
        int from = 0;
        for (int i = 0; i < items.size(); i++) {
            starts[i] = phrase.text().indexOf(items.get(i), from);
            from = starts[i] + items.get(i).length();
        }
        return starts;
    }

    /** Whether the text shows up in the excerpt outside the phrase itself, after normalisation. */
    boolean excerptShows(String text) {
        String shown = TextNormalizer.normalize(excerpt.before() + "|" + excerpt.after());
        return shown.contains(TextNormalizer.normalize(text));
    }
}
