package cn.qhzgh.study.stats.report;

/**
 * Defuses spreadsheet formula injection (OWASP "CSV Injection") in text cells of exported reports.
 *
 * <p>A text cell whose first character is {@code =}, {@code +}, {@code -}, {@code @}, a tab or a carriage return
 * may be run as a formula when a report is opened in Excel or WPS, or pasted or re-saved as CSV. Such a cell
 * gets a leading single quote, as OWASP recommends: spreadsheets then treat the cell as text and show the
 * quote with the original value, so nothing is lost or silently changed. Only the first character counts;
 * numbers are passed to the sinks as {@link Number} and never reach this class, so {@code -5} stays a number.
 */
public final class CellSafety {

    private static final String FORMULA_TRIGGERS = "=+-@\t\r";
    private static final char TEXT_MARKER = '\'';

    private CellSafety() {
    }

    /** The cell with a leading quote if it could start a formula, otherwise unchanged; {@code null} stays null. */
    public static String neutralise(String cell) {
        if (cell == null || cell.isEmpty() || FORMULA_TRIGGERS.indexOf(cell.charAt(0)) < 0) {
            return cell;
        }
        return TEXT_MARKER + cell;
    }
}
