package cn.qhzgh.study.common;

import io.quarkus.runtime.configuration.MemorySize;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * JSON requests are small (a progress batch of 100 events is about 30 KB), so they get a cap far below the global
 * limit the file uploads need, answered as problem+json before the body is parsed.
 */
public class JsonBodyLimit {

    private final long maxBytes;

    public JsonBodyLimit(@ConfigProperty(name = "study.http.max-json-body", defaultValue = "1M") MemorySize max) {
        this.maxBytes = max.asLongValue();
    }

    @ServerRequestFilter
    public void limit(ContainerRequestContext request) {
        MediaType type = request.getMediaType();
        if (type != null && type.isCompatible(MediaType.APPLICATION_JSON_TYPE) && request.getLength() > maxBytes) {
            throw new DomainException(413, "body-too-large", "Content Too Large", "The JSON body has "
                    + request.getLength() + " bytes; JSON requests may have at most " + maxBytes + ".");
        }
    }
}
