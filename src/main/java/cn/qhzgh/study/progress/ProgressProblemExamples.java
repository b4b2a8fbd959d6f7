package cn.qhzgh.study.progress;

import cn.qhzgh.study.common.ProblemExampleSource;

import java.util.Map;

import static cn.qhzgh.study.common.ProblemExamples.problem;

/** The contract's examples of progress's errors: only workers record reading progress. */
public class ProgressProblemExamples implements ProblemExampleSource {

    @Override
    public Map<String, Object> example(String status, String path, String instance) {
        return "403".equals(status) && path.equals("/api/v1/me/progress")
                ? problem("workers-only", "Forbidden", 403, "Only workers record reading progress.", instance) : null;
    }
}
