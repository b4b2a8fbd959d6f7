package cn.qhzgh.study.progress;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;
import java.util.Map;

/** An xAPI 1.0.3 statement, limited to the parts this service exports. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record XapiStatement(String id, Actor actor, Verb verb, Activity object, Result result, Context context,
                            String timestamp, String stored, String version) {

    public record Actor(String objectType, Account account) {
    }

    public record Account(String homePage, String name) {
    }

    public record Verb(String id, Map<String, String> display) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Activity(String objectType, String id, Definition definition) {
    }

    public record Definition(Map<String, String> name, String type) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Result(Score score, Boolean success, Boolean completion, String duration,
                         Map<String, Object> extensions) {
    }

    public record Score(double scaled, int raw, int min, int max) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Context(String platform, String language, Map<String, List<Activity>> contextActivities) {
    }
}
