package cn.qhzgh.study.progress;

import java.util.List;

/** xAPI StatementResult: {@code more} is the IRL of the next page, or the empty string on the last one. */
public record XapiStatementResult(List<XapiStatement> statements, String more) {
}
