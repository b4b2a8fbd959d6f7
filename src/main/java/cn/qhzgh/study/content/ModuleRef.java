package cn.qhzgh.study.content;

/**
 * What a record about a module needs to know of it: its notice, its code, the version of its text now and that
 * text's reading time, which bounds the reading time credited to the module.
 */
public record ModuleRef(long id, long noticeId, String code, int currentVersion, int readingMinutes) {
}
