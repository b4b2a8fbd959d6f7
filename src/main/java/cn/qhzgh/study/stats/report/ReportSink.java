package cn.qhzgh.study.stats.report;

import java.util.List;

/**
 * Writes one report row by row to a caller's stream, holding no more than a fixed buffer, so a report of a
 * million rows costs as much memory as one of ten. Open one with {@link ReportSinks#open}.
 *
 * <p>Call {@link #header} once, then {@link #row} for each row, then {@link #close}. Cells may be:
 * <ul>
 *   <li>{@link String}: written as text, defused by {@link CellSafety#neutralise};</li>
 *   <li>{@link Number} ({@link Long}, {@link Integer}, {@link Double}, {@link java.math.BigDecimal}, ...): a number,
 *       written plainly without an exponent in CSV; NaN and infinities are refused;</li>
 *   <li>{@link Boolean}: the text 是 or 否 in both formats, as the province's reporting forms write it;</li>
 *   <li>{@link java.time.Instant}: the date and time in the sink's zone, {@code yyyy-MM-dd HH:mm:ss};</li>
 *   <li>{@link java.time.LocalDate}: {@code yyyy-MM-dd};</li>
 *   <li>{@code null}: an empty cell.</li>
 * </ul>
 * Any other cell type, or a row wider or narrower than the header, is refused with an
 * {@link IllegalArgumentException}. I/O failures surface as {@link java.io.UncheckedIOException}.
 */
public interface ReportSink extends AutoCloseable {

    /** The column titles; must be called exactly once, before any row. */
    void header(List<String> columns);

    /** One row with as many cells as the header has columns. */
    void row(List<Object> cells);

    /**
     * Finishes the document and flushes everything to the caller's stream, which stays open: closing it is the
     * caller's job (e.g. the container's, for a JAX-RS {@code StreamingOutput}). Calling it again does nothing.
     * It completes the document even when the rows stopped half way through a failure, so let that failure reach
     * the container: it then aborts the response and the download shows as failed, not as a shorter report.
     */
    @Override
    void close();
}
