package cn.qhzgh.study.admission;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class PriorityTest {

    @ParameterizedTest(name = "{0} {1} (If-None-Match: {2}) is {3}")
    @CsvSource({
            "GET,  /api/v1/modules/10,                        true,  REVALIDATION",
            "GET,  /api/v1/modules/10,                        false, CRITICAL",
            "GET,  /api/v1/modules,                           true,  CRITICAL",
            "GET,  /api/v1/modules,                           false, CRITICAL",
            "POST, /api/v1/me/progress,                       false, CRITICAL",
            "GET,  /api/v1/me/progress,                       false, STANDARD",
            "PUT,  /api/v1/modules/10,                        true,  STANDARD",
            "GET,  /api/v1/modules/10/extra,                  true,  STANDARD",
            "POST, /api/v1/quizzes/3/attempts,                false, STANDARD",
            "PUT,  /api/v1/attempts/5/answers,                 false, STANDARD",
            "GET,  /api/v1/me,                                false, STANDARD",
            "GET,  /api/v1/admin/questions/7,                 true,  STANDARD",
            "GET,  /api/v1/stats/orgs/QH/summary,             false, SHEDDABLE",
            "GET,  /api/v1/stats/orgs/QH/summary,             true,  SHEDDABLE",
            "GET,  /api/v1/stats/orgs/QH/export,              false, SHEDDABLE",
            "GET,  /api/v1/admin/question-banks/2/export,     false, SHEDDABLE",
            "GET,  /api/v1/admin/xapi/statements,             false, SHEDDABLE",
            "POST, /api/v1/admin/stats/reconcile,             false, SHEDDABLE",
            "GET,  /api/v1/admin/stats/reconcile/9,           false, SHEDDABLE",
    })
    void requestsAreToldApartByMethodPathAndRevalidation(String method, String path, boolean conditional,
                                                        Priority expected) {
        assertThat(Priority.of(method, path, conditional)).isEqualTo(expected);
    }
}
