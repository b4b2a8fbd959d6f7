package cn.qhzgh.study.security;

import com.fasterxml.jackson.databind.ObjectMapper;
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
    private final ObjectMapper json;

    public TokenClaimsFilter(CurrentIdentityAssociation identities, ObjectMapper json) {
        this.identities = identities;
        this.json = json;
    }

    @ServerRequestFilter(preMatching = true)
    public Uni<Void> checkClaims() {
        return identities.getDeferredIdentity().map(identity -> {
            if (identity.getPrincipal() instanceof JsonWebToken token) {
                TokenClaims.of(token, json);
            }
            return null;
        });
    }
}
