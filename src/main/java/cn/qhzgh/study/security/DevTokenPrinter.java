package cn.qhzgh.study.security;

import cn.qhzgh.study.org.DemoOrgSeeder;
import io.quarkus.arc.profile.IfBuildProfile;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.jwt.build.Jwt;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;

/** Dev mode only: prints ready-to-paste tokens signed with the NON-PRODUCTION key and saves them for scripts. */
@ApplicationScoped
@IfBuildProfile("dev")
public class DevTokenPrinter {

    private static final Logger LOG = Logger.getLogger(DevTokenPrinter.class);
    private static final Path TOKEN_FILE = Path.of("target", "dev-tokens.env");

    private final String issuer;
    private final String audience;
    private final int port;

    public DevTokenPrinter(@ConfigProperty(name = "mp.jwt.verify.issuer") String issuer,
                           @ConfigProperty(name = "mp.jwt.verify.audiences") String audience,
                           @ConfigProperty(name = "quarkus.http.port") int port) {
        this.issuer = issuer;
        this.audience = audience;
        this.port = port;
    }

    void print(@Observes @Priority(100) StartupEvent start) throws IOException {
        String worker = token(DemoOrgSeeder.DEMO_WORKER, Roles.WORKER, DemoOrgSeeder.DEMO_WORKER_ORG);
        String orgAdmin = token("demo-admin-xn", Roles.ORG_ADMIN, "QH-XN");
        String provinceAdmin = token("demo-admin-qh", Roles.PROVINCE_ADMIN, "QH");
        String env = "WORKER_TOKEN=" + worker + "\nORG_ADMIN_TOKEN=" + orgAdmin
                + "\nPROVINCE_ADMIN_TOKEN=" + provinceAdmin + "\n";
        Files.createDirectories(TOKEN_FILE.getParent());
        Files.writeString(TOKEN_FILE, env);
        LOG.infof("""

                ===== Dev tokens (NON-PRODUCTION key, valid 24 h) — also in %s =====
                worker %s @ %s:
                export WORKER_TOKEN=%s
                org-admin demo-admin-xn @ QH-XN (西宁市总工会):
                export ORG_ADMIN_TOKEN=%s
                province-admin demo-admin-qh @ QH (青海省总工会):
                export PROVINCE_ADMIN_TOKEN=%s
                Try: curl -H "Authorization: Bearer $WORKER_TOKEN" http://localhost:%d/api/v1/modules
                ===========================================================================
                """, TOKEN_FILE, DemoOrgSeeder.DEMO_WORKER, DemoOrgSeeder.DEMO_WORKER_ORG, worker, orgAdmin,
                provinceAdmin, port);
    }

    private String token(String subject, String role, String org) {
        return Jwt.issuer(issuer)
                .audience(audience)
                .subject(subject)
                .groups(Set.of(role))
                .claim("org", org)
                .expiresIn(Duration.ofHours(24))
                .sign();
    }
}
