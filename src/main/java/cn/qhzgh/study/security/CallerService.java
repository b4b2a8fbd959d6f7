package cn.qhzgh.study.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.quarkus.security.ForbiddenException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.time.Duration;

/**
 * Resolves the token's claims against the org directory, provisioning unknown workers just in time.
 * Resolutions are cached so that hot read paths (module reads, 304s) touch no database. The cache only remembers
 * committed resolutions and never serialises callers: two first calls of one worker may both resolve, and the
 * database alone decides which of them provisions.
 */
@ApplicationScoped
public class CallerService {

    private final Cache<TokenClaims, Caller> resolved = Caffeine.newBuilder()
            .maximumSize(100_000)
            .expireAfterWrite(Duration.ofMinutes(5))
            .build();

    @Inject
    JsonWebToken token;

    @Inject
    RememberingJwtCallerPrincipalFactory verifiedTokens;

    @Inject
    CallerProvisioning provisioning;

    public Caller current() {
        TokenClaims claims = verifiedTokens.claimsOf(token);
        if (claims.role() == null) {
            // Role checks stop such tokens first; without a role of ours, nobody is resolved, least of all as a worker.
            throw new ForbiddenException();
        }
        Caller caller = resolved.getIfPresent(claims);
        if (caller == null) {
            caller = provisioning.resolve(claims);
            resolved.put(claims, caller);
        }
        return caller;
    }

    /** Drops cached resolutions, e.g. after an org import moved or renamed unions. */
    public void forgetAll() {
        resolved.invalidateAll();
    }
}
