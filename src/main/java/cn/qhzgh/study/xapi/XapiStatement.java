package cn.qhzgh.study.xapi;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;
import java.util.Map;

/** An xAPI 1.0.3 statement, limited to the parts this service exports. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record XapiStatement(
        @Schema(required = true, example = "6f1d3c2e-9a4b-5c7d-8e0f-1a2b3c4d5e6f")
        String id,
        @Schema(required = true)
        Actor actor,
        @Schema(required = true)
        Verb verb,
        @Schema(required = true)
        Activity object,
        @Schema(required = true)
        Result result,
        Context context,
        @Schema(required = true, example = "2022-11-20T01:36:12Z")
        String timestamp,
        @Schema(required = true, example = "2022-11-20T01:36:13Z")
        String stored,
        @Schema(required = true, example = "1.0.3")
        String version) {

    public record Actor(
            @Schema(required = true, example = "Agent")
            String objectType,
            @Schema(required = true)
            Account account) {
    }

    public record Account(
            @Schema(required = true, example = "https://study.qhzgh.example")
            String homePage,
            @Schema(required = true, example = "qh-w-000128")
            String name) {
    }

    public record Verb(
            @Schema(required = true, example = "http://adlnet.gov/expapi/verbs/completed")
            String id,
            @Schema(required = true, example = "{\"en-US\": \"completed\", \"zh-CN\": \"完成学习\"}")
            Map<String, String> display) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Activity(
            @Schema(required = true, example = "Activity")
            String objectType,
            @Schema(required = true, example = "https://study.qhzgh.example/xapi/activities/modules/11")
            String id,
            Definition definition) {
    }

    public record Definition(
            @Schema(required = true, example = "{\"zh-CN\": \"充分认识学习宣传贯彻党的二十大精神的重大意义\"}")
            Map<String, String> name,
            @Schema(required = true, example = "http://adlnet.gov/expapi/activities/module")
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
            @Schema(required = true, example = "0.9")
            double scaled,
            @Schema(required = true, example = "90")
            int raw,
            @Schema(required = true, example = "0")
            int min,
            @Schema(required = true, example = "100")
            int max) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Context(
            @Schema(example = "WECHAT")
            String platform,
            @Schema(required = true, example = "zh-CN")
            String language,
            @Schema(required = true, example = "{\"parent\": [{\"objectType\": \"Activity\", "
                    + "\"id\": \"https://study.qhzgh.example/xapi/activities/notices/1\"}]}")
            Map<String, List<Activity>> contextActivities) {
    }
}
