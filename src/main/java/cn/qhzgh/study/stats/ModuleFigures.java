package cn.qhzgh.study.stats;

/** completionRate is over all workers of the subtree; averageBestScore over those who took the module's quiz. */
public record ModuleFigures(long moduleId, String code, String title, long started, long completed,
                            double completionRate, Double averageBestScore) {
}
