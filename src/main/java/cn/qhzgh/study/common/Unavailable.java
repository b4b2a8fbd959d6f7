package cn.qhzgh.study.common;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

/** The contract's 503: overloaded or no database, nothing was done, so the same request may be sent again later. */
public final class Unavailable {

    public static final int RETRY_AFTER_SECONDS = 2;

    private Unavailable() {
    }

    public static Problem problem(String detail, String instance) {
        return new Problem(Problem.type("unavailable"), "Service Unavailable", 503, detail, instance, null, null);
    }

    public static Response response(String detail, String instance) {
        return Response.status(503).type(Problem.MEDIA_TYPE).header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS)
                .entity(problem(detail, instance)).build();
    }
}
