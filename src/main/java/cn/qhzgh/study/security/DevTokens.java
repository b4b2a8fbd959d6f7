package cn.qhzgh.study.security;

import io.quarkus.arc.profile.IfBuildProfile;
import io.smallrye.jwt.build.Jwt;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;
import java.util.Set;

/**
 * Signs tokens for the demo identities with the NON-PRODUCTION key (smallrye.jwt.sign.key.location of the dev and test
 * profiles). The bean, and with it everything that hands out such tokens, does not exist in a production build.
 */
@ApplicationScoped
@IfBuildProfile(anyOf = {"dev", "test"})
public class DevTokens {

    private final String issuer;
    private final String audience;

    public DevTokens(@ConfigProperty(name = "mp.jwt.verify.issuer") String issuer,
                     @ConfigProperty(name = "mp.jwt.verify.audiences") String audience) {
        this.issuer = issuer;
        this.audience = audience;
    }

    public String sign(DemoIdentity identity, Duration validity) {
        return Jwt.issuer(issuer)
                .audience(audience)
                .subject(identity.subject())
                .groups(Set.of(identity.role()))
                .claim("org", identity.org())
                .expiresIn(validity)
                .sign();
    }
}
