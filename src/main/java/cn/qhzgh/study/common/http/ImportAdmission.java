package cn.qhzgh.study.common.http;

import cn.qhzgh.study.common.DomainException;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Semaphore;

/**
 * Admits an import before its body is read: only a few run per pod, and only when the temporary disk holds the
 * upload and its spooled copy above a reserve. The permit is returned when the exchange ends, however it ends.
 */
@ApplicationScoped
public class ImportAdmission {

    /** The contract's words for an import's 422, 429 and 503; annotations need them as constants. */
    public static final String UNUSABLE_TABLE = "The file cannot be used; `errors` lists each problem with its row and "
            + "column (also: a row with more than `study.upload.max-cells-per-row` (256) cells, a cell over "
            + "`study.upload.max-cell-chars` (32,767) characters, an XLSX inflating beyond `study.upload.max-xlsx-inflated` "
            + "(1 GiB) or `study.upload.max-xlsx-compression-ratio` (100) times a part's compressed size)";
    public static final String BUSY = "This pod already runs `study.upload.max-concurrent-imports` (2) imports; "
            + "retry after Retry-After seconds (`study.upload.retry-after-seconds`, 30).";
    public static final String LOW_TEMP_SPACE = "Overloaded, the database is unreachable, or the temporary disk cannot "
            + "hold twice the upload's cap above `study.upload.temp-space-reserve` (512 MiB); retry after Retry-After "
            + "seconds.";

    private final UploadLimits limits;
    private final Semaphore permits;
    private final List<Path> tempDirectories;

    public ImportAdmission(UploadLimits limits,
                           @ConfigProperty(name = "quarkus.http.body.uploads-directory") String uploadsDirectory) {
        this.limits = limits;
        this.permits = new Semaphore(limits.maxConcurrentImports());
        this.tempDirectories = List.of(Path.of(uploadsDirectory), Path.of(System.getProperty("java.io.tmpdir")));
    }

    void admit(BodyKind kind, long cap, RoutingContext exchange) {
        long usable = usableTempSpace();
        if (!tempSpaceSuffices(usable, cap, limits.tempSpaceReserve().asLongValue())) {
            throw refused(503, "temp-space-low", "Service Unavailable", "The server's temporary disk has "
                    + usable + " bytes free, too little to take a " + kind.description() + " of up to " + cap
                    + " bytes now; retry after " + limits.retryAfterSeconds() + " s.");
        }
        if (!permits.tryAcquire()) {
            throw refused(429, "imports-busy", "Too Many Requests", "This server already runs "
                    + limits.maxConcurrentImports() + " import(s); retry the " + kind.description() + " after "
                    + limits.retryAfterSeconds() + " s.");
        }
        exchange.addEndHandler(ended -> permits.release());
    }

    /** An upload needs room for itself and for the copy a reader spools, above the reserve kept for the pod. */
    static boolean tempSpaceSuffices(long usable, long cap, long reserve) {
        return usable - reserve >= 2 * cap;
    }

    private long usableTempSpace() {
        long usable = Long.MAX_VALUE;
        for (Path directory : tempDirectories) {
            try {
                Path existing = directory.toAbsolutePath();
                while (!Files.exists(existing) && existing.getParent() != null) {
                    existing = existing.getParent();
                }
                usable = Math.min(usable, Files.getFileStore(existing).getUsableSpace());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return usable;
    }

    private DomainException refused(int status, String slug, String title, String detail) {
        return new RetryLater(status, slug, title, detail, limits.retryAfterSeconds());
    }

    private static final class RetryLater extends DomainException {

        private final long retryAfterSeconds;

        RetryLater(int status, String slug, String title, String detail, long retryAfterSeconds) {
            super(status, slug, title, detail);
            this.retryAfterSeconds = retryAfterSeconds;
        }

        @Override
        public Long retryAfterSeconds() {
            return retryAfterSeconds;
        }
    }
}
