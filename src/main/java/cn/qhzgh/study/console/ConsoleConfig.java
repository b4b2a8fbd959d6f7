package cn.qhzgh.study.console;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.net.URI;
import java.util.Optional;

/** How the admin console at /console/ signs admins in; defined once. */
@ConfigMapping(prefix = "study.console")
public interface ConsoleConfig {

    Oidc oidc();

    /** The union's identity provider, which the console's browser code talks to (authorization code with PKCE). */
    interface Oidc {

        /** The provider's issuer; its discovery document is issuer + /.well-known/openid-configuration. Unset: no OIDC sign-in. */
        Optional<URI> issuer();

        /** The console's client id, registered at the provider as a public client (no secret). */
        Optional<String> clientId();

        /** Scopes the console asks for, space separated. */
        @WithDefault("openid profile")
        String scopes();

        /** Where the provider sends the browser back; default the console's own address (origin + /console/). */
        Optional<URI> redirectUri();
    }
}
