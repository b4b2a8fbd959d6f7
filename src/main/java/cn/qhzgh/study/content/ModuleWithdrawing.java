package cn.qhzgh.study.content;

/** Fired in its transaction before a published module is unpublished; an observer refuses it by throwing. */
public record ModuleWithdrawing(long moduleId, long noticeId) {
}
