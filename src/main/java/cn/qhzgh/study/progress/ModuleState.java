package cn.qhzgh.study.progress;

/** How far one worker got in one module. */
public record ModuleState(int percent, boolean completed) {
}
