package cn.qhzgh.study.common.tabular;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * Inflates every entry of a workbook (or a Word document) once, counting, before its reader sees it: an entry that
 * declares or reaches more than the limits stops the check at once, so a zip bomb costs at most the limits, not
 * gigabytes.
 */
public final class ZipInflation {

    /** What the zip is, for the messages: its noun and the format to save it again as. */
    public record Container(String noun, String saveAs) {
        public static final Container WORKBOOK = new Container("workbook", "open it in Excel and save it again as .xlsx");
        public static final Container WORD_DOCUMENT =
                new Container("Word document", "open it in Word and save it again as .docx");
    }

    /** Entries below this inflate as much as they like: tiny styles and themes compress far beyond any ratio. */
    static final long RATIO_FLOOR_BYTES = 1 << 20;

    private ZipInflation() {
    }

    static void check(Path workbook, TabularLimits limits) throws IOException {
        check(workbook, limits, Container.WORKBOOK);
    }

    /** @throws TabularFormatException naming the part that inflates too far, or saying the zip is unreadable */
    public static void check(Path workbook, TabularLimits limits, Container container) throws IOException {
        try (ZipFile zip = new ZipFile(workbook.toFile())) {
            long total = 0;
            byte[] buffer = new byte[64 * 1024];
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                long declared = entry.getSize() >= 0 ? entry.getSize() : Long.MAX_VALUE;
                long allowed = Math.min(ratioCap(entry, limits), limits.maxInflatedBytes() - total);
                if (entry.getSize() > allowed) {
                    throw tooLarge(entry, entry.getSize(), limits, container);
                }
                long inflated = 0;
                try (InputStream in = zip.getInputStream(entry)) {
                    for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                        inflated += n;
                        if (inflated > declared) {
                            throw misdeclared(entry, container);
                        }
                        if (inflated > allowed) {
                            throw tooLarge(entry, inflated, limits, container);
                        }
                    }
                }
                if (entry.getSize() >= 0 && inflated != entry.getSize()) {
                    throw misdeclared(entry, container);
                }
                total += inflated;
            }
        } catch (ZipException e) {
            TabularFormatException problem = TabularFormatException.ofFile(
                    "not a readable " + (container == Container.WORKBOOK ? "XLSX workbook" : container.noun()) + "; "
                            + container.saveAs());
            problem.initCause(e);
            throw problem;
        }
    }

    /** An entry may inflate to its ratio times its compressed size; small entries to the floor. */
    private static long ratioCap(ZipEntry entry, TabularLimits limits) {
        long compressed = Math.max(entry.getCompressedSize(), 1);
        return Math.max(RATIO_FLOOR_BYTES, compressed * limits.maxCompressionRatio());
    }

    private static TabularFormatException misdeclared(ZipEntry entry, Container container) {
        return TabularFormatException.ofFile("the " + container.noun() + " part " + entry.getName()
                + " inflates to another size than it declares; " + container.saveAs());
    }

    private static TabularFormatException tooLarge(ZipEntry entry, long inflated, TabularLimits limits,
                                                   Container container) {
        return TabularFormatException.ofFile("the " + container.noun() + " part " + entry.getName()
                + " inflates to more than " + inflated + " bytes; a " + container.noun() + " may inflate to at most "
                + limits.maxInflatedBytes() + " bytes in all, and each part of it to at most "
                + limits.maxCompressionRatio() + " times its compressed size");
    }
}
