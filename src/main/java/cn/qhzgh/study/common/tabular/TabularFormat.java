package cn.qhzgh.study.common.tabular;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The spreadsheet formats admins may upload. */
public enum TabularFormat {
    CSV,
    XLSX;

    private static final byte[] ZIP_MAGIC = {0x50, 0x4B, 0x03, 0x04};
    private static final byte[] OLE2_MAGIC = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0};
    static final int MAGIC_LENGTH = 4;

    /** The format implied by a file name's extension ({@code .csv} or {@code .xlsx}, any case), if any. */
    public static Optional<TabularFormat> fromFileName(String fileName) {
        if (fileName == null) {
            return Optional.empty();
        }
        String lower = fileName.strip().toLowerCase(Locale.ROOT);
        if (lower.endsWith(".csv")) {
            return Optional.of(CSV);
        }
        if (lower.endsWith(".xlsx")) {
            return Optional.of(XLSX);
        }
        return Optional.empty();
    }

    /**
     * Sniffs the format from the first bytes without consuming them: a ZIP archive is XLSX, anything else CSV.
     *
     * @param in a stream supporting mark/reset, e.g. a {@link java.io.BufferedInputStream}
     */
    public static TabularFormat detect(InputStream in) {
        return isZip(peekMagic(in)) ? XLSX : CSV;
    }

    static byte[] peekMagic(InputStream in) {
        if (!in.markSupported()) {
            throw new IllegalArgumentException("stream must support mark/reset; wrap it in a BufferedInputStream");
        }
        try {
            in.mark(MAGIC_LENGTH);
            byte[] head = in.readNBytes(MAGIC_LENGTH);
            in.reset();
            return head;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static boolean isZip(byte[] head) {
        return Arrays.equals(head, ZIP_MAGIC);
    }

    /** Legacy binary Excel (.xls) files are OLE2 compound documents. */
    static boolean isLegacyExcel(byte[] head) {
        return Arrays.equals(head, OLE2_MAGIC);
    }
}
