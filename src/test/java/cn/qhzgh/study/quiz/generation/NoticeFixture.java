package cn.qhzgh.study.quiz.generation;

import cn.qhzgh.study.content.NoticeParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** The real notice 青总发〔2022〕24号 as the generator sees it, parsed once per test JVM. */
final class NoticeFixture {

    private static final String RESOURCE = "/notice/qhzgh-2022-24.md";
    private static List<SourceModule> modules;

    private NoticeFixture() {
    }

    static synchronized List<SourceModule> modules() {
        if (modules == null) {
            modules = new NoticeParser().parse(read()).modules().stream()
                    .map(module -> new SourceModule(module.code(), module.title(), module.paragraphs()))
                    .toList();
        }
        return modules;
    }

    static String paragraphOf(KeyPhrase phrase) {
        return modules().stream().filter(module -> module.code().equals(phrase.moduleCode())).findFirst()
                .orElseThrow().paragraphs().get(phrase.paragraphIndex());
    }

    private static String read() {
        try (InputStream stream = NoticeFixture.class.getResourceAsStream(RESOURCE)) {
            return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
