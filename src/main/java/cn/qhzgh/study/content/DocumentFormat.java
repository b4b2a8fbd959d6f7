package cn.qhzgh.study.content;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/** The format of an uploaded document, told from its first bytes (magic numbers), never from its name alone. */
public enum DocumentFormat {
    TEXT, DOCX, PDF;

    private static final byte[] PDF_MAGIC = {'%', 'P', 'D', 'F', '-'};
    private static final byte[] ZIP_MAGIC = {'P', 'K', 3, 4};
    private static final String DOCX_MAIN_PART = "word/document.xml";

    /** A ZIP that is not a Word document (an XLSX, say) is reported as {@code null}: no format this import reads. */
    static DocumentFormat detect(Path file) throws IOException {
        byte[] head = new byte[8];
        int read;
        try (InputStream in = Files.newInputStream(file)) {
            read = in.readNBytes(head, 0, head.length);
        }
        if (startsWith(head, read, PDF_MAGIC)) {
            return PDF;
        }
        if (startsWith(head, read, ZIP_MAGIC)) {
            try (ZipFile zip = new ZipFile(file.toFile())) {
                ZipEntry main = zip.getEntry(DOCX_MAIN_PART);
                return main == null ? null : DOCX;
            } catch (java.util.zip.ZipException unreadable) {
                return null;
            }
        }
        return TEXT;
    }

    private static boolean startsWith(byte[] head, int read, byte[] magic) {
        if (read < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if (head[i] != magic[i]) {
                return false;
            }
        }
        return true;
    }
}
