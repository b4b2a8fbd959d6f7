package cn.qhzgh.study.stats;

import cn.qhzgh.study.common.ProblemExampleSource;

import java.util.List;
import java.util.Map;

import static cn.qhzgh.study.common.ProblemExamples.field;
import static cn.qhzgh.study.common.ProblemExamples.problem;

/** The contract's examples of stats' errors: dates of the dashboards, the export cap and the reconciliation. */
public class StatsProblemExamples implements ProblemExampleSource {

    private static final String DASHBOARDS = "/api/v1/stats/";

    @Override
    public Map<String, Object> example(String status, String path, String instance) {
        return switch (status) {
            case "400" -> path.startsWith(DASHBOARDS) ? problem("invalid-date", "Bad Request", 400,
                    "from must be a date such as 2022-11-20.", instance, List.of(field("from", "must be yyyy-MM-dd")))
                    : null;
            case "409" -> path.equals(StatsAdminResource.PATH) ? problem("reconcile-running", "Conflict", 409,
                    "A reconciliation is already running; try again when it has finished.", instance) : null;
            case "429" -> path.startsWith(DASHBOARDS) ? problem("rate-limited", "Too Many Requests", 429,
                    "At most 2 exports stream at once on this server; retry in 30 s.", instance) : null;
            default -> null;
        };
    }
}
