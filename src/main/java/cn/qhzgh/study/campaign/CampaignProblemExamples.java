package cn.qhzgh.study.campaign;

import cn.qhzgh.study.common.ProblemExampleSource;
import cn.qhzgh.study.common.ProblemExamples;

import java.util.Map;

import static cn.qhzgh.study.common.ProblemExamples.problem;

/** The contract's examples of campaign's errors: the workers' campaign list and the admin's campaign edits. */
public class CampaignProblemExamples implements ProblemExampleSource {

    private static final String ADMIN_CAMPAIGN = "/api/v1/admin/campaigns/";

    @Override
    public Map<String, Object> example(String status, String path, String instance) {
        boolean oneCampaign = path.startsWith(ADMIN_CAMPAIGN);
        return switch (status) {
            case "403" -> path.equals("/api/v1/campaigns") ? ProblemExamples.forbidden(instance) : null;
            case "404" -> oneCampaign ? problem("campaign-not-found", "Not Found", 404, "No campaign has the id 11.",
                    instance) : null;
            case "409" -> oneCampaign ? problem("campaign-closed", "Conflict", 409,
                    "The campaign 11 is closed and can no longer change.", instance) : null;
            case "412" -> oneCampaign
                    ? ProblemExamples.staleEtag("campaign", "\"campaign11-r3-5d0c3a1e\"", instance) : null;
            case "428" -> oneCampaign ? ProblemExamples.ifMatchRequired("campaign", instance) : null;
            default -> null;
        };
    }
}
