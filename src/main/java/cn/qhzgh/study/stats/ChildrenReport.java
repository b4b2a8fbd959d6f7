package cn.qhzgh.study.stats;

import cn.qhzgh.study.stats.report.ReportSink;

import java.util.Arrays;
import java.util.List;

/** The children sheet: one row of figures per direct child union, for reporting upward. */
final class ChildrenReport {

    static final List<String> COLUMNS = List.of("工会编码", "工会名称", "类型", "职工数", "已开始学习", "已完成学习",
            "完成率", "参加结业考试", "结业考试通过", "通过率", "结业考试平均最高分", "学习时长(秒)");

    private ChildrenReport() {
    }

    static void write(List<OrgFigures> children, ReportSink sink) {
        sink.header(COLUMNS);
        for (OrgFigures f : children) {
            sink.row(Arrays.asList(f.code(), f.name(), f.type().name(), f.workers(), f.started(),
                    f.completed(), f.completionRate(), f.finalAttempted(), f.finalPassed(), f.passRate(),
                    f.averageBestFinalScore(), f.secondsSpentTotal()));
        }
    }
}
