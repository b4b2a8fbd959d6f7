package cn.qhzgh.study.testsupport;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;

import java.time.Instant;
import java.util.Set;

/** Real RS256 tokens signed with the NON-PRODUCTION key the test profile trusts. */
public final class TestTokens {

    public static final String ISSUER = "https://study.qhzgh.example/non-production";
    public static final String AUDIENCE = "study-service";

    private TestTokens() {
    }

    public static String worker(String subject, String org) {
        return claims(subject, "worker", org).sign();
    }

    public static String orgAdmin(String subject, String org) {
        return claims(subject, "org-admin", org).sign();
    }

    public static String provinceAdmin() {
        return claims("test-province-admin", "province-admin", "QH").sign();
    }

    public static JwtClaimsBuilder claims(String subject, String group, String org) {
        JwtClaimsBuilder builder = Jwt.issuer(ISSUER)
                .audience(AUDIENCE)
                .subject(subject)
                .groups(Set.of(group))
                .issuedAt(Instant.now())
                .expiresIn(3600);
        return org == null ? builder : builder.claim("org", org);
    }
}
