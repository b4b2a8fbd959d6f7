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
 * A declared Content-Length over the cap is refused before any read; one within it needs nothing more, because the
 * HTTP codec never delivers more than the declared length, so Quarkus REST keeps buffering such small bodies in
 * memory on the I/O thread. A body without a declared length (chunked, HTTP/2), and every upload, is read through a
 * counting stream set here, before Quarkus REST reads it: the read that passes the cap fails with
 * {@link BodyTooLargeException} (413), and nothing beyond the cap is ever buffered. Once a refusal is out, a body
 * still streaming is drained for a moment and its connection closed.
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
        BodyKind kind = kinds.computeIfAbsent(resource.getResourceMethod(), RequestBodyCap::kindOf);
        MediaType type = request.getMediaType();
        long cap = limits.bodyCap(kind, type != null && type.isCompatible(MediaType.MULTIPART_FORM_DATA_TYPE));
        long declared = request.getLength();
        if (declared > cap) {
            watch(exchange, Refusal.REFUSED);
            throw BodyTooLargeException.declared(kind, declared, cap);
        }
        if (declared >= 0 && !kind.importing()) {
            return;
        }
        // Asking for the entity stream before Quarkus REST reads the body makes it stream instead of buffer.
        CappedInputStream body = new CappedInputStream(request.getEntityStream(), kind, cap);
        Refusal refusal = new Refusal(body);
        watch(exchange, refusal);
        if (kind.importing()) {
            try {
                imports.admit(kind, cap, exchange);
            } catch (RuntimeException notAdmitted) {
                refusal.refuse();
                throw notAdmitted;
            }
        }
        request.setEntityStream(body);
    }

    private static BodyKind kindOf(Method method) {
        BodyCap cap = method == null ? null : method.getAnnotation(BodyCap.class);
        return cap == null ? BodyKind.JSON : cap.value();
    }

    private static void watch(RoutingContext exchange, Refusal refusal) {
        exchange.addHeadersEndHandler(headers -> announceCloseIfRefused(exchange, refusal));
        exchange.addEndHandler(ended -> closeIfStillStreaming(exchange, refusal));
    }

    /** A request refused before its body arrived must not keep its connection: the rest of the body would follow. */
    private static void announceCloseIfRefused(RoutingContext exchange, Refusal refusal) {
        HttpServerRequest http = exchange.request();
        if (refusal.refused() && refusal.stillStreaming(http) && http.version() != HttpVersion.HTTP_2) {
            exchange.response().putHeader(HttpHeaders.CONNECTION, "close");
        }
    }

    /**
     * Answered before its body was read: HTTP/2 resets just that stream; HTTP/1.1 discards what still arrives and,
     * {@link #LINGER_MILLIS} later, closes a refused body's connection (announced with {@code Connection: close}) or
     * one whose body is still streaming, rather than swallowing a huge body. Never at once: the answer may still be on
     * its way out. A body whose end is merely still queued (a chunked body's last chunk) keeps its connection.
     */
    private static void closeIfStillStreaming(RoutingContext exchange, Refusal refusal) {
        HttpServerRequest http = exchange.request();
        if (!refusal.stillStreaming(http)) {
            return;
        }
        if (http.version() == HttpVersion.HTTP_2) {
            http.response().reset(0);
            return;
        }
        boolean refused = refusal.refused();
        http.handler(discarded -> { });
        http.resume();
        exchange.vertx().setTimer(LINGER_MILLIS, timeUp -> {
            if (refused || !http.isEnded()) {
                http.connection().close();
            }
        });
    }

    /** What the cap decided about one body: refused before it was read, refused at its cap, or read to its end. */
    private static final class Refusal {

        static final Refusal REFUSED = new Refusal(null);

        private final CappedInputStream body;
        private volatile boolean refused;

        Refusal(CappedInputStream body) {
            this.body = body;
            this.refused = body == null;
        }

        void refuse() {
            refused = true;
        }

        boolean refused() {
            return refused || body != null && body.overflowed();
        }

        /** Vert.x's flag alone is not enough: a body read to its end may still have its end queued in a paused request. */
        boolean stillStreaming(HttpServerRequest http) {
            return !http.isEnded() && (body == null || !body.exhausted());
        }
    }
}
