package cn.qhzgh.study.testsupport;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import com.atlassian.oai.validator.restassured.OpenApiValidationFilter;
import com.atlassian.oai.validator.restassured.RestAssuredRequest;
import com.atlassian.oai.validator.restassured.RestAssuredResponse;
import com.atlassian.oai.validator.whitelist.ValidationErrorsWhitelist;
import io.restassured.filter.Filter;
import io.restassured.filter.FilterContext;
import io.restassured.filter.OrderedFilter;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;

import java.nio.file.Path;

import static com.atlassian.oai.validator.whitelist.rule.WhitelistRules.allOf;
import static com.atlassian.oai.validator.whitelist.rule.WhitelistRules.headerContainsSubstring;
import static com.atlassian.oai.validator.whitelist.rule.WhitelistRules.isRequest;
import static com.atlassian.oai.validator.whitelist.rule.WhitelistRules.messageHasKey;

/**
 * Checks every REST Assured exchange of the test suite against {@code openapi/openapi.yaml}, request and response,
 * so that a test passing on a response the contract does not describe fails instead. {@link ContractValidationInstaller}
 * puts it in front of every request; tests that send a deliberately invalid request mark it with
 * {@link #requestDeliberatelyBreaksContract(String)} and still have their response checked.
 */
public final class ContractValidation implements OrderedFilter {

    public static final Path CONTRACT = Path.of("openapi/openapi.yaml");

    private static final ContractValidation INSTANCE = new ContractValidation(
            OpenApiInteractionValidator.createForSpecificationUrl(CONTRACT.toUri().toString())
                    .withWhitelist(ValidationErrorsWhitelist.create().withRule(
                            "REST Assured hands the validator no body for multipart uploads; their parts are not seen",
                            allOf(isRequest(), messageHasKey("validation.request.body.missing"),
                                    headerContainsSubstring("Content-Type", "multipart/form-data"))))
                    .build());

    private final OpenApiInteractionValidator validator;
    private final OpenApiValidationFilter exchangeFilter;

    ContractValidation(OpenApiInteractionValidator validator) {
        this.validator = validator;
        this.exchangeFilter = new OpenApiValidationFilter(validator);
    }

    public static ContractValidation instance() {
        return INSTANCE;
    }

    /**
     * Marks one request as knowingly outside the contract (malformed JSON, missing token, a value the schema forbids),
     * so only its response is validated. {@code why} is required so that every exemption says what it tests.
     */
    public static Filter requestDeliberatelyBreaksContract(String why) {
        if (why == null || why.isBlank()) {
            throw new IllegalArgumentException("say why the request breaks the contract");
        }
        return new RequestExemption(why);
    }

    /**
     * Checks an answer to a request sent without REST Assured (a raw socket streaming a body no client library sends),
     * which knowingly breaks the contract; {@code why} says how, as for {@link #requestDeliberatelyBreaksContract}.
     */
    public static void checkRawResponse(String why, Request.Method method, String path, RawHttp.Reply reply) {
        if (why == null || why.isBlank()) {
            throw new IllegalArgumentException("say why the request breaks the contract");
        }
        SimpleResponse.Builder response = SimpleResponse.Builder.status(reply.status()).withBody(reply.body());
        reply.headers().forEach(response::withHeader);
        ValidationReport report = INSTANCE.validator.validateResponse(path, method, response.build());
        if (report.hasErrors()) {
            throw new OpenApiValidationFilter.OpenApiValidationException(report);
        }
    }

    /**
     * Checks one exchange made without REST Assured (the generated contract client), request and response;
     * {@code requestBodySeen} is false for a body the caller could not read back (a streamed multipart upload).
     */
    public static void checkExchange(Request request, com.atlassian.oai.validator.model.Response response,
                                     boolean requestBodySeen) {
        ValidationReport report = requestBodySeen ? INSTANCE.validator.validate(request, response)
                : INSTANCE.validator.validateResponse(request.getPath(), request.getMethod(), response);
        if (report.hasErrors()) {
            throw new OpenApiValidationFilter.OpenApiValidationException(report);
        }
    }

    @Override
    public Response filter(FilterableRequestSpecification request, FilterableResponseSpecification responseSpec,
                           FilterContext context) {
        if (isOutsideTheContract(request.getDerivedPath())) {
            return context.next(request, responseSpec);
        }
        boolean requestExempt = request.getDefinedFilters().stream().anyMatch(RequestExemption.class::isInstance);
        if (!requestExempt) {
            return exchangeFilter.filter(request, responseSpec, context);
        }
        Response response = context.next(request, responseSpec);
        Request sent = RestAssuredRequest.of(request);
        ValidationReport report = validator.validateResponse(sent.getPath(), sent.getMethod(),
                RestAssuredResponse.of(response));
        if (report.hasErrors()) {
            throw new OpenApiValidationFilter.OpenApiValidationException(report);
        }
        return response;
    }

    /**
     * Quarkus' own endpoints (health, metrics, the OpenAPI document itself), and the admin console's files and sign-in
     * settings, are not part of the API contract.
     */
    private static boolean isOutsideTheContract(String path) {
        return path.startsWith("/q/") || path.equals("/") || path.equals("/console") || path.startsWith("/console/")
                || path.startsWith("/_static/") || path.startsWith("/_importmap/");
    }

    @Override
    public int getOrder() {
        return HIGHEST_PRECEDENCE;
    }

    private record RequestExemption(String why) implements Filter {
        @Override
        public Response filter(FilterableRequestSpecification request, FilterableResponseSpecification response,
                               FilterContext context) {
            return context.next(request, response);
        }
    }
}
