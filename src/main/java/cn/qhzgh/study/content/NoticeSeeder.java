package cn.qhzgh.study.content;

import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Imports the bundled notice 青总发〔2022〕24号 at start when seeding is on (dev mode). */
@ApplicationScoped
public class NoticeSeeder {

    static final String BUNDLED_NOTICE = "/notice/qhzgh-2022-24.md";
    private static final Logger LOG = Logger.getLogger(NoticeSeeder.class);

    private final NoticeImportService imports;
    private final boolean enabled;

    public NoticeSeeder(NoticeImportService imports, @ConfigProperty(name = "study.seed.enabled") boolean enabled) {
        this.imports = imports;
        this.enabled = enabled;
    }

    void seed(@Observes @Priority(20) StartupEvent start) {
        if (!enabled) {
            return;
        }
        NoticeImportResult result = imports.importNotice(bundled(BUNDLED_NOTICE), false, "seed");
        LOG.infof("Seeded notice %s: %d modules, %d import warnings, %s", result.notice().docNumber(),
                result.modules().size(), result.warnings().size(), result.questions() == null ? "questions unchanged"
                        : result.questions().approved() + " generated questions (" + result.questions().rejected()
                        + " rejected by the quality gate)");
    }

    /** A document bundled with the service for the dev seed, by its classpath resource path. */
    public static String bundled(String resource) {
        try (InputStream in = NoticeSeeder.class.getResourceAsStream(resource)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
