package cn.qhzgh.study.content;

import java.util.List;

/** The current text of one published module, as content hands it to question generation ({@link NoticeQuestions}). */
public record ModuleSnapshot(Long moduleId, int version, String code, String title, List<String> paragraphs) {
}
