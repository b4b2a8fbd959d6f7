package cn.qhzgh.study.stats;

import java.time.Instant;

public record SummaryView(String docNumber, OrgFigures figures, Instant asOf) {
}
