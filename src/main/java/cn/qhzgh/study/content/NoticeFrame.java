package cn.qhzgh.study.content;

import java.util.List;

/** A notice split into its frame (版头 header and 版记 footer, read as metadata) and the content lines between. */
record NoticeFrame(NoticeMetadata metadata, List<SourceLine> contentLines) {

    NoticeFrame {
        contentLines = List.copyOf(contentLines);
    }
}
