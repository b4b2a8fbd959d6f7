package cn.qhzgh.study.security;

import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.smallrye.mutiny.Uni;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Checks the claims of every call with a verified token before role checks and resources run, so that no
 * operation (not even one that never asks who is calling) acts on a token whose claims are malformed.
 */
public class TokenClaimsFilter {

    private final CurrentIdentityAssociation identities;
    private final CheckedClaims claims;

    public TokenClaimsFilter(CurrentIdentityAssociation identities, CheckedClaims claims) {
        this.identities = identities;
        this.claims = claims;
    }

    @ServerRequestFilter(preMatching = true)
    public Uni<Void> checkClaims() {
        return identities.getDeferredIdentity().map(identity -> {
            if (identity.getPrincipal() instanceof JsonWebToken token) {
                claims.of(token);
            }
            return null;
        });
    }
}
