package cn.qhzgh.study.progress;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;
import java.util.Map;

/** An xAPI 1.0.3 statement, limited to the parts this service exports. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record XapiStatement(
        @Schema(example = "6f1d3c2e-9a4b-5c7d-8e0f-1a2b3c4d5e6f")
        String id,
        Actor actor,
        Verb verb,
        Activity object,
        Result result,
        Context context,
        @Schema(example = "2022-11-20T01:36:12Z")
        String timestamp,
        @Schema(example = "2022-11-20T01:36:13Z")
        String stored,
        @Schema(example = "1.0.3")
        String version) {

    public record Actor(
            @Schema(example = "Agent")
            String objectType,
            Account account) {
    }

    public record Account(
            @Schema(example = "https://study.qhzgh.example")
            String homePage,
            @Schema(example = "qh-w-000128")
            String name) {
    }

    public record Verb(
            @Schema(example = "http://adlnet.gov/expapi/verbs/completed")
            String id,
            @Schema(example = "{\"en-US\": \"completed\", \"zh-CN\": \"完成学习\"}")
            Map<String, String> display) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Activity(
            @Schema(example = "Activity")
            String objectType,
            @Schema(example = "https://study.qhzgh.example/xapi/activities/modules/11")
            String id,
            Definition definition) {
    }

    public record Definition(
            @Schema(example = "{\"zh-CN\": \"充分认识学习宣传贯彻党的二十大精神的重大意义\"}")
            Map<String, String> name,
            @Schema(example = "http://adlnet.gov/expapi/activities/module")
            String type) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Result(
            Score score,
            @Schema(example = "true")
            Boolean success,
            @Schema(example = "true")
            Boolean completion,
            @Schema(example = "PT420S")
            String duration,
            @Schema(example = "{\"https://w3id.org/xapi/cmi5/result/extensions/progress\": 60}")
            Map<String, Object> extensions) {
    }

    public record Score(
            @Schema(example = "0.9")
            double scaled,
            @Schema(example = "90")
            int raw,
            @Schema(example = "0")
            int min,
            @Schema(example = "100")
            int max) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Context(
            @Schema(example = "WECHAT")
            String platform,
            @Schema(example = "zh-CN")
            String language,
            @Schema(example = "{\"parent\": [{\"objectType\": \"Activity\", "
                    + "\"id\": \"https://study.qhzgh.example/xapi/activities/notices/1\"}]}")
            Map<String, List<Activity>> contextActivities) {
    }
}
