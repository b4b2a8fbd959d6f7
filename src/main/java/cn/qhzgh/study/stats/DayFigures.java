package cn.qhzgh.study.stats;

import java.time.LocalDate;

/** One Asia/Shanghai day: campaign completions and workers who sent reading progress. */
public record DayFigures(LocalDate day, long completions, long activeWorkers) {
}
