package cn.qhzgh.study.progress;

import cn.qhzgh.study.common.DbClock;
import cn.qhzgh.study.progress.XapiStatement.Account;
import cn.qhzgh.study.progress.XapiStatement.Activity;
import cn.qhzgh.study.progress.XapiStatement.Actor;
import cn.qhzgh.study.progress.XapiStatement.Context;
import cn.qhzgh.study.progress.XapiStatement.Definition;
import cn.qhzgh.study.progress.XapiStatement.Result;
import cn.qhzgh.study.progress.XapiStatement.Score;
import cn.qhzgh.study.progress.XapiStatement.Verb;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

/** Turns rows of {@link XapiSources} into statements with ADL verbs and activities on our home page. */
final class XapiStatements {

    static final String VERSION = "1.0.3";
    private static final String ADL = "http://adlnet.gov/expapi/";
    private static final String PROGRESS_EXTENSION = "https://w3id.org/xapi/cmi5/result/extensions/progress";

    private final String homePage;

    XapiStatements(String homePage) {
        this.homePage = homePage;
    }

    XapiStatement of(XapiSources.Kind kind, XapiSources.Row row) {
        Object[] c = row.columns();
        String worker = (String) c[2];
        return switch (kind) {
            case PROGRESSED -> statement("progressed:" + row.key(), worker, verb("progressed", "学习进度"),
                    module(number(c[4]), (String) c[6]),
                    new Result(null, null, null, "PT" + number(c[8]) + "S", Map.of(PROGRESS_EXTENSION, number(c[7]))),
                    new Context((String) c[10], "zh-CN", Map.of("parent", List.of(notice(number(c[5]), null)))),
                    DbClock.toInstant(c[9]), row.stored());
            case MODULE_COMPLETED -> statement("completed-module:" + row.key(), worker, verb("completed", "完成学习"),
                    module(number(c[3]), (String) c[5]), new Result(null, null, true, null, null),
                    new Context(null, "zh-CN", Map.of("parent", List.of(notice(number(c[4]), null)))),
                    row.stored(), row.stored());
            case CAMPAIGN_COMPLETED -> statement("completed-notice:" + row.key(), worker, verb("completed", "完成学习"),
                    notice(number(c[3]), (String) c[4]), new Result(null, null, true, null, null), null,
                    row.stored(), row.stored());
            case ATTEMPT_SCORED -> {
                int score = c[6] == null ? 0 : (int) number(c[6]);
                boolean passed = Boolean.TRUE.equals(c[7]) || (c[7] instanceof Number n && n.intValue() == 1);
                yield statement("attempt:" + row.key(), worker, passed ? verb("passed", "通过") : verb("failed", "未通过"),
                        activity("quizzes/" + number(c[4]), (String) c[5], "assessment"),
                        new Result(new Score(score / 100.0, score, 0, 100), passed, true, null, null),
                        c[8] == null ? null : new Context(null, "zh-CN",
                                Map.of("parent", List.of(notice(number(c[8]), null)))),
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

    private Activity notice(long noticeId, String title) {
        return activity("notices/" + noticeId, title, "course");
    }

    private Activity activity(String path, String title, String adlType) {
        Definition definition = title == null ? null
                : new Definition(Map.of("zh-CN", title), ADL + "activities/" + adlType);
        return new Activity("Activity", homePage + "/xapi/activities/" + path, definition);
    }

    private static long number(Object value) {
        return ((Number) value).longValue();
    }
}
