package cn.qhzgh.study.admission;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.lang.management.ManagementFactory;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * Warns at start when the pod's HTTP connection cap ({@code quarkus.http.limits.max-connections}) would let clients
 * take the file descriptors the service itself needs: past the process's limit it can no longer load its own
 * classes, open database connections or write uploads, and every request fails instead of the extra connections.
 */
@ApplicationScoped
public class ConnectionLimitCheck {

    /**
     * The share of descriptors connections may hold; the rest is for the service's own files (jars, database
     * connections, uploads, exports) and for connections past the cap, each open until it is turned away.
     */
    static final double CONNECTION_SHARE = 0.5;

    private static final Logger LOG = Logger.getLogger(ConnectionLimitCheck.class);

    void check(@Observes StartupEvent start,
               @ConfigProperty(name = "quarkus.http.limits.max-connections") OptionalInt maxConnections) {
        problem(maxConnections, descriptorLimit()).ifPresent(LOG::warn);
    }

    /** What is wrong with this cap under this descriptor limit, if anything. */
    static Optional<String> problem(OptionalInt maxConnections, OptionalLong descriptorLimit) {
        if (descriptorLimit.isEmpty()) {
            return Optional.empty();
        }
        long usable = (long) (descriptorLimit.getAsLong() * CONNECTION_SHARE);
        if (maxConnections.isEmpty()) {
            return Optional.of("quarkus.http.limits.max-connections is not set: a crowd of connections can "
                    + "take all " + descriptorLimit.getAsLong() + " file descriptors of the process; set it to at most "
                    + usable);
        }
        if (maxConnections.getAsInt() > usable) {
            return Optional.of("quarkus.http.limits.max-connections is " + maxConnections.getAsInt()
                    + " but the process may open only " + descriptorLimit.getAsLong() + " files, half of them kept for "
                    + "its own and for connections being turned away; set QUARKUS_HTTP_LIMITS_MAX_CONNECTIONS to at most "
                    + usable + " or raise the pod's open-files limit");
        }
        return Optional.empty();
    }

    /** The process's open-files limit, where the JVM reports it (HotSpot on Unix). */
    private static OptionalLong descriptorLimit() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.UnixOperatingSystemMXBean unix) {
            return OptionalLong.of(unix.getMaxFileDescriptorCount());
        }
        return OptionalLong.empty();
    }
}
