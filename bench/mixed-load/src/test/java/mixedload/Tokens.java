package mixedload;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;

/** RS256 bearer tokens signed with the NON-PRODUCTION key of src/main/dev-keys, as bench/lib/common.sh mints them. */
final class Tokens {

    private static final Base64.Encoder URL = Base64.getUrlEncoder().withoutPadding();

    private final PrivateKey key;
    private final String issuer;
    private final long issuedAt = System.currentTimeMillis() / 1000;
    private final long ttlSeconds;

    Tokens(Path pkcs8Pem, String issuer, long ttlSeconds) throws Exception {
        String pem = Files.readString(pkcs8Pem, StandardCharsets.US_ASCII)
                .replaceAll("-----(BEGIN|END) PRIVATE KEY-----", "").replaceAll("\\s", "");
        this.key = KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pem)));
        this.issuer = issuer;
        this.ttlSeconds = ttlSeconds;
    }

    /** "Bearer <jwt>" for a caller with one group and an org code (subjects and codes are plain ASCII here). */
    String bearer(String subject, String group, String org) {
        String header = encode("{\"alg\":\"RS256\",\"typ\":\"JWT\"}");
        String payload = encode("{\"iss\":\"" + issuer + "\",\"aud\":\"study-service\",\"sub\":\"" + subject
                + "\",\"upn\":\"" + subject + "\",\"groups\":[\"" + group + "\"],\"org\":\"" + org
                + "\",\"iat\":" + issuedAt + ",\"exp\":" + (issuedAt + ttlSeconds)
                + ",\"jti\":\"mixed-" + subject + "-" + issuedAt + "\"}");
        try {
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initSign(key);
            rsa.update((header + "." + payload).getBytes(StandardCharsets.US_ASCII));
            return "Bearer " + header + "." + payload + "." + URL.encodeToString(rsa.sign());
        } catch (Exception e) {
            throw new IllegalStateException("cannot sign a token for " + subject, e);
        }
    }

    private static String encode(String json) {
        return URL.encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
