package cn.qhzgh.study.progress;

import cn.qhzgh.study.common.NativeRows;
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
        NativeRows.Row c = row.columns();
        String worker = c.stringAt(2);
        return switch (kind) {
            case PROGRESSED -> statement("progressed:" + row.key(), worker, verb("progressed", "学习进度"),
                    module(c.longAt(4), c.stringAt(6)),
                    new Result(null, null, null, "PT" + c.longAt(8) + "S", Map.of(PROGRESS_EXTENSION, c.longAt(7))),
                    new Context(c.stringAt(10), "zh-CN", Map.of("parent", List.of(notice(c.longAt(5), null)))),
                    c.instantAt(9), row.stored());
            case MODULE_COMPLETED -> statement("completed-module:" + row.key(), worker, verb("completed", "完成学习"),
                    module(c.longAt(3), c.stringAt(5)), new Result(null, null, true, null, null),
                    new Context(null, "zh-CN", Map.of("parent", List.of(notice(c.longAt(4), null)))),
                    row.stored(), row.stored());
            case CAMPAIGN_COMPLETED -> statement("completed-notice:" + row.key(), worker, verb("completed", "完成学习"),
                    notice(c.longAt(3), c.stringAt(4)), new Result(null, null, true, null, null), null,
                    row.stored(), row.stored());
            case ATTEMPT_SCORED -> {
                int score = c.isNull(6) ? 0 : c.intAt(6);
                boolean passed = c.booleanAt(7);
                yield statement("attempt:" + row.key(), worker, passed ? verb("passed", "通过") : verb("failed", "未通过"),
                        activity("quizzes/" + c.longAt(4), c.stringAt(5), "assessment"),
                        new Result(new Score(score / 100.0, score, 0, 100), passed, true, null, null),
                        c.isNull(8) ? null : new Context(null, "zh-CN",
                                Map.of("parent", List.of(notice(c.longAt(8), null)))),
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
}
