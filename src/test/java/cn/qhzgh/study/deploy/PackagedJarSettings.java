package cn.qhzgh.study.deploy;

import cn.qhzgh.study.testsupport.TestTokens;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.Map;

/**
 * What a deployment sets for the packaged jar, which runs in its prod profile: the test's verification key, issuer
 * and audience (the settings README's Configuration lists), MariaDB accepted in place of MySQL 8, and a free
 * management port. The database comes from the suite's global MariaDB resource, as for every other test.
 */
public class PackagedJarSettings implements QuarkusTestResourceLifecycleManager {

    static final Path PRIVATE_KEY = Path.of("src/main/dev-keys/non-production-private.pem");
    private static final Path PUBLIC_KEY = Path.of("src/main/dev-keys/non-production-public.pem");

    @Override
    public Map<String, String> start() {
        return Map.of(
                "mp.jwt.verify.publickey.location", PUBLIC_KEY.toAbsolutePath().toString(),
                "mp.jwt.verify.issuer", TestTokens.ISSUER,
                "mp.jwt.verify.audiences", TestTokens.AUDIENCE,
                "quarkus.hibernate-orm.database.version-check.enabled", "false",
                "quarkus.management.port", String.valueOf(freePort()));
    }

    @Override
    public void stop() {
        // nothing was started
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
