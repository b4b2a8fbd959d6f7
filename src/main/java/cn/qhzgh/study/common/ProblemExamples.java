package cn.qhzgh.study.common;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;

/**
 * Example problem bodies for the contract, one per documented error of an operation. Titles, slugs and details are
 * the ones the exception mapper (common/mapper) and the services really send; only the data in them (codes, ids,
 * cells) is sample.
 * The errors every operation shares are here; each feature's own come from its {@link ProblemExampleSource}.
 */
public final class ProblemExamples {

    private static final String SAMPLE_INCIDENT = "9c7e3a52-8d1f-4c55-a0a5-2f6f5f0e4b11";

    private ProblemExamples() {
    }

    /** The features' sources, found on the class path of this class. */
    static List<ProblemExampleSource> sources() {
        return ServiceLoader.load(ProblemExampleSource.class, ProblemExamples.class.getClassLoader()).stream()
                .map(ServiceLoader.Provider::get).toList();
    }

    /** The example for {@code status} on the operation at {@code path}, or null when no single body is typical. */
    static Map<String, Object> of(List<ProblemExampleSource> sources, String status, String path, boolean jsonBody,
                                  boolean upload) {
        String instance = instance(path);
        Map<String, Object> shared = bodyProblem(status, instance, jsonBody, upload);
        if (shared != null) {
            return shared;
        }
        for (ProblemExampleSource source : sources) {
            Map<String, Object> own = source.example(status, path, instance);
            if (own != null) {
                return own;
            }
        }
        return fallback(status, path, instance);
    }

    /** What a malformed JSON body, a missing upload or an oversized JSON body get, whatever the operation. */
    private static Map<String, Object> bodyProblem(String status, String instance, boolean jsonBody, boolean upload) {
        if ("400".equals(status) && jsonBody) {
            return problem("malformed-json", "Bad Request", 400,
                    "The request body is not valid JSON for this endpoint.", instance);
        }
        if ("400".equals(status) && upload) {
            return problem("missing-file", "Bad Request", 400, "Send the file as multipart/form-data in field 'file'.",
                    instance, List.of(field("file", "is required")));
        }
        if ("413".equals(status) && jsonBody) {
            return problem("body-too-large", "Content Too Large", 413,
                    "The request body has 2097152 bytes; this endpoint accepts at most 1048576.", instance);
        }
        return null;
    }

    /** The errors no feature claims: authentication, roles, import admission, overload and failures. */
    private static Map<String, Object> fallback(String status, String path, String instance) {
        boolean admin = path.startsWith("/api/v1/admin/");
        return switch (status) {
            case "401" -> problem("unauthorized", "Unauthorized", 401,
                    "A valid bearer token from the union's identity service is required.", instance);
            case "403" -> admin ? forbidden(instance) : problem("unknown-org", "Forbidden", 403,
                    "The union 'QH-XN-CZ-G99' named by the token's org claim is not in the org directory.", instance);
            case "413" -> fileTooLarge("file", 10L * 1024 * 1024, instance);
            case "415" -> problem("http-415", "Unsupported Media Type", 415,
                    "The request's Content-Type is not supported by this endpoint.", instance);
            case "429" -> admin ? problem("imports-busy", "Too Many Requests", 429,
                    "This server already runs 2 import(s); retry the worker list after 30 s.", instance) : null;
            case "500" -> problem("internal", "Internal Server Error", 500,
                    "The server could not complete the request. Quote incident " + SAMPLE_INCIDENT + " to support.",
                    instance);
            case "503" -> problem("unavailable", "Service Unavailable", 503,
                    "The service is overloaded or its database is unreachable; retry after 2 s.", instance);
            default -> null;
        };
    }

    private static String instance(String path) {
        return path.replace("{id}", "11").replace("{code}", "QH-XN").replace("{externalId}", "qh-w-000128")
                .replace("{attemptId}", "3b241101-e2bb-4255-8caf-4136c566a962");
    }

    /** A role that does not allow the operation. */
    public static Map<String, Object> forbidden(String instance) {
        return problem("forbidden", "Forbidden", 403, "Your role does not allow this operation.", instance);
    }

    /** 412 for an edit whose If-Match names an older {@code edited} thing than the current one. */
    public static Map<String, Object> staleEtag(String edited, String currentEtag, String instance) {
        return problem("stale-etag", "Precondition Failed", 412, "The " + edited
                + " changed since you read it (current ETag " + currentEtag + "); reload and try again.", instance);
    }

    /** 428 for an edit of an {@code edited} thing sent without If-Match. */
    public static Map<String, Object> ifMatchRequired(String edited, String instance) {
        return problem("if-match-required", "Precondition Required", 428, "Send If-Match with the ETag of the "
                + edited + " you last read, so edits are never lost silently.", instance);
    }

    /** 413 for an uploaded {@code what} one byte over its {@code limit}. */
    public static Map<String, Object> fileTooLarge(String what, long limit, String instance) {
        return problem("file-too-large", "Content Too Large", 413, "The " + what + " has " + (limit + 1)
                + " bytes; this endpoint accepts at most " + limit + ".", instance);
    }

    /** 422 with its findings, all of them listed. */
    public static Map<String, Object> unprocessable(String slug, String detail, String instance,
                                                    List<Map<String, Object>> errors) {
        Map<String, Object> problem = problem(slug, "Unprocessable Content", 422, detail, instance, errors);
        problem.put("errorCount", errors.size());
        return problem;
    }

    public static Map<String, Object> problem(String slug, String title, int status, String detail, String instance) {
        return problem(slug, title, status, detail, instance, null);
    }

    public static Map<String, Object> problem(String slug, String title, int status, String detail, String instance,
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

    /** A finding in a JSON body. */
    public static Map<String, Object> field(String field, String message) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("field", field);
        error.put("message", message);
        return error;
    }

    /** A finding in an uploaded file, at its Excel-style row and its column. */
    public static Map<String, Object> cell(long row, String column, String message) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("row", row);
        error.put("column", column);
        error.put("message", message);
        return error;
    }
}
