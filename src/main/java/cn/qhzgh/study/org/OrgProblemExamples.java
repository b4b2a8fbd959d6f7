package cn.qhzgh.study.org;

import cn.qhzgh.study.common.ProblemExampleSource;

import java.util.List;
import java.util.Map;

import static cn.qhzgh.study.common.ProblemExamples.cell;
import static cn.qhzgh.study.common.ProblemExamples.fileTooLarge;
import static cn.qhzgh.study.common.ProblemExamples.problem;
import static cn.qhzgh.study.common.ProblemExamples.unprocessable;

/** The contract's examples of org's errors: any path naming a union or a worker is scoped, and the two imports. */
public class OrgProblemExamples implements ProblemExampleSource {

    @Override
    public Map<String, Object> example(String status, String path, String instance) {
        boolean union = path.contains("{code}");
        boolean worker = path.contains("{externalId}");
        return switch (status) {
            case "403" -> union || worker ? problem("outside-subtree", "Forbidden", 403,
                    "The union 'QH-HD' is outside your own union's subtree.", instance.replace("QH-XN", "QH-HD")) : null;
            case "404" -> union ? problem("org-not-found", "Not Found", 404, "No union has the code 'QH-XN'.", instance)
                    : worker ? problem("worker-not-found", "Not Found", 404, "No worker has the id 'qh-w-000128'.", instance)
                    : null;
            case "413" -> path.equals("/api/v1/admin/workers/import") ? fileTooLarge("file", 150L * 1024 * 1024, instance)
                    : null;
            case "422" -> switch (path) {
                case "/api/v1/admin/orgs/import" -> unprocessable("invalid-org-file",
                        "2 problem(s) found; nothing was imported.", instance,
                        List.of(cell(3, "type", "type '市州' is not one of PROVINCE, CITY, INDUSTRY, DIRECT, COUNTY, GRASSROOTS"),
                                cell(4, "name", "name is required")));
                case "/api/v1/admin/workers/import" -> unprocessable("invalid-worker-file",
                        "1 problem(s) found; nothing was imported. At most 1000 are listed.", instance,
                        List.of(cell(12, "org_code", "unknown org_code 'QH-XN-CZ-G99'")));
                default -> null;
            };
            default -> null;
        };
    }
}
