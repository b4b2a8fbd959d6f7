package cn.qhzgh.study.admission;

import cn.qhzgh.study.common.Problem;
import cn.qhzgh.study.common.Unavailable;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Decides on the I/O thread, as each API request arrives and before anything else works on it, whether the pod
 * takes it on. A refused request costs no token check, worker thread or database connection: it is answered at
 * once with the contract's 503 problem+json and Retry-After, and the phone backs off.
 */
@ApplicationScoped
public class AdmissionFilter {

    /** Vert.x filters run highest priority first; this one runs before compression and the upload limits. */
    private static final int FILTER_PRIORITY = 1000;
    private static final String DETAIL = "The service is overloaded; retry after " + Unavailable.RETRY_AFTER_SECONDS
            + " s.";

    private final AdmissionConfig config;
    private final Admission admission;
    private final ObjectMapper json;

    public AdmissionFilter(AdmissionConfig config, Admission admission, ObjectMapper json) {
        this.config = config;
        this.admission = admission;
        this.json = json;
    }

    void register(@Observes Filters filters) {
        if (config.enabled()) {
            filters.register(this::admit, FILTER_PRIORITY);
        }
    }

    private void admit(RoutingContext exchange) {
        HttpServerRequest request = exchange.request();
        String path = request.path();
        if (path == null || !path.startsWith("/api/")) {
            exchange.next();
            return;
        }
        Priority priority = Priority.of(request.method().name(), path,
                request.headers().contains(HttpHeaders.IF_NONE_MATCH));
        if (!admission.tryAcquire(priority)) {
            refuse(exchange, path);
            return;
        }
        long start = System.nanoTime();
        AtomicBoolean released = new AtomicBoolean();
        Runnable release = () -> {
            if (released.compareAndSet(false, true)) {
                admission.release(priority, start, System.nanoTime() - start,
                        exchange.response().getStatusCode() == 503);
            }
        };
        // Both: a handler set straight on the response (Quarkus REST's close handler) can silence one of them,
        // and a slot never released would shrink the pod's capacity for good.
        exchange.addBodyEndHandler(written -> release.run());
        exchange.addEndHandler(ended -> release.run());
        exchange.next();
    }

    private void refuse(RoutingContext exchange, String path) {
        HttpServerRequest request = exchange.request();
        if (!request.isEnded()) {
            // The body is not wanted; reading it off keeps the connection usable for the phone's next request.
            request.handler(discarded -> { });
            request.resume();
        }
        exchange.response().setStatusCode(503)
                .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .putHeader(HttpHeaders.RETRY_AFTER, String.valueOf(Unavailable.RETRY_AFTER_SECONDS))
                .end(body(path));
    }

    private Buffer body(String path) {
        try {
            return Buffer.buffer(json.writeValueAsBytes(Unavailable.problem(DETAIL, path)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a Problem always serialises", e);
        }
    }
}
