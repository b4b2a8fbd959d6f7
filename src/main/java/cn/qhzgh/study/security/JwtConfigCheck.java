package cn.qhzgh.study.security;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.Config;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/** Refuses to start without a key, issuer and audience: SmallRye would otherwise skip those checks silently. */
@ApplicationScoped
public class JwtConfigCheck {

    /** Verification settings a deployment must supply. */
    public static final List<String> REQUIRED = List.of(
            "mp.jwt.verify.publickey.location", "mp.jwt.verify.issuer", "mp.jwt.verify.audiences");

    void check(@Observes StartupEvent start, Config config) {
        List<String> missing = missing(key -> config.getOptionalValue(key, String.class));
        if (!missing.isEmpty()) {
            throw new IllegalStateException("JWT verification is not configured; set " + String.join(", ", missing)
                    + " (environment: " + String.join(", ", missing.stream().map(JwtConfigCheck::envName).toList())
                    + ")");
        }
    }

    static List<String> missing(Function<String, Optional<String>> lookup) {
        return REQUIRED.stream().filter(key -> lookup.apply(key).filter(v -> !v.isBlank()).isEmpty()).toList();
    }

    public static String envName(String key) {
        return key.toUpperCase(Locale.ROOT).replace('.', '_');
    }
}
