package cn.qhzgh.study.stats.report;

import java.time.LocalDate;
import java.util.Objects;
import java.util.regex.Pattern;

/** Download names of reports, such as {@code QH-XN_workers_2026-11-24.csv}, and their Content-Disposition. */
public final class ReportFileName {

    /** Plain ASCII only, so the name needs neither escaping in the header nor RFC 8187 {@code filename*}. */
    private static final Pattern SAFE_NAME = Pattern.compile("[A-Za-z0-9_.-]+");

    private ReportFileName() {
    }

    /**
     * {@code <orgCode>_<sheet>_<yyyy-MM-dd>.<extension>}.
     *
     * @throws IllegalArgumentException if the org code or sheet holds anything but ASCII letters, digits, {@code _.-}
     */
    public static String of(String orgCode, String sheet, LocalDate day, ReportFormat format) {
        Objects.requireNonNull(day, "day");
        Objects.requireNonNull(format, "format");
        return requireSafe("org code", orgCode) + "_" + requireSafe("sheet", sheet) + "_" + day + "."
                + format.extension();
    }

    /**
     * The RFC 6266 header value {@code attachment; filename="<fileName>"} for a name made by {@link #of}.
     *
     * @throws IllegalArgumentException if the name holds anything but ASCII letters, digits, {@code _.-}
     */
    public static String contentDisposition(String fileName) {
        return "attachment; filename=\"" + requireSafe("file name", fileName) + "\"";
    }

    private static String requireSafe(String what, String value) {
        if (value == null || !SAFE_NAME.matcher(value).matches()) {
            throw new IllegalArgumentException(what + " must consist of ASCII letters, digits, '_', '.' or '-': "
                    + value);
        }
        return value;
    }
}
