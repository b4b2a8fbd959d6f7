package cn.qhzgh.study.console;

import cn.qhzgh.study.security.DevTokens;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Singleton;

/**
 * The console's sign-in settings, read once at start: a half-configured identity provider would otherwise only show
 * as a broken sign-in page, so the service refuses to start instead.
 */
@Startup
@Singleton
public class ConsoleSignIn {

    private final ConsoleSettings settings;

    public ConsoleSignIn(ConsoleConfig config, Instance<DevTokens> devTokens) {
        this.settings = ConsoleSettings.of(config.oidc(), devTokens.isResolvable());
    }

    public ConsoleSettings settings() {
        return settings;
    }
}
