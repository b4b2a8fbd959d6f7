package cn.qhzgh.study.security;

import cn.qhzgh.study.common.BlockingCache;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.cache.Cache;
import io.quarkus.cache.CacheName;
import io.smallrye.jwt.auth.principal.DefaultJWTCallerPrincipalFactory;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTCallerPrincipal;
import io.smallrye.jwt.auth.principal.JWTCallerPrincipalFactory;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Verifies each bearer token once per pod and recognises it afterwards: a phone sends the same token with every
 * call, and the RS256 check was a quarter of the service's CPU on a progress request. A remembered token is
 * accepted only while a fresh verification would accept it too (before {@code exp}, within the configured token
 * age, under the same verification settings); everything else is verified from scratch. A verified token's claims
 * are checked here too, before any role check or resource sees them: a token with a malformed claim is refused
 * with 401 {@code invalid-token-claims} on every call and never remembered.
 */
@ApplicationScoped
@Alternative
@Priority(1)
public class RememberingJwtCallerPrincipalFactory extends JWTCallerPrincipalFactory {

    private record Verified(JWTAuthContextInfo settings, JWTCallerPrincipal principal, TokenClaims claims) {
    }

    private final JWTCallerPrincipalFactory verifier = new DefaultJWTCallerPrincipalFactory();
    private final ObjectMapper json;
    private final BlockingCache<String, Verified> verified;

    public RememberingJwtCallerPrincipalFactory(ObjectMapper json, @CacheName("verified-tokens") Cache verified) {
        this.json = json;
        this.verified = new BlockingCache<>(verified);
    }

    @Override
    public JWTCallerPrincipal parse(String token, JWTAuthContextInfo settings) throws ParseException {
        Verified known = verified.getIfPresent(token);
        if (known != null && known.settings() == settings && stillAcceptable(known.principal(), settings)) {
            return known.principal();
        }
        JWTCallerPrincipal principal = verifier.parse(token, settings);
        verified.put(token, new Verified(settings, principal, TokenClaims.of(principal, json)));
        return principal;
    }

    /** The checked claims of a verified token, remembered with it; checked again once the token is forgotten. */
    public TokenClaims claimsOf(JsonWebToken token) {
        Verified known = verified.getIfPresent(token.getRawToken());
        return known != null ? known.claims() : TokenClaims.of(token, json);
    }

    /** The time-dependent checks of a verification, without its clock-skew allowance. */
    private static boolean stillAcceptable(JWTCallerPrincipal principal, JWTAuthContextInfo settings) {
        long now = System.currentTimeMillis() / 1000;
        Long maxAge = settings.getTokenAge();
        return now < principal.getExpirationTime() && (maxAge == null || now <= principal.getIssuedAtTime() + maxAge);
    }
}
