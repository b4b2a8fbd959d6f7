package cn.qhzgh.study.content;

import java.util.List;

/**
 * A notice split into its frame (版头 header and 版记 footer, read as metadata) and the content lines between,
 * with what an admin should review about the frame (a title cut to fit, for instance).
 */
record NoticeFrame(NoticeMetadata metadata, List<SourceLine> contentLines, List<ImportWarning> warnings) {

    NoticeFrame {
        contentLines = List.copyOf(contentLines);
        warnings = List.copyOf(warnings);
    }
}
