package cn.qhzgh.study.common.tabular;

import java.io.Closeable;

/** Streams the raw rows of one file format, one at a time. */
interface RecordSource extends Closeable {

    /** The next row, blank ones included, or {@code null} at the end of the file. */
    SourceRecord next();
}
