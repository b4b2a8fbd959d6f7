package cn.qhzgh.study.quiz.generation;

import java.util.List;

/** One study module as the generator sees it: its code (e.g. {@code 3.1}), title and paragraphs in reading order. */
public record SourceModule(String code, String title, List<String> paragraphs) {

    public SourceModule {
        paragraphs = List.copyOf(paragraphs);
    }
}
