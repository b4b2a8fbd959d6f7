package cn.qhzgh.study.console;

import cn.qhzgh.study.testsupport.TestTokens;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestQuery;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A stand-in for the union's identity provider in the test sources (study.console.oidc.issuer of the test profile):
 * discovery, an authorization endpoint that signs in whoever the test names in {@link #nextSubject} at once, and a token
 * endpoint that checks the PKCE verifier against the challenge (S256) as a real provider must, and renews with rotating
 * refresh tokens (refused while {@link #refusesRefresh}). It is not in the contract.
 */
@Path("/test-idp")
@PermitAll
public class TestIdentityProvider {

    /** Who the next authorization signs in: subject, role and union. */
    public record Account(String subject, String role, String org) {
    }

    /** What one authorization asked for, for the test to check. */
    public record Authorization(Account account, String clientId, String redirectUri, String scope,
                                String challenge, String challengeMethod) {
    }

    public static volatile Account nextSubject = new Account("test-oidc-admin", "org-admin", "QH-XN");
    public static volatile Authorization lastAuthorization;
    public static volatile boolean lastExchangeVerified;
    public static volatile boolean refusesRefresh;
    public static final AtomicInteger REFRESH_GRANTS = new AtomicInteger();

    private static final Map<String, Authorization> CODES = new ConcurrentHashMap<>();
    private static final Map<String, Authorization> REFRESH_TOKENS = new ConcurrentHashMap<>();

    private final String issuer;

    public TestIdentityProvider(@ConfigProperty(name = "study.console.oidc.issuer") String issuer) {
        this.issuer = issuer;
    }

    @GET
    @Path("/.well-known/openid-configuration")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(hidden = true)
    public Map<String, Object> discovery() {
        return Map.of("issuer", issuer, "authorization_endpoint", issuer + "/authorize",
                "token_endpoint", issuer + "/token", "response_types_supported", new String[]{"code"},
                "code_challenge_methods_supported", new String[]{"S256"});
    }

    @GET
    @Path("/authorize")
    @Operation(hidden = true)
    public Response authorize(@RestQuery("response_type") String responseType, @RestQuery("client_id") String clientId,
                              @RestQuery("redirect_uri") String redirectUri, @RestQuery String scope,
                              @RestQuery String state, @RestQuery("code_challenge") String challenge,
                              @RestQuery("code_challenge_method") String challengeMethod) {
        Authorization authorization = new Authorization(nextSubject, clientId, redirectUri, scope, challenge,
                challengeMethod);
        lastAuthorization = authorization;
        if (!"code".equals(responseType)) {
            return Response.seeOther(UriBuilder.fromUri(redirectUri).queryParam("error", "unsupported_response_type")
                    .queryParam("state", state).build()).build();
        }
        String code = UUID.randomUUID().toString();
        CODES.put(code, authorization);
        URI back = UriBuilder.fromUri(redirectUri).queryParam("code", code).queryParam("state", state)
                .queryParam("iss", issuer).build();
        return Response.seeOther(back).build();
    }

    @POST
    @Path("/token")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(hidden = true)
    public Response token(@RestForm("grant_type") String grantType, @RestForm String code,
                          @RestForm("redirect_uri") String redirectUri, @RestForm("client_id") String clientId,
                          @RestForm("code_verifier") String verifier, @RestForm("refresh_token") String refreshToken)
            throws NoSuchAlgorithmException {
        if ("refresh_token".equals(grantType)) {
            Authorization granted = refreshToken == null ? null : REFRESH_TOKENS.remove(refreshToken);
            if (granted == null || refusesRefresh || !granted.clientId().equals(clientId)) {
                return Response.status(400).entity(Map.of("error", "invalid_grant")).build();
            }
            REFRESH_GRANTS.incrementAndGet();
            return tokens(granted);
        }
        Authorization authorization = code == null ? null : CODES.remove(code);
        lastExchangeVerified = false;
        if (!"authorization_code".equals(grantType) || authorization == null || verifier == null
                || !authorization.redirectUri().equals(redirectUri) || !authorization.clientId().equals(clientId)
                || !"S256".equals(authorization.challengeMethod())
                || !authorization.challenge().equals(s256(verifier))) {
            return Response.status(400).entity(Map.of("error", "invalid_grant")).build();
        }
        lastExchangeVerified = true;
        return tokens(authorization);
    }

    private static Response tokens(Authorization authorization) {
        Account account = authorization.account();
        String token = TestTokens.claims(account.subject(), account.role(), account.org()).sign();
        String refreshToken = UUID.randomUUID().toString();
        REFRESH_TOKENS.put(refreshToken, authorization);
        return Response.ok(Map.of("access_token", token, "token_type", "Bearer", "expires_in", 3600,
                "refresh_token", refreshToken)).build();
    }

    static String s256(String verifier) throws NoSuchAlgorithmException {
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
    }
}
