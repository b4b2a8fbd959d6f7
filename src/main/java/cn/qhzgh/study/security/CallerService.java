package cn.qhzgh.study.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.quarkus.security.UnauthorizedException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.time.Duration;
import java.util.Set;

/**
 * Resolves the token's claims against the org directory, provisioning unknown workers just in time.
 * Resolutions are cached so that hot read paths (module reads, 304s) touch no database.
 */
@ApplicationScoped
public class CallerService {

    private record CallerKey(String subject, String role, String orgCode, String name) {
    }

    private final Cache<CallerKey, Caller> resolved = Caffeine.newBuilder()
            .maximumSize(100_000)
            .expireAfterWrite(Duration.ofMinutes(5))
            .build();

    @Inject
    JsonWebToken token;

    @Inject
    CallerProvisioning provisioning;

    public Caller current() {
        String subject = token.getSubject();
        if (subject == null || subject.isBlank()) {
            throw new UnauthorizedException();
        }
        CallerKey key = new CallerKey(subject, roleOf(token.getGroups()), token.getClaim("org"), token.getClaim("name"));
        return resolved.get(key, k -> provisioning.resolve(k.subject(), k.role(), k.orgCode(), k.name()));
    }

    /** Drops cached resolutions, e.g. after an org import moved or renamed unions. */
    public void forgetAll() {
        resolved.invalidateAll();
    }

    private static String roleOf(Set<String> groups) {
        if (groups.contains(Roles.PROVINCE_ADMIN)) {
            return Roles.PROVINCE_ADMIN;
        }
        if (groups.contains(Roles.ORG_ADMIN)) {
            return Roles.ORG_ADMIN;
        }
        return Roles.WORKER;
    }
}
