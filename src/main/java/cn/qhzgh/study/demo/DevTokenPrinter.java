package cn.qhzgh.study.demo;

import cn.qhzgh.study.security.DemoIdentity;
import cn.qhzgh.study.security.DevTokens;
import io.quarkus.arc.profile.IfBuildProfile;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/** Dev mode only: prints ready-to-paste tokens signed with the NON-PRODUCTION key and saves them for scripts. */
@ApplicationScoped
@IfBuildProfile("dev")
public class DevTokenPrinter {

    private static final Logger LOG = Logger.getLogger(DevTokenPrinter.class);
    private static final Path TOKEN_FILE = Path.of("target", "dev-tokens.env");
    private static final Duration VALIDITY = Duration.ofHours(24);

    private final DevTokens tokens;
    private final int port;

    public DevTokenPrinter(DevTokens tokens, @ConfigProperty(name = "quarkus.http.port") int port) {
        this.tokens = tokens;
        this.port = port;
    }

    void print(@Observes @Priority(100) StartupEvent start) throws IOException {
        String worker = tokens.sign(DemoIdentity.WORKER, VALIDITY);
        String orgAdmin = tokens.sign(DemoIdentity.ORG_ADMIN, VALIDITY);
        String provinceAdmin = tokens.sign(DemoIdentity.PROVINCE_ADMIN, VALIDITY);
        String env = "WORKER_TOKEN=" + worker + "\nORG_ADMIN_TOKEN=" + orgAdmin
                + "\nPROVINCE_ADMIN_TOKEN=" + provinceAdmin + "\n";
        Files.createDirectories(TOKEN_FILE.getParent());
        Files.writeString(TOKEN_FILE, env);
        LOG.infof("""

                ===== Dev tokens (NON-PRODUCTION key, valid 24 h) — also in %s =====
                worker %s @ %s:
                export WORKER_TOKEN=%s
                org-admin %s @ %s (%s):
                export ORG_ADMIN_TOKEN=%s
                province-admin %s @ %s (%s):
                export PROVINCE_ADMIN_TOKEN=%s
                Try: curl -H "Authorization: Bearer $WORKER_TOKEN" http://localhost:%d/api/v1/modules
                Console: http://localhost:%d/console/ (dev sign-in with the same identities)
                ===========================================================================
                """, TOKEN_FILE, DemoIdentity.WORKER.subject(), DemoIdentity.WORKER.org(), worker,
                DemoIdentity.ORG_ADMIN.subject(), DemoIdentity.ORG_ADMIN.org(), DemoIdentity.ORG_ADMIN.orgName(), orgAdmin,
                DemoIdentity.PROVINCE_ADMIN.subject(), DemoIdentity.PROVINCE_ADMIN.org(),
                DemoIdentity.PROVINCE_ADMIN.orgName(), provinceAdmin, port, port);
    }
}
