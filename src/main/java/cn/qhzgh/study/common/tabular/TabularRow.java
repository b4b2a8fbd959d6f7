package cn.qhzgh.study.common.tabular;

import java.util.Map;

/**
 * One non-blank data row.
 *
 * @param rowNumber the row number the admin sees in Excel: 1-based, the header row counts, blank rows count
 * @param cells     trimmed value per expected column (keyed by the caller's column name); "" for empty cells
 */
public record TabularRow(long rowNumber, Map<String, String> cells) {

    public TabularRow {
        cells = Map.copyOf(cells);
    }

    /**
     * The trimmed value of an expected column, "" when the cell is empty or the row is short.
     *
     * @throws IllegalArgumentException if {@code column} is not one of the expected columns (a caller bug)
     */
    public String cell(String column) {
        String value = cells.get(column);
        if (value == null) {
            throw new IllegalArgumentException("'" + column + "' is not an expected column; known: " + cells.keySet());
        }
        return value;
    }
}
