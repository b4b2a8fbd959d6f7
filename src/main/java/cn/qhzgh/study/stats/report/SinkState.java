package cn.qhzgh.study.stats.report;

import java.util.List;
import java.util.Objects;

/** The call order every {@link ReportSink} enforces: one header, rows as wide as it, then close once. */
final class SinkState {

    private List<String> columns;
    private boolean closed;

    /** Records the header; returns an immutable copy for sinks that repeat it. */
    List<String> acceptHeader(List<String> header) {
        Objects.requireNonNull(header, "columns");
        requireOpen();
        if (columns != null) {
            throw new IllegalStateException("the header has already been written");
        }
        columns = List.copyOf(header);
        return columns;
    }

    void acceptRow(List<Object> cells) {
        Objects.requireNonNull(cells, "cells");
        requireOpen();
        if (columns == null) {
            throw new IllegalStateException("write the header before the first row");
        }
        if (cells.size() != columns.size()) {
            throw new IllegalArgumentException("row has " + cells.size() + " cells but the header has "
                    + columns.size() + " columns");
        }
    }

    /** Marks the sink closed; false if it already was, so close stays idempotent. */
    boolean close() {
        if (closed) {
            return false;
        }
        closed = true;
        return true;
    }

    private void requireOpen() {
        if (closed) {
            throw new IllegalStateException("the report has been closed");
        }
    }
}
