package cn.qhzgh.study.common.mapper;

import cn.qhzgh.study.common.DomainException;
import cn.qhzgh.study.common.Problem;
import cn.qhzgh.study.common.ProblemError;
import cn.qhzgh.study.common.Unavailable;
import cn.qhzgh.study.common.http.BodyTooLargeException;
import cn.qhzgh.study.common.retry.LockConflict;
import cn.qhzgh.study.common.tabular.TabularFormatException;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.quarkus.security.AuthenticationCompletionException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.vertx.core.http.HttpClosedException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.jboss.resteasy.reactive.server.core.multipart.MultipartParser;

import java.lang.reflect.Method;
import java.nio.channels.ClosedChannelException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.UUID;

/** The one place where exceptions become RFC 9457 problem+json responses. */
public class ProblemMapper {

    private static final Logger LOG = Logger.getLogger(ProblemMapper.class);

    @ServerExceptionMapper
    public Response domain(DomainException e, UriInfo uri) {
        Response response = respond(new Problem(Problem.type(e.slug()), e.title(), e.status(), e.getMessage(),
                path(uri), e.errors(), e.errorCount()));
        if (e.retryAfterSeconds() != null) {
            response.getHeaders().add(HttpHeaders.RETRY_AFTER, e.retryAfterSeconds());
        }
        if (e.status() == 401) {
            response.getHeaders().add(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        }
        return response;
    }

    @ServerExceptionMapper
    public Response bodyTooLarge(BodyTooLargeException e, UriInfo uri) {
        return domain(e.problem(), uri);
    }

    @ServerExceptionMapper
    public Response unreadableTable(TabularFormatException e, UriInfo uri) {
        List<ProblemError> errors = e.problems().stream()
                .map(p -> new ProblemError(null, p.row() == TabularFormatException.WHOLE_FILE ? null : p.row(),
                        p.column(), p.message()))
                .toList();
        return respond(new Problem(Problem.type("unreadable-file"), "Unprocessable Content", 422,
                "The uploaded file cannot be read as the expected table; nothing was imported.", path(uri),
                errors, errors.size()));
    }

    @ServerExceptionMapper
    public Response validation(ConstraintViolationException e, UriInfo uri) {
        List<ProblemError> errors = e.getConstraintViolations().stream()
                .map(v -> ProblemError.field(fieldOf(v), v.getMessage()))
                .sorted(Comparator.comparing(ProblemError::field))
                .toList();
        return respond(new Problem(Problem.type("validation"), "Bad Request", 400,
                "The request has " + errors.size() + " invalid field(s).", path(uri), errors, null));
    }

    /** Lists MismatchedInputException so that this mapper, not Quarkus' built-in plain-JSON one, answers it. */
    @ServerExceptionMapper({JsonProcessingException.class, MismatchedInputException.class})
    public Response unreadableJson(JsonProcessingException e, UriInfo uri) {
        BodyTooLargeException tooLarge = causeOf(e, BodyTooLargeException.class);
        if (tooLarge != null) {
            return bodyTooLarge(tooLarge, uri);
        }
        String field = e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()
                ? jsonPath(mapping.getPath()) : null;
        JsonParseException syntax = causeOf(e, JsonParseException.class);
        List<ProblemError> errors = null;
        if (syntax != null && syntax.getLocation() != null && syntax.getLocation().getLineNr() > 0) {
            errors = List.of(ProblemError.field(field == null ? "body" : field, "is not valid UTF-8 JSON at line "
                    + syntax.getLocation().getLineNr() + ", column " + syntax.getLocation().getColumnNr()));
        } else if (field != null) {
            errors = List.of(ProblemError.field(field, "has a value of the wrong type or format"));
        }
        return respond(new Problem(Problem.type("malformed-json"), "Bad Request", 400,
                "The request body is not valid JSON for this endpoint.", path(uri), errors, null));
    }

    @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class,
            AuthenticationCompletionException.class})
    public Response unauthorized(RuntimeException e, UriInfo uri) {
        Problem problem = new Problem(Problem.type("unauthorized"), "Unauthorized", 401,
                "A valid bearer token from the union's identity service is required.", path(uri), null, null);
        return Response.status(401).type(Problem.MEDIA_TYPE)
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer").entity(problem).build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return respond(new Problem(Problem.type("forbidden"), "Forbidden", 403,
                "Your role does not allow this operation.", path(uri), null, null));
    }

    /** A path or query parameter that does not convert to its type is a malformed request, not a missing resource. */
    @ServerExceptionMapper
    public Response notFound(NotFoundException e, UriInfo uri, ResourceInfo resource) {
        Method method = resource == null ? null : resource.getResourceMethod();
        List<ProblemError> errors = e.getCause() == null || method == null ? List.of()
                : UnconvertibleParameters.of(method, uri);
        if (errors.isEmpty()) {
            return web(e, uri);
        }
        return respond(new Problem(Problem.type("validation"), "Bad Request", 400,
                "The request has " + errors.size() + " invalid field(s).", path(uri), errors, null));
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, UriInfo uri) {
        // Quarkus REST wraps a failed body read in a 400; a body over its cap stays a 413, broken JSON malformed-json.
        BodyTooLargeException tooLarge = causeOf(e, BodyTooLargeException.class);
        if (tooLarge != null) {
            return bodyTooLarge(tooLarge, uri);
        }
        JsonProcessingException unreadable = causeOf(e, JsonProcessingException.class);
        if (unreadable != null) {
            return unreadableJson(unreadable, uri);
        }
        Response.StatusType status = e.getResponse().getStatusInfo();
        if (status.getStatusCode() >= 500) {
            return unexpected(e, uri);
        }
        Response.ResponseBuilder builder = Response.status(status.getStatusCode()).type(Problem.MEDIA_TYPE)
                .entity(new Problem(Problem.type("http-" + status.getStatusCode()), status.getReasonPhrase(),
                        status.getStatusCode(), webDetail(status.getStatusCode()), path(uri), null, null));
        String allow = e.getResponse().getHeaderString(HttpHeaders.ALLOW);
        if (allow != null) {
            builder.header(HttpHeaders.ALLOW, allow);
        }
        return builder.build();
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e, UriInfo uri) {
        BodyTooLargeException tooLarge = causeOf(e, BodyTooLargeException.class);
        if (tooLarge != null) {
            return bodyTooLarge(tooLarge, uri);
        }
        if (unparsableMultipart(e)) {
            return respond(new Problem(Problem.type("malformed-multipart"), "Bad Request", 400,
                    "The request body is not multipart/form-data as its Content-Type declares: it must hold parts "
                            + "delimited by the boundary, with headers, and end with the closing boundary.",
                    path(uri), List.of(ProblemError.field("body", "is not a complete multipart/form-data body")),
                    null));
        }
        if (DatabaseFailures.connectionUnavailable(e)) {
            LOG.warnf("No database connection for %s: %s", path(uri), e.getMessage());
            return Unavailable.response("The service is overloaded or its database is unreachable; retry after "
                    + Unavailable.RETRY_AFTER_SECONDS + " s.", path(uri));
        }
        if (LockConflict.of(e).isPresent()) {
            // A lock conflict on a path without @RetriedOnLockConflict: nothing was written, a retry is safe.
            LOG.warnf("Lock conflict on %s: %s", path(uri), e.getMessage());
            return Response.status(503).type(Problem.MEDIA_TYPE).header(HttpHeaders.RETRY_AFTER, 1)
                    .entity(new Problem(Problem.type("unavailable"), "Service Unavailable", 503,
                            "Too many requests changed the same figures at once; nothing was recorded. Retry after 1 s.",
                            path(uri), null, null)).build();
        }
        if (causedBy(e, ClosedChannelException.class) || causedBy(e, HttpClosedException.class) || clientLeft(e)) {
            LOG.debugf("Client left before the response to %s was written", path(uri));
            return respond(new Problem(Problem.type("internal"), "Internal Server Error", 500,
                    "The connection was closed before the response was written.", path(uri), null, null));
        }
        String incident = UUID.randomUUID().toString();
        LOG.errorf(e, "Unhandled error, incident %s", incident);
        return respond(new Problem(Problem.type("internal"), "Internal Server Error", 500,
                "The server could not complete the request. Quote incident " + incident + " to support.",
                path(uri), null, null));
    }

    /** Quarkus REST's multipart parser on a body it cannot read: a part header that is none, or no closing boundary. */
    private static boolean unparsableMultipart(Throwable e) {
        return Exceptions.anyMatch(e, cause -> cause instanceof MultipartParser.MalformedMessageException
                || cause instanceof java.io.IOException
                && "Connection terminated parsing multipart request".equals(cause.getMessage()));
    }

    /** Quarkus' response stream reports a client that left mid-download with a plain IOException of this text. */
    private static boolean clientLeft(Throwable e) {
        return Exceptions.anyMatch(e, cause -> cause instanceof java.io.IOException
                && "Connection has been closed".equals(cause.getMessage()));
    }

    private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
        return causeOf(e, type) != null;
    }

    private static <T extends Throwable> T causeOf(Throwable e, Class<T> type) {
        for (Throwable cause = e; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (type.isInstance(cause)) {
                return type.cast(cause);
            }
        }
        return null;
    }

    private static Response respond(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    private static String path(UriInfo uri) {
        return uri == null ? null : "/" + uri.getPath().replaceFirst("^/", "");
    }

    private static String webDetail(int status) {
        return switch (status) {
            case 404 -> "No resource exists at this address.";
            case 405 -> "This method is not allowed on this resource.";
            case 406 -> "The server cannot produce the media type named in Accept.";
            case 415 -> "The request's Content-Type is not supported by this endpoint.";
            case 413 -> "The request body is larger than this endpoint accepts.";
            default -> "The request could not be processed as sent.";
        };
    }

    /** Drops the Java method and body-parameter names so clients see paths such as {@code paragraphs[2]}. */
    private static String fieldOf(ConstraintViolation<?> violation) {
        List<String> parts = new ArrayList<>();
        String parameter = null;
        Iterator<Path.Node> nodes = violation.getPropertyPath().iterator();
        while (nodes.hasNext()) {
            Path.Node node = nodes.next();
            if (node.getKind() == ElementKind.METHOD) {
                continue;
            }
            if (node.getKind() == ElementKind.PARAMETER) {
                parameter = node.getName();
                continue;
            }
            String name = node.getName() == null ? "" : node.getName();
            if (node.getIndex() != null && !parts.isEmpty()) {
                int last = parts.size() - 1;
                parts.set(last, parts.get(last) + "[" + node.getIndex() + "]");
            }
            if (!name.isEmpty() && !name.startsWith("<")) {
                parts.add(name);
            }
        }
        if (parts.isEmpty()) {
            return parameter == null ? "body" : parameter;
        }
        return String.join(".", parts);
    }

    private static String jsonPath(List<JsonMappingException.Reference> references) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : references) {
            if (reference.getFieldName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }
}
