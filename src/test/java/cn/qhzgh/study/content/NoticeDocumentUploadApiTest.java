package cn.qhzgh.study.content;

import cn.qhzgh.study.testsupport.Api;
import cn.qhzgh.study.testsupport.Database;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;

/** DOCX and PDF uploads: the format comes from the content, and a bad file is a 422 that names the problem. */
@QuarkusTest
class NoticeDocumentUploadApiTest {

    private static byte[] corpusFile(String name) throws IOException {
        return Files.readAllBytes(Path.of("src/test/resources/corpus", name));
    }

    @Test
    void aWordDocumentAndItsPdfImportToTheSameModulesWhateverTheirNames() throws IOException {
        Api.upload("/api/v1/admin/notices", "opinion.bin", corpusFile("shandong-budget-opinion-2014.docx"), true)
                .statusCode(200).body("dryRun", equalTo(true));
        assertThat(Database.count("SELECT COUNT(*) FROM notice WHERE doc_number = '鲁政发〔2014〕20号'")).isZero();
        Api.upload("/api/v1/admin/notices", "opinion.bin", corpusFile("shandong-budget-opinion-2014.docx"), false)
                .statusCode(201)
                .body("notice.docNumber", equalTo("鲁政发〔2014〕20号"))
                .body("modules.code", contains("0", "1", "1.1", "1.2"))
                .body("modules.find { it.code == '1.1' }.title", equalTo("指导思想"));
        Api.upload("/api/v1/admin/notices", "opinion.txt", corpusFile("shandong-budget-opinion-2014.pdf"), false)
                .statusCode(200)
                .body("created", equalTo(false))
                .body("modules.change", everyItem(equalTo("UNCHANGED")));
    }

    @Test
    void aScannedPdfIsRefusedSayingItHasNoTextLayer() throws IOException {
        ByteArrayOutputStream scan = new ByteArrayOutputStream();
        try (PDDocument document = new PDDocument()) {
            document.addPage(new PDPage());
            document.save(scan);
        }
        Api.upload("/api/v1/admin/notices", "scan.pdf", scan.toByteArray(), false)
                .statusCode(422).contentType("application/problem+json")
                .body("type", equalTo("urn:qhzgh:study:problem:pdf-without-text"))
                .body("errors[0].message", containsString("no text layer"));
    }

    @Test
    void aWordDocumentInflatingBeyondTheLimitsIsRefusedBeforeItIsParsed() throws IOException {
        ByteArrayOutputStream bomb = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bomb)) {
            zip.setLevel(Deflater.BEST_COMPRESSION);
            zip.putNextEntry(new ZipEntry("word/document.xml"));
            byte[] spaces = new byte[1 << 20];
            java.util.Arrays.fill(spaces, (byte) ' ');
            for (int i = 0; i < 200; i++) {
                zip.write(spaces);
            }
            zip.closeEntry();
        }
        Api.upload("/api/v1/admin/notices", "bomb.docx", bomb.toByteArray(), false)
                .statusCode(422).body("type", equalTo("urn:qhzgh:study:problem:unreadable-document"))
                .body("errors[0].message", containsString("word/document.xml inflates to more than"));
    }

    @Test
    void aZipThatIsNotAWordDocumentIsRefused() throws IOException {
        ByteArrayOutputStream archive = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(archive)) {
            zip.putNextEntry(new ZipEntry("xl/workbook.xml"));
            zip.write("<workbook/>".getBytes());
            zip.closeEntry();
        }
        Api.upload("/api/v1/admin/notices", "notice.docx", archive.toByteArray(), false)
                .statusCode(422).body("type", equalTo("urn:qhzgh:study:problem:unsupported-document"));
        Api.upload("/api/v1/admin/notices", "notice.docx", "PK\u0003\u0004garbage".getBytes(), false)
                .statusCode(422).body("type", equalTo("urn:qhzgh:study:problem:unsupported-document"));
    }
}
