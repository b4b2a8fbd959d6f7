package cn.qhzgh.study.stats.report;

import java.util.List;

/** Passes everything on to another sink and counts the rows handed over, for the audit of an export. */
public final class CountingReportSink implements ReportSink {

    private final ReportSink delegate;
    private long rows;

    public CountingReportSink(ReportSink delegate) {
        this.delegate = delegate;
    }

    @Override
    public void header(List<String> columns) {
        delegate.header(columns);
    }

    @Override
    public void row(List<Object> cells) {
        delegate.row(cells);
        rows++;
    }

    /** Rows the delegate accepted, not counting the header. */
    public long rows() {
        return rows;
    }

    @Override
    public void close() {
        delegate.close();
    }
}
