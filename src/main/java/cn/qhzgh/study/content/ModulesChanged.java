package cn.qhzgh.study.content;

/** Fired inside a transaction that changed module text or publication; observed after commit. */
public record ModulesChanged() {
}
