package cn.qhzgh.study.common.tabular;

/**
 * What a small upload may make the reader do: cells in one row, characters in one cell, and for XLSX (a zip) the
 * total inflated size of its entries and how far one entry may inflate beyond its compressed size.
 */
public record TabularLimits(int maxCellsPerRow, int maxCellChars, long maxInflatedBytes, int maxCompressionRatio) {

    public static final TabularLimits DEFAULTS = new TabularLimits(256, 32_767, 1L << 30, 100);

    public TabularLimits {
        if (maxCellsPerRow < 1 || maxCellChars < 1 || maxInflatedBytes < 1 || maxCompressionRatio < 1) {
            throw new IllegalArgumentException("tabular limits must be positive");
        }
    }
}
