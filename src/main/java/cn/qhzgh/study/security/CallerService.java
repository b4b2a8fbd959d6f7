package cn.qhzgh.study.security;

import cn.qhzgh.study.common.BlockingCache;
import io.quarkus.cache.Cache;
import io.quarkus.cache.CacheName;
import io.quarkus.security.ForbiddenException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Resolves the token's claims against the org directory, provisioning unknown workers just in time.
 * Resolutions are cached so that hot read paths (module reads, 304s) touch no database. The cache only remembers
 * committed resolutions and never serialises callers: two first calls of one worker may both resolve, and the
 * database alone decides which of them provisions.
 */
@ApplicationScoped
public class CallerService {

    private final BlockingCache<TokenClaims, Caller> resolved;
    private final JsonWebToken token;
    private final RememberingJwtCallerPrincipalFactory verifiedTokens;
    private final CallerDirectory directory;

    @Inject
    public CallerService(@CacheName("resolved-callers") Cache resolved, JsonWebToken token,
                         RememberingJwtCallerPrincipalFactory verifiedTokens, CallerDirectory directory) {
        this.resolved = new BlockingCache<>(resolved);
        this.token = token;
        this.verifiedTokens = verifiedTokens;
        this.directory = directory;
    }

    public Caller current() {
        TokenClaims claims = verifiedTokens.claimsOf(token);
        if (claims.role() == null) {
            // Role checks stop such tokens first; without a role of ours, nobody is resolved, least of all as a worker.
            throw new ForbiddenException();
        }
        Caller caller = resolved.getIfPresent(claims);
        if (caller == null) {
            caller = directory.resolve(claims);
            resolved.put(claims, caller);
        }
        return caller;
    }

    /** Drops cached resolutions, e.g. after an org import moved or renamed unions. */
    public void forgetAll() {
        resolved.invalidateAll();
    }
}
