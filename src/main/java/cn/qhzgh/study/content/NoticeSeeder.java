package cn.qhzgh.study.content;

import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Imports the bundled notice 青总发〔2022〕24号 for the dev seed, which calls it after the unions. */
@ApplicationScoped
public class NoticeSeeder {

    static final String BUNDLED_NOTICE = "/notice/qhzgh-2022-24.md";
    private static final Logger LOG = Logger.getLogger(NoticeSeeder.class);

    private final NoticeImportService imports;

    public NoticeSeeder(NoticeImportService imports) {
        this.imports = imports;
    }

    public void seed() {
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
