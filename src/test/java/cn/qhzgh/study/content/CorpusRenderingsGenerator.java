package cn.qhzgh.study.content;

import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Writes the committed DOCX and PDF renderings of src/test/resources/corpus/*.txt. Not a test (surefire skips the
 * name); run it once after changing a corpus text:
 * {@code ./mvnw -B -q test -Dtest=CorpusRenderingsGenerator -Dcorpus.render=true -Dsurefire.failIfNoSpecifiedTests=false}
 */
class CorpusRenderingsGenerator {

    @Test
    @EnabledIfSystemProperty(named = "corpus.render", matches = "true")
    void render() throws IOException {
        CorpusRenderings.main(new String[] {"src/test/resources/corpus"});
    }

    /** The inputs of bench/doc-import: {@code -Dbench.doc.dir=<dir> -Dbench.doc.pages=50}. */
    @Test
    @EnabledIfSystemProperty(named = "bench.doc.dir", matches = ".+")
    void renderBenchDocuments() throws IOException {
        CorpusRenderings.writeBenchDocuments(NoticeParserTest.realNotice(), java.nio.file.Path.of(
                System.getProperty("bench.doc.dir")), Integer.getInteger("bench.doc.pages", 50));
    }
}
