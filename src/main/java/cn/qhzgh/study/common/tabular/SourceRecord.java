package cn.qhzgh.study.common.tabular;

import java.util.List;

/** A raw row as it comes out of a file, before the header gives its cells names. */
record SourceRecord(long rowNumber, List<String> cells) {

    boolean isBlank() {
        return cells.stream().allMatch(String::isBlank);
    }
}
