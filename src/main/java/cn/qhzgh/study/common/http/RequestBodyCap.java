package cn.qhzgh.study.common.http;

import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpVersion;
import io.vertx.ext.web.RoutingContext;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.lang.reflect.Method;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Caps every request body while it streams in, whatever its transfer encoding (Content-Length, chunked, HTTP/2).
 * Quarkus REST runs this filter before it reads a body, so the entity stream set here is the one that Jackson and
 * the multipart parser read: the read that passes the cap fails with {@link BodyTooLargeException} (413), and
 * nothing beyond the cap is ever buffered. A declared Content-Length over the cap is refused before any read.
 * Once the response is out, a body still streaming is drained for a moment and its connection closed.
 */
public class RequestBodyCap {

    /** How long a refused body may still stream in after the 413, so the client reads the answer before the close. */
    static final long LINGER_MILLIS = 1000;

    private final HttpLimits limits;
    private final ImportAdmission imports;
    private final CurrentVertxRequest current;
    private final Map<Method, BodyKind> kinds = new ConcurrentHashMap<>();

    public RequestBodyCap(HttpLimits limits, ImportAdmission imports, CurrentVertxRequest current) {
        this.limits = limits;
        this.imports = imports;
        this.current = current;
    }

    @ServerRequestFilter
    public void cap(ContainerRequestContext request, ResourceInfo resource) {
        RoutingContext exchange = current.getCurrent();
        HttpServerRequest http = exchange.request();
        if (http.method() == HttpMethod.GET || http.method() == HttpMethod.HEAD || http.method() == HttpMethod.OPTIONS) {
            return;
        }
        exchange.addHeadersEndHandler(headers -> announceCloseIfStillStreaming(http));
        exchange.addEndHandler(ended -> closeIfStillStreaming(exchange));
        BodyKind kind = kinds.computeIfAbsent(resource.getResourceMethod(), RequestBodyCap::kindOf);
        MediaType type = request.getMediaType();
        long cap = limits.bodyCap(kind, type != null && type.isCompatible(MediaType.MULTIPART_FORM_DATA_TYPE));
        if (request.getLength() > cap) {
            throw BodyTooLargeException.declared(kind, request.getLength(), cap);
        }
        if (kind.importing()) {
            imports.admit(kind, cap, exchange);
        }
        request.setEntityStream(new CappedInputStream(request.getEntityStream(), kind, cap));
    }

    private static BodyKind kindOf(Method method) {
        BodyCap cap = method == null ? null : method.getAnnotation(BodyCap.class);
        return cap == null ? BodyKind.JSON : cap.value();
    }

    private static void announceCloseIfStillStreaming(HttpServerRequest http) {
        if (!http.isEnded() && http.version() != HttpVersion.HTTP_2) {
            http.response().putHeader(HttpHeaders.CONNECTION, "close");
        }
    }

    /**
     * Answered before its body was read (a 413, or any early refusal): HTTP/2 resets just that stream; HTTP/1.1
     * discards what still arrives for {@link #LINGER_MILLIS} and then closes, rather than swallowing a huge body.
     */
    private static void closeIfStillStreaming(RoutingContext exchange) {
        HttpServerRequest http = exchange.request();
        if (http.isEnded()) {
            return;
        }
        if (http.version() == HttpVersion.HTTP_2) {
            http.response().reset(0);
            return;
        }
        http.handler(discarded -> { });
        http.endHandler(done -> http.connection().close());
        http.resume();
        exchange.vertx().setTimer(LINGER_MILLIS, timeUp -> http.connection().close());
    }
}
