package cn.qhzgh.study.common;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Documents the problem+json errors every /api/v1 operation can return, from the same rules the
 * exception mapper follows, so the contract lists them without repeating annotations on each method.
 */
public class ProblemResponsesFilter implements OASFilter {

    private static final String PROBLEM_REF = "#/components/schemas/Problem";
    private static final Set<String> OWN_DESCRIPTIONS = Set.of("413", "422", "429", "503");

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        List<ProblemExampleSource> sources = ProblemExamples.sources();
        openAPI.getComponents().addSchema("ProblemError", problemErrorSchema());
        openAPI.getComponents().addSchema("Problem", problemSchema());
        if (openAPI.getPaths() == null) {
            return;
        }
        openAPI.getPaths().getPathItems().forEach((path, item) -> {
            if (path.startsWith("/api/v1/")) {
                item.getOperations().forEach((method, operation) -> document(sources, path, method, operation));
            }
        });
    }

    private static void document(List<ProblemExampleSource> sources, String path, PathItem.HttpMethod method,
                                 Operation operation) {
        APIResponses responses = operation.getResponses();
        boolean jsonBody = operation.getRequestBody() != null
                && operation.getRequestBody().getContent().hasMediaType("application/json");
        boolean upload = operation.getRequestBody() != null
                && operation.getRequestBody().getContent().hasMediaType("multipart/form-data");
        ProblemAdder problem = (status, description) -> problem(responses, status, description,
                ProblemExamples.of(sources, status, path, jsonBody, upload));
        problem.add("401", "Missing, expired or invalid bearer token (`unauthorized`), or a verified token with a "
                + "malformed claim (`invalid-token-claims`; the detail names the claim).");
        problem.add("403", "The token's groups name no role allowed here (`forbidden`), its org claim names a union "
                + "not in the directory (`unknown-org`), or the role or org does not allow this call.");
        boolean hasInput = operation.getRequestBody() != null || operation.getParameters() != null;
        if (hasInput) {
            problem.add("400", "Malformed request; `errors` names each invalid field.");
        }
        if (path.contains("{") || namesALookup(operation)) {
            problem.add("404", "No such resource.");
        }
        if (takesIfMatch(operation)) {
            problem.add("412", "If-Match does not name the current ETag: the resource changed since it was read.");
            problem.add("428", "If-Match is missing.");
        }
        if (operation.getRequestBody() != null) {
            problem.add("415", "The Content-Type is not one this operation accepts.");
            if (jsonBody) {
                problem.add("413", "The JSON body is larger than `study.http.max-json-body` (1 MiB).");
            }
            if (upload) {
                problem.add("413", "The uploaded file is larger than this endpoint accepts.");
                problem.add("422", "The file cannot be used; `errors` lists each problem with its row and column.");
            }
        }
        problem.add("500", "Unexpected failure; the detail carries an incident id and no internals.");
        problem.add("503", "Overloaded, or the database is unreachable; retry after Retry-After seconds.");
        responses.getAPIResponse("503").addHeader("Retry-After", OASFactory.createHeader()
                .description("Seconds to wait before retrying").example(2)
                .schema(OASFactory.createSchema().type(List.of(Schema.SchemaType.INTEGER))));
        responses.getAPIResponses().forEach((status, response) -> {
            if (status.charAt(0) >= '4' && response.getContent() == null) {
                problem.add(status, response.getDescription());
            }
        });
        if (method == PathItem.HttpMethod.GET && responses.getAPIResponse("200") != null) {
            responses.getAPIResponse("200").setDescription("OK");
        }
    }

    /**
     * An org or a campaign given as a query parameter is looked up like one in the path: an unknown one is 404, and
     * so is the lack of any campaign where the parameter was left to its default.
     */
    private static boolean namesALookup(Operation operation) {
        return operation.getParameters() != null
                && operation.getParameters().stream().anyMatch(p -> ("org".equals(p.getName())
                || "campaign".equals(p.getName())) && p.getIn() != null && "query".equals(p.getIn().toString()));
    }

    /** An edit guarded by If-Match (Preconditions.requireIfMatch) answers a stale or missing one with 412 or 428. */
    private static boolean takesIfMatch(Operation operation) {
        return operation.getParameters() != null && operation.getParameters().stream().anyMatch(p ->
                "If-Match".equalsIgnoreCase(p.getName()) && p.getIn() != null && "header".equals(p.getIn().toString()));
    }

    private interface ProblemAdder {
        void add(String status, String description);
    }

    private static void problem(APIResponses responses, String status, String description, Object example) {
        APIResponse existing = responses.getAPIResponse(status);
        if (existing != null && existing.getContent() != null) {
            return;
        }
        APIResponse response = OASFactory.createAPIResponse()
                .description(ownDescription(existing, status) ? existing.getDescription() : description)
                .content(OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE,
                        OASFactory.createMediaType().schema(OASFactory.createSchema().ref(PROBLEM_REF)).example(example)));
        if (existing != null) {
            response.setHeaders(existing.getHeaders());
        }
        responses.addAPIResponse(status, response);
    }

    /** An upload's own words for its caps beat the generic ones; other statuses keep the generic text. */
    private static boolean ownDescription(APIResponse existing, String status) {
        return existing != null && existing.getDescription() != null && OWN_DESCRIPTIONS.contains(status);
    }

    private static Schema problemSchema() {
        return OASFactory.createSchema()
                .type(List.of(Schema.SchemaType.OBJECT))
                .description("RFC 9457 problem detail.")
                .required(List.of("type", "title", "status"))
                .properties(ordered(
                        "type", string("urn:qhzgh:study:problem:outside-subtree"),
                        "title", string("Forbidden"),
                        "status", OASFactory.createSchema().type(List.of(Schema.SchemaType.INTEGER)).examples(List.of(403)),
                        "detail", string("The union 'QH-HD' is outside your own union's subtree."),
                        "instance", string("/api/v1/orgs/QH-HD"),
                        "errors", OASFactory.createSchema().type(List.of(Schema.SchemaType.ARRAY))
                                .items(OASFactory.createSchema().ref("#/components/schemas/ProblemError")),
                        "errorCount", OASFactory.createSchema().type(List.of(Schema.SchemaType.INTEGER))
                                .description("All problems found; `errors` may list fewer.").examples(List.of(1))));
    }

    private static Schema problemErrorSchema() {
        return OASFactory.createSchema()
                .type(List.of(Schema.SchemaType.OBJECT))
                .description("One finding: `field` for JSON bodies, `row` and `column` for uploaded files.")
                .required(List.of("message"))
                .properties(ordered(
                        "field", string("paragraphs[1]"),
                        "row", OASFactory.createSchema().type(List.of(Schema.SchemaType.INTEGER)).examples(List.of(3)),
                        "column", string("parent_code"),
                        "message", string("unknown parent 'QH-NOWHERE': not in this file nor in the directory")));
    }

    /** Keeps properties in the order written, so that regenerating openapi/openapi.yaml gives the same file. */
    private static Map<String, Schema> ordered(Object... nameSchemaPairs) {
        Map<String, Schema> properties = new LinkedHashMap<>();
        for (int i = 0; i < nameSchemaPairs.length; i += 2) {
            properties.put((String) nameSchemaPairs[i], (Schema) nameSchemaPairs[i + 1]);
        }
        return properties;
    }

    private static Schema string(String example) {
        return OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING)).examples(List.of(example));
    }
}
