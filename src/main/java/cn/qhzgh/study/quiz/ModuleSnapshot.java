package cn.qhzgh.study.quiz;

import java.util.List;

/** The current text of one module, as the content feature hands it to question generation. */
public record ModuleSnapshot(Long moduleId, int version, String code, String title, List<String> paragraphs) {
}
