package cn.qhzgh.study.stats.report;

import java.util.Locale;
import java.util.Optional;

/** The formats union offices download completion reports in. */
public enum ReportFormat {
    CSV("text/csv; charset=UTF-8", "csv"),
    XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx");

    private final String mediaType;
    private final String extension;

    ReportFormat(String mediaType, String extension) {
        this.mediaType = mediaType;
        this.extension = extension;
    }

    /** The Content-Type of a response carrying a report in this format. */
    public String mediaType() {
        return mediaType;
    }

    /** The file name extension without the dot, e.g. {@code csv}. */
    public String extension() {
        return extension;
    }

    /** The format named by a request parameter such as {@code xlsx} (any case, surrounding blanks ignored). */
    public static Optional<ReportFormat> fromParameter(String value) {
        if (value == null) {
            return Optional.empty();
        }
        String name = value.strip().toUpperCase(Locale.ROOT);
        for (ReportFormat format : values()) {
            if (format.name().equals(name)) {
                return Optional.of(format);
            }
        }
        return Optional.empty();
    }
}
