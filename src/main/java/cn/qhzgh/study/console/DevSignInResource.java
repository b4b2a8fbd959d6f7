package cn.qhzgh.study.console;

import cn.qhzgh.study.common.DomainException;
import cn.qhzgh.study.security.DemoIdentity;
import cn.qhzgh.study.security.DevTokens;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.quarkus.arc.profile.IfBuildProfile;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.RestPath;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Dev and test builds only: the console's sign-in page lists the demo identities and gets a token for the one picked,
 * signed with the NON-PRODUCTION key, so the console runs in dev mode and in the browser tests as it does against
 * the union's identity provider. A production build has no such endpoint (ConsoleProdIT checks the packaged jar).
 */
@Path("/console/dev-sign-in")
@PermitAll
@Produces(MediaType.APPLICATION_JSON)
@IfBuildProfile(anyOf = {"dev", "test"})
public class DevSignInResource {

    /** As long as an admin's working day; the console asks for a new sign-in after it. */
    private static final Duration VALIDITY = Duration.ofHours(8);

    private final DevTokens tokens;

    public DevSignInResource(DevTokens tokens) {
        this.tokens = tokens;
    }

    /** One demo identity as the sign-in page lists it; {@code id} is what to post. */
    public record Identity(String id, String subject, String role, String roleName, String org, String orgName) {
    }

    /** A token as an OAuth token endpoint hands it out (RFC 6749 section 5.1). */
    public record Token(@JsonProperty("access_token") String accessToken, @JsonProperty("token_type") String tokenType,
                        @JsonProperty("expires_in") long expiresIn) {
    }

    @GET
    @Operation(hidden = true)
    public List<Identity> identities() {
        return Arrays.stream(DemoIdentity.values()).map(identity -> new Identity(id(identity), identity.subject(),
                identity.role(), identity.roleName(), identity.org(), identity.orgName())).toList();
    }

    @POST
    @Path("/{id}")
    @Operation(hidden = true)
    public Token signIn(@RestPath String id) {
        DemoIdentity identity = Arrays.stream(DemoIdentity.values()).filter(candidate -> id(candidate).equals(id))
                .findFirst().orElseThrow(() -> DomainException.notFound("demo-identity-not-found",
                        "No demo identity is called '" + id + "'."));
        return new Token(tokens.sign(identity, VALIDITY), "Bearer", VALIDITY.toSeconds());
    }

    private static String id(DemoIdentity identity) {
        return identity.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
