package cn.qhzgh.study.content;

/** What a record about a module needs to know of it: its notice, its code and the version of its text now. */
public record ModuleRef(long id, long noticeId, String code, int currentVersion) {
}
