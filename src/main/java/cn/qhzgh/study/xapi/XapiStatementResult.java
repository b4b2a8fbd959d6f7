package cn.qhzgh.study.xapi;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** xAPI StatementResult: {@code more} is the IRL of the next page, or the empty string on the last one. */
public record XapiStatementResult(
        @Schema(required = true)
        List<XapiStatement> statements,
        @Schema(required = true, example = "/api/v1/admin/xapi/statements?org=QH-XN&limit=500&cursor=MTY2ODkwNzgwMDAwMDo0Mg")
        String more) {
}
