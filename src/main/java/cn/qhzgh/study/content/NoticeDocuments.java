package cn.qhzgh.study.content;

import cn.qhzgh.study.common.DomainException;
import cn.qhzgh.study.common.ProblemError;
import cn.qhzgh.study.common.TextEncodings;
import cn.qhzgh.study.common.http.UploadLimits;
import cn.qhzgh.study.common.tabular.TabularFormatException;
import cn.qhzgh.study.common.tabular.ZipInflation;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Turns an uploaded notice file into the text the parser reads, whatever its format: UTF-8 Markdown or text, a Word
 * document (DOCX) or a PDF with a text layer. The format comes from the file's first bytes, not its name.
 */
@ApplicationScoped
public class NoticeDocuments {

    static final String UNREADABLE = "unreadable-document";
    private static final int BINARY_SNIFF_BYTES = 8192;

    private final UploadLimits limits;

    public NoticeDocuments(UploadLimits limits) {
        this.limits = limits;
    }

    public String text(Path file) throws IOException {
        DocumentFormat format = DocumentFormat.detect(file);
        if (format == null) {
            throw unreadable("unsupported-document", "is a ZIP archive but not a Word document; send .docx, .pdf, .md or .txt");
        }
        return switch (format) {
            case TEXT -> textFile(Files.readAllBytes(file));
            case DOCX -> docx(file);
            case PDF -> pdf(file);
        };
    }

    private String docx(Path file) throws IOException {
        try {
            ZipInflation.check(file, limits.docx(), ZipInflation.Container.WORD_DOCUMENT);
        } catch (TabularFormatException e) {
            throw unreadable(UNREADABLE, e.problems().get(0).message());
        }
        try {
            return DocxText.read(file);
        } catch (IOException | RuntimeException e) {
            // POI reports a malformed part with runtime exceptions of many kinds; none of them is the server's fault.
            throw unreadable(UNREADABLE, "is not a readable Word document (" + e.getClass().getSimpleName()
                    + "); open it in Word and save it again as .docx");
        }
    }

    private static String pdf(Path file) {
        try {
            return PdfText.read(file);
        } catch (PdfText.NoTextLayerException e) {
            throw unreadable("pdf-without-text", e.getMessage() + "; a scan cannot be imported, send the Word "
                    + "document or a PDF exported from it");
        } catch (IOException | RuntimeException e) {
            throw unreadable(UNREADABLE, "is not a readable PDF (" + e.getClass().getSimpleName()
                    + "); export it again from the original document");
        }
    }

    private static DomainException unreadable(String slug, String message) {
        return DomainException.unprocessable(slug, "The notice file cannot be read.",
                List.of(ProblemError.field("file", message)), 1);
    }

    /** Text never holds a NUL byte in UTF-8 or GB18030; a file that does is a picture, a program or the like. */
    private static String textFile(byte[] bytes) {
        for (int i = 0; i < Math.min(bytes.length, BINARY_SNIFF_BYTES); i++) {
            if (bytes[i] == 0) {
                throw unreadable("unsupported-document", "is not a Word document, a PDF or a text file; "
                        + "send .docx, .pdf, .md or .txt");
            }
        }
        return decodeText(bytes, "file");
    }

    /** A notice sent as the request body, encoded as a text file may be. */
    public String text(byte[] body) {
        return decodeText(body, "body");
    }

    private static String decodeText(byte[] bytes, String field) {
        try {
            return TextEncodings.decode(bytes);
        } catch (CharacterCodingException e) {
            throw DomainException.unprocessable("unsupported-encoding", "The notice text must be UTF-8 or GB18030.",
                    List.of(ProblemError.field(field, "is neither UTF-8 nor GB18030 (GBK) text")), 1);
        }
    }
}
