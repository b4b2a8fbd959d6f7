package cn.qhzgh.study.content;

import cn.qhzgh.study.common.ProblemExampleSource;

import java.util.List;
import java.util.Map;

import static cn.qhzgh.study.common.ProblemExamples.field;
import static cn.qhzgh.study.common.ProblemExamples.fileTooLarge;
import static cn.qhzgh.study.common.ProblemExamples.ifMatchRequired;
import static cn.qhzgh.study.common.ProblemExamples.problem;
import static cn.qhzgh.study.common.ProblemExamples.staleEtag;
import static cn.qhzgh.study.common.ProblemExamples.unprocessable;

/** The contract's examples of content's errors: modules, notices and the notice import. */
public class ContentProblemExamples implements ProblemExampleSource {

    private static final String ADMIN_MODULES = "/api/v1/admin/modules/";
    private static final String NOTICE_IMPORT = "/api/v1/admin/notices";

    @Override
    public Map<String, Object> example(String status, String path, String instance) {
        return switch (status) {
            case "404" -> path.startsWith(ADMIN_MODULES)
                    ? notFound("module-not-found", "No study module has the id 11.", instance)
                    : path.startsWith("/api/v1/modules/")
                    ? notFound("module-not-found", "No published study module has the id 11.", instance)
                    : path.startsWith("/api/v1/notices/") ? notFound("notice-not-found", "No notice has the id 11.", instance)
                    : null;
            case "412" -> path.startsWith(ADMIN_MODULES)
                    ? staleEtag("module", "\"v3-9f2b6c1d0e4a4b7c8d9e0f1a2b3c4d5e\"", instance) : null;
            case "428" -> path.startsWith(ADMIN_MODULES) ? ifMatchRequired("module", instance) : null;
            case "409" -> path.endsWith("/unpublish") ? problem("campaign-incomplete", "Conflict", 409,
                    "The campaign lacks what a published campaign needs: 1 problem(s).", instance,
                    List.of(field("id", "is the last published module of published campaign 2; give it another "
                            + "material first, or close it"))) : null;
            case "413" -> path.equals(NOTICE_IMPORT) ? fileTooLarge("notice", 2L * 1024 * 1024, instance) : null;
            case "422" -> path.equals(NOTICE_IMPORT) ? unprocessable("invalid-notice",
                    "The document is not a notice this importer understands.", instance,
                    List.of(field("document", "未找到发文字号（应有一行形如“青总发〔2022〕24号”，位于第一个一级标题之前）。")))
                    : null;
            default -> null;
        };
    }

    private static Map<String, Object> notFound(String slug, String detail, String instance) {
        return problem(slug, "Not Found", 404, detail, instance);
    }
}
