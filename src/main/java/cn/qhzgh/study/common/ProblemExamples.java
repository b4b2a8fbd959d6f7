package cn.qhzgh.study.common;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Example problem bodies for the contract, one per documented error of an operation. Titles, slugs and details are
 * the ones {@link ProblemMapper} and the services really send; only the data in them (codes, ids, cells) is sample.
 */
final class ProblemExamples {

    private static final String SAMPLE_INCIDENT = "9c7e3a52-8d1f-4c55-a0a5-2f6f5f0e4b11";

    private ProblemExamples() {
    }

    /** The example for {@code status} on the operation at {@code path}, or null when no single body is typical. */
    static Map<String, Object> of(String status, String path, boolean jsonBody, boolean upload) {
        String instance = instance(path);
        return switch (status) {
            case "400" -> badRequest(path, instance, jsonBody, upload);
            case "401" -> problem("unauthorized", "Unauthorized", 401,
                    "A valid bearer token from the union's identity service is required.", instance, null);
            case "403" -> forbidden(path, instance);
            case "404" -> notFound(path, instance);
            case "409" -> path.startsWith("/api/v1/admin/campaigns/")
                    ? problem("campaign-closed", "Conflict", 409,
                    "The campaign 11 is closed and can no longer change.", instance, null)
                    : path.equals("/api/v1/admin/stats/reconcile")
                    ? problem("reconcile-running", "Conflict", 409,
                    "A reconciliation is already running; try again when it has finished.", instance, null)
                    : path.startsWith("/api/v1/attempts/")
                    ? problem("already-submitted", "Conflict", 409,
                    "This attempt was already submitted; start a new attempt to try again.", instance, null)
                    : problem("daily-limit", "Conflict", 409,
                    "每日答题 allows one scored attempt per day (Asia/Shanghai); come back tomorrow.", instance, null);
            case "412" -> problem("stale-etag", "Precondition Failed", 412, "The " + edited(path)
                    + " changed since you read it (current ETag " + currentEtag(path) + "); reload and try again.",
                    instance, null);
            case "413" -> jsonBody ? problem("body-too-large", "Content Too Large", 413,
                    "The request body has 2097152 bytes; this endpoint accepts at most 1048576.", instance, null)
                    : tooLarge(path, instance);
            case "415" -> problem("http-415", "Unsupported Media Type", 415,
                    "The request's Content-Type is not supported by this endpoint.", instance, null);
            case "422" -> unprocessable(path, instance);
            case "428" -> problem("if-match-required", "Precondition Required", 428, "Send If-Match with the ETag of the "
                    + edited(path) + " you last read, so edits are never lost silently.", instance, null);
            case "429" -> path.startsWith("/api/v1/stats/") ? problem("rate-limited", "Too Many Requests", 429,
                    "At most 2 exports stream at once on this server; retry in 30 s.", instance, null)
                    : path.startsWith("/api/v1/admin/") ? problem("imports-busy", "Too Many Requests", 429,
                    "This server already runs 2 import(s); retry the worker list after 30 s.", instance, null)
                    : problem("rate-limited", "Too Many Requests", 429,
                    "At most 10 quiz starts and submissions per minute; retry in 42 s.", instance, null);
            case "500" -> problem("internal", "Internal Server Error", 500,
                    "The server could not complete the request. Quote incident " + SAMPLE_INCIDENT + " to support.",
                    instance, null);
            case "503" -> problem("unavailable", "Service Unavailable", 503,
                    "The service is overloaded or its database is unreachable; retry after 2 s.", instance, null);
            default -> null;
        };
    }

    private static Map<String, Object> badRequest(String path, String instance, boolean jsonBody, boolean upload) {
        if (jsonBody) {
            return problem("malformed-json", "Bad Request", 400, "The request body is not valid JSON for this endpoint.",
                    instance, null);
        }
        if (upload) {
            return problem("missing-file", "Bad Request", 400, "Send the file as multipart/form-data in field 'file'.",
                    instance, List.of(field("file", "is required")));
        }
        if (path.startsWith("/api/v1/stats/")) {
            return problem("invalid-date", "Bad Request", 400, "from must be a date such as 2022-11-20.", instance,
                    List.of(field("from", "must be yyyy-MM-dd")));
        }
        return null;
    }

    private static Map<String, Object> forbidden(String path, String instance) {
        if (path.contains("{code}") || path.contains("{externalId}")) {
            return problem("outside-subtree", "Forbidden", 403,
                    "The union 'QH-HD' is outside your own union's subtree.", instance.replace("QH-XN", "QH-HD"), null);
        }
        if (path.startsWith("/api/v1/admin/")) {
            return problem("forbidden", "Forbidden", 403, "Your role does not allow this operation.", instance, null);
        }
        if (path.startsWith("/api/v1/quizzes/")) {
            return problem("quiz-not-open", "Forbidden", 403, "This quiz opens at 2022-11-16T00:00:00Z.", instance, null);
        }
        if (path.equals("/api/v1/campaigns")) {
            return problem("forbidden", "Forbidden", 403, "Your role does not allow this operation.", instance, null);
        }
        if (path.equals("/api/v1/me/progress")) {
            return problem("workers-only", "Forbidden", 403, "Only workers record reading progress.", instance, null);
        }
        return problem("unknown-org", "Forbidden", 403,
                "The union 'QH-XN-CZ-G99' named by the token's org claim is not in the org directory.", instance, null);
    }

    private static Map<String, Object> notFound(String path, String instance) {
        String detail;
        String slug;
        if (path.contains("{code}")) {
            slug = "org-not-found";
            detail = "No union has the code 'QH-XN'.";
        } else if (path.contains("{externalId}")) {
            slug = "worker-not-found";
            detail = "No worker has the id 'qh-w-000128'.";
        } else if (path.startsWith("/api/v1/admin/modules/")) {
            slug = "module-not-found";
            detail = "No study module has the id 11.";
        } else if (path.startsWith("/api/v1/modules/")) {
            slug = "module-not-found";
            detail = "No published study module has the id 11.";
        } else if (path.startsWith("/api/v1/notices/")) {
            slug = "notice-not-found";
            detail = "No notice has the id 11.";
        } else if (path.startsWith("/api/v1/admin/questions/")) {
            slug = "question-not-found";
            detail = "No question has the id 11.";
        } else if (path.startsWith("/api/v1/admin/question-banks/")) {
            slug = "bank-not-found";
            detail = "No question bank has the id 11.";
        } else if (path.startsWith("/api/v1/admin/campaigns/")) {
            slug = "campaign-not-found";
            detail = "No campaign has the id 11.";
        } else if (path.startsWith("/api/v1/admin/quizzes/")) {
            slug = "quiz-not-found";
            detail = "No quiz has the id 11.";
        } else if (path.startsWith("/api/v1/quizzes/")) {
            slug = "quiz-not-found";
            detail = "No active quiz has the id 11.";
        } else if (path.startsWith("/api/v1/attempts/")) {
            slug = "attempt-not-found";
            detail = "You have no attempt with the id 3b241101-e2bb-4255-8caf-4136c566a962.";
        } else {
            return null;
        }
        return problem(slug, "Not Found", 404, detail, instance, null);
    }

    private static Map<String, Object> tooLarge(String path, String instance) {
        String what = path.endsWith("/notices") ? "notice" : path.endsWith("/question-banks") ? "question bank" : "file";
        long limit = path.endsWith("/notices") ? 2L * 1024 * 1024
                : path.endsWith("/workers/import") ? 150L * 1024 * 1024 : 10L * 1024 * 1024;
        return problem("file-too-large", "Content Too Large", 413, "The " + what + " has " + (limit + 1)
                + " bytes; this endpoint accepts at most " + limit + ".", instance, null);
    }

    private static Map<String, Object> unprocessable(String path, String instance) {
        return switch (path) {
            case "/api/v1/admin/orgs/import" -> withErrors("invalid-org-file", "2 problem(s) found; nothing was imported.",
                    instance, List.of(cell(3, "type", "type '市州' is not one of PROVINCE, CITY, INDUSTRY, DIRECT, COUNTY, GRASSROOTS"),
                            cell(4, "name", "name is required")));
            case "/api/v1/admin/workers/import" -> withErrors("invalid-worker-file",
                    "1 problem(s) found; nothing was imported. At most 1000 are listed.", instance,
                    List.of(cell(12, "org_code", "unknown org_code 'QH-XN-CZ-G99'")));
            case "/api/v1/admin/notices" -> withErrors("invalid-notice",
                    "The document is not a notice this importer understands.", instance,
                    List.of(field("document", "未找到发文字号（应有一行形如“青总发〔2022〕24号”，位于第一个一级标题之前）。")));
            case "/api/v1/attempts/{attemptId}/answers" -> withErrors("answers-not-in-draw",
                    "Some answers do not fit this attempt; nothing was recorded.", instance,
                    List.of(field("answers[0].response", "'E' is not one of the options [A, B, C, D]")));
            case "/api/v1/admin/quizzes", "/api/v1/admin/quizzes/{id}" -> withErrors("not-enough-questions",
                    "Only 12 approved question(s) match the draw rule; the quiz needs 20.", instance,
                    List.of(field("questionCount", "at most 12 for this draw rule")));
            default -> withErrors("invalid-question-bank", "1 problem(s) found; nothing was imported.", instance,
                    List.of(cell(5, "answer", "names option E, which the question does not have")));
        };
    }

    private static String currentEtag(String path) {
        if (path.contains("/campaigns/")) {
            return "\"campaign11-r3\"";
        }
        if (path.contains("/questions/")) {
            return "\"q11-v3\"";
        }
        return path.contains("/quizzes/") ? "\"quiz11-r3\"" : "\"v3-9f2b6c1d0e4a4b7c8d9e0f1a2b3c4d5e\"";
    }

    private static String edited(String path) {
        if (path.contains("/campaigns/")) {
            return "campaign";
        }
        if (path.contains("/questions/")) {
            return "question";
        }
        return path.contains("/quizzes/") ? "quiz" : "module";
    }

    private static String instance(String path) {
        return path.replace("{id}", "11").replace("{code}", "QH-XN").replace("{externalId}", "qh-w-000128")
                .replace("{attemptId}", "3b241101-e2bb-4255-8caf-4136c566a962");
    }

    private static Map<String, Object> withErrors(String slug, String detail, String instance, List<Map<String, Object>> errors) {
        Map<String, Object> problem = problem(slug, "Unprocessable Content", 422, detail, instance, errors);
        problem.put("errorCount", errors.size());
        return problem;
    }

    private static Map<String, Object> problem(String slug, String title, int status, String detail, String instance,
                                               List<Map<String, Object>> errors) {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", Problem.type(slug));
        problem.put("title", title);
        problem.put("status", status);
        problem.put("detail", detail);
        problem.put("instance", instance);
        if (errors != null) {
            problem.put("errors", errors);
        }
        return problem;
    }

    private static Map<String, Object> field(String field, String message) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("field", field);
        error.put("message", message);
        return error;
    }

    private static Map<String, Object> cell(long row, String column, String message) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("row", row);
        error.put("column", column);
        error.put("message", message);
        return error;
    }
}
