package cn.qhzgh.study.stats.report;

import java.math.BigDecimal;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Renderings of cell values that CSV and XLSX reports share. */
final class CellValues {

    static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT);
    private static final String YES = "是";
    private static final String NO = "否";

    private CellValues() {
    }

    static String yesNo(boolean value) {
        return value ? YES : NO;
    }

    /** Decimal notation without an exponent, e.g. {@code 0.0000001} rather than {@code 1.0E-7}. */
    static String plainNumber(Number number) {
        if (number instanceof BigDecimal decimal) {
            return decimal.toPlainString();
        }
        if (number instanceof Double || number instanceof Float) {
            // Double.toString's digits read back as the same double; only its exponent is dropped
            return new BigDecimal(requireFinite(number).toString()).stripTrailingZeros().toPlainString();
        }
        return number.toString();
    }

    /** NaN or infinity would read as text in CSV and corrupt an XLSX sheet, and means a bug upstream. */
    static Number requireFinite(Number number) {
        if ((number instanceof Double || number instanceof Float) && !Double.isFinite(number.doubleValue())) {
            throw new IllegalArgumentException("a report cell must be a finite number, not " + number);
        }
        return number;
    }

    static IllegalArgumentException unsupported(Object cell) {
        return new IllegalArgumentException("unsupported report cell type " + cell.getClass().getName()
                + "; use String, Number, Boolean, Instant or LocalDate");
    }
}
