package cn.qhzgh.study.common;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.util.Optional;
import java.util.Set;

/**
 * A Content-Type that is no media type at all would fail inside the framework's request matching as a 500;
 * it is answered 415 like any other Content-Type the operation does not accept.
 */
public class ContentTypeCheck {

    /** The methods whose operations take a body, so only they document 415. */
    private static final Set<String> WITH_BODY = Set.of("POST", "PUT", "PATCH");

    @ServerRequestFilter(preMatching = true)
    public Optional<Response> requireParsableContentType(ContainerRequestContext request) {
        String contentType = request.getHeaderString(HttpHeaders.CONTENT_TYPE);
        if (contentType == null || !WITH_BODY.contains(request.getMethod())) {
            return Optional.empty();
        }
        try {
            MediaType.valueOf(contentType);
            return Optional.empty();
        } catch (IllegalArgumentException notAMediaType) {
            return Optional.of(Response.status(415).type(Problem.MEDIA_TYPE)
                    .entity(new Problem(Problem.type("http-415"), "Unsupported Media Type", 415,
                            "The request's Content-Type is not a media type.", "/" + request.getUriInfo().getPath().replaceFirst("^/", ""),
                            null, null)).build());
        }
    }
}
