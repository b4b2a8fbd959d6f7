import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;

/**
 * Signs many RS256 tokens in one JVM, as common.sh's mint_token does one per openssl call (JDK only): on a busy
 * 2-core machine thousands of openssl and shell forks take minutes, this takes a second.
 *
 * <pre>java MintTokens.java KEY.pem ISSUER &lt; lines "sub TAB groups-json TAB org TAB ttl-seconds TAB jti"</pre>
 *
 * Prints "sub TAB token" per input line, claims in the order and form mint_token writes them.
 */
public class MintTokens {

    public static void main(String[] args) throws Exception {
        String pem = Files.readString(Path.of(args[0])).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        PrivateKey key = KeyFactory.getInstance("RSA")
                .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pem)));
        String issuer = args[1];
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String header = b64.encodeToString("{\"alg\":\"RS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        Signature rsa = Signature.getInstance("SHA256withRSA");
        StringBuilder out = new StringBuilder();
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        long iat = System.currentTimeMillis() / 1000;
        for (String line; (line = in.readLine()) != null; ) {
            if (line.isBlank()) {
                continue;
            }
            String[] f = line.split("\t");
            String payload = String.format("{\"iss\":\"%s\",\"aud\":\"study-service\",\"sub\":\"%s\",\"upn\":\"%s\","
                            + "\"groups\":%s,\"org\":\"%s\",\"iat\":%d,\"exp\":%d,\"jti\":\"%s\"}", issuer, f[0], f[0], f[1],
                    f[2], iat, iat + Long.parseLong(f[3]), f[4]);
            String signingInput = header + "." + b64.encodeToString(payload.getBytes(StandardCharsets.UTF_8));
            rsa.initSign(key);
            rsa.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            out.append(f[0]).append('\t').append(signingInput).append('.').append(b64.encodeToString(rsa.sign()))
                    .append('\n');
        }
        System.out.print(out);
    }
}
