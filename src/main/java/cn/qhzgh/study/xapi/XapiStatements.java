package cn.qhzgh.study.xapi;

import cn.qhzgh.study.common.NativeRows;
import cn.qhzgh.study.xapi.XapiStatement.Account;
import cn.qhzgh.study.xapi.XapiStatement.Activity;
import cn.qhzgh.study.xapi.XapiStatement.Actor;
import cn.qhzgh.study.xapi.XapiStatement.Context;
import cn.qhzgh.study.xapi.XapiStatement.Definition;
import cn.qhzgh.study.xapi.XapiStatement.Result;
import cn.qhzgh.study.xapi.XapiStatement.Score;
import cn.qhzgh.study.xapi.XapiStatement.Verb;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Turns rows of {@link XapiSources} into statements with ADL verbs and activities on our home page. */
final class XapiStatements {

    static final String VERSION = "1.0.3";
    private static final String ADL = "http://adlnet.gov/expapi/";
    private static final String PROGRESS_EXTENSION = "https://w3id.org/xapi/cmi5/result/extensions/progress";

    private final String homePage;
    private final Function<Long, List<Long>> campaignsOfNotice;

    /** @param campaignsOfNotice the published and closed campaigns that study a notice, for contextActivities.grouping */
    XapiStatements(String homePage, Function<Long, List<Long>> campaignsOfNotice) {
        this.homePage = homePage;
        this.campaignsOfNotice = campaignsOfNotice;
    }

    XapiStatement of(XapiSources.Kind kind, XapiSources.Row row) {
        NativeRows.Row c = row.columns();
        String worker = c.stringAt(2);
        return switch (kind) {
            case PROGRESSED -> statement("progressed:" + row.key(), worker, verb("progressed", "学习进度"),
                    module(c.longAt(4), c.stringAt(6)),
                    new Result(null, null, null, "PT" + c.longAt(8) + "S", Map.of(PROGRESS_EXTENSION, c.longAt(7))),
                    new Context(c.stringAt(10), "zh-CN", activities(c.longAt(5), campaignsOfNotice.apply(c.longAt(5)))),
                    c.instantAt(9), row.stored());
            case MODULE_COMPLETED -> statement("completed-module:" + row.key(), worker, verb("completed", "完成学习"),
                    module(c.longAt(3), c.stringAt(5)), new Result(null, null, true, null, null),
                    new Context(null, "zh-CN", activities(c.longAt(4), campaignsOfNotice.apply(c.longAt(4)))),
                    row.stored(), row.stored());
            // The name predates campaigns, whose ids V13 took from the notices: kept, so statement ids never change.
            case CAMPAIGN_COMPLETED -> statement("completed-notice:" + row.key(), worker, verb("completed", "完成学习"),
                    activity("campaigns/" + c.longAt(3), c.stringAt(4), "course"),
                    new Result(null, null, true, null, null), null, row.stored(), row.stored());
            case ATTEMPT_SCORED -> {
                int score = c.isNull(6) ? 0 : c.intAt(6);
                boolean passed = c.booleanAt(7);
                yield statement("attempt:" + row.key(), worker, passed ? verb("passed", "通过") : verb("failed", "未通过"),
                        activity("quizzes/" + c.longAt(4), c.stringAt(5), "assessment"),
                        new Result(new Score(score / 100.0, score, 0, 100), passed, true, null, null),
                        c.isNull(8) && c.isNull(9) ? null : new Context(null, "zh-CN", activities(
                                c.isNull(8) ? null : c.longAt(8),
                                c.isNull(9) ? campaignsOfNotice.apply(c.longAt(8)) : List.of(c.longAt(9)))),
                        row.stored(), row.stored());
            }
        };
    }

    private XapiStatement statement(String name, String worker, Verb verb, Activity object, Result result,
                                    Context context, Instant timestamp, Instant stored) {
        return new XapiStatement(XapiIds.statementId(name).toString(),
                new Actor("Agent", new Account(homePage, worker)), verb, object, result, context,
                DateTimeFormatter.ISO_INSTANT.format(timestamp), DateTimeFormatter.ISO_INSTANT.format(stored), VERSION);
    }

    private static Verb verb(String adlVerb, String chinese) {
        return new Verb(ADL + "verbs/" + adlVerb, Map.of("en-US", adlVerb, "zh-CN", chinese));
    }

    private Activity module(long moduleId, String title) {
        return activity("modules/" + moduleId, title, "module");
    }

    /** The notice as parent (when there is one) and the campaigns the statement counts in as grouping. */
    private Map<String, List<Activity>> activities(Long noticeId, List<Long> campaigns) {
        Map<String, List<Activity>> activities = new LinkedHashMap<>();
        if (noticeId != null) {
            activities.put("parent", List.of(activity("notices/" + noticeId, null, "course")));
        }
        if (!campaigns.isEmpty()) {
            activities.put("grouping", campaigns.stream().map(id -> activity("campaigns/" + id, null, "course")).toList());
        }
        return activities;
    }

    private Activity activity(String path, String title, String adlType) {
        Definition definition = title == null ? null
                : new Definition(Map.of("zh-CN", title), ADL + "activities/" + adlType);
        return new Activity("Activity", homePage + "/xapi/activities/" + path, definition);
    }
}
