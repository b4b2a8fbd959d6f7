package cn.qhzgh.study.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** The text, DOCX and PDF renderings of each corpus document import to the same modules and metadata. */
class NoticeRenderingsTest {

    private final NoticeParser parser = new NoticeParser();

    @ParameterizedTest
    @ValueSource(strings = {"cpc-decision-2022", "shandong-budget-opinion-2014", "shanxi-central-rise-plan-2017",
            "union-notice-huolinguole-2022", "state-council-social-groups-notice-1997"})
    void everyRenderingImportsToIdenticalModules(String name) throws IOException {
        ParsedNotice fromText = parser.parse(NoticeCorpusTest.corpus(name));
        ParsedNotice fromDocx = parser.parse(DocxText.read(resource(name + ".docx")));
        ParsedNotice fromPdf = parser.parse(PdfText.read(resource(name + ".pdf")));

        assertThat(fromDocx.modules()).isEqualTo(fromText.modules());
        assertThat(fromPdf.modules()).isEqualTo(fromText.modules());
        assertThat(fromDocx.metadata()).isEqualTo(fromText.metadata());
        assertThat(fromPdf.metadata()).isEqualTo(fromText.metadata());
    }

    @Test
    void theRealNoticeKeepsItsModulesWhenRenderedAsDocxAndPdf(@TempDir Path directory) throws IOException {
        String text = NoticeParserTest.realNotice();
        List<String> paragraphs = CorpusRenderings.plainParagraphs(text);
        Path docx = directory.resolve("notice.docx");
        Path pdf = directory.resolve("notice.pdf");
        try (OutputStream out = Files.newOutputStream(docx)) {
            CorpusRenderings.writeDocx(paragraphs, out);
        }
        try (OutputStream out = Files.newOutputStream(pdf)) {
            CorpusRenderings.writePdf(paragraphs, out);
        }
        ParsedNotice fromText = parser.parse(text);

        assertThat(parser.parse(DocxText.read(docx)).modules()).extracting(ParsedModule::code, ParsedModule::title)
                .isEqualTo(fromText.modules().stream().map(m -> org.assertj.core.api.Assertions.tuple(m.code(), m.title())).toList());
        assertThat(parser.parse(PdfText.read(pdf)).modules()).extracting(ParsedModule::code, ParsedModule::title)
                .isEqualTo(fromText.modules().stream().map(m -> org.assertj.core.api.Assertions.tuple(m.code(), m.title())).toList());
    }

    @Test
    void aLongNoticeForTheBenchmarkKeepsEveryModuleInAllRenderings(@TempDir Path directory) throws IOException {
        String text = CorpusRenderings.benchDocument(NoticeParserTest.realNotice(), 3, "青总发〔2022〕8001号");
        Path pdf = directory.resolve("long.pdf");
        try (OutputStream out = Files.newOutputStream(pdf)) {
            CorpusRenderings.writePdf(CorpusRenderings.plainParagraphs(text), out);
        }
        ParsedNotice fromText = parser.parse(text);

        assertThat(fromText.modules()).hasSize(1 + 18 * 3);
        assertThat(fromText.findModule("12.3").orElseThrow().title()).isEqualTo("营造浓厚氛围");
        assertThat(parser.parse(PdfText.read(pdf)).modules()).isEqualTo(fromText.modules());
    }

    @Test
    void aPdfWithoutTextLayerIsRefusedAsAScan(@TempDir Path directory) throws IOException {
        Path scan = directory.resolve("scan.pdf");
        try (PDDocument document = new PDDocument()) {
            document.addPage(new PDPage());
            document.save(scan.toFile());
        }
        assertThatThrownBy(() -> PdfText.read(scan)).isInstanceOf(PdfText.NoTextLayerException.class)
                .hasMessageContaining("no text layer");
    }

    private static Path resource(String name) {
        return Path.of("src/test/resources/corpus", name);
    }
}
