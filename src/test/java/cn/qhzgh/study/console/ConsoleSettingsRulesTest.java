package cn.qhzgh.study.console;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ConsoleSettingsRulesTest {

    private record Oidc(Optional<URI> issuer, Optional<String> clientId, String scopes, Optional<URI> redirectUri)
            implements ConsoleConfig.Oidc {
    }

    private static Oidc oidc(String issuer, String clientId, String scopes, String redirect) {
        return new Oidc(Optional.ofNullable(issuer).map(URI::create), Optional.ofNullable(clientId), scopes,
                Optional.ofNullable(redirect).map(URI::create));
    }

    @Test
    void noProviderMeansNoOidcSignIn() {
        ConsoleSettings settings = ConsoleSettings.of(oidc(null, null, "openid profile", null), false);
        assertThat(settings.oidc()).isNull();
        assertThat(settings.devSignIn()).isFalse();
    }

    @Test
    void aProviderIsHandedOverWithoutATrailingSlash() {
        ConsoleSettings settings = ConsoleSettings.of(oidc("https://id.qhzgh.example/realms/union/", "study-console",
                " openid profile ", null), true);
        assertThat(settings.oidc()).isEqualTo(new ConsoleSettings.Oidc("https://id.qhzgh.example/realms/union",
                "study-console", "openid profile", null));
        assertThat(settings.devSignIn()).isTrue();
    }

    @Test
    void halfAProviderOrAddressesThatAreNotWebAddressesStopTheStart() {
        assertThat(ConsoleSettings.problems(oidc("https://id.qhzgh.example", null, "openid", null)))
                .containsExactly("set both study.console.oidc.issuer and study.console.oidc.client-id, or neither");
        assertThat(ConsoleSettings.problems(oidc(null, "study-console", "openid", null))).hasSize(1);
        assertThat(ConsoleSettings.problems(oidc("id.qhzgh.example", "c", "openid", "/console/")))
                .containsExactly("study.console.oidc.issuer must be an absolute http(s) URL, not 'id.qhzgh.example'",
                        "study.console.oidc.redirect-uri must be an absolute http(s) URL, not '/console/'");
        assertThat(ConsoleSettings.problems(oidc("ftp://id.qhzgh.example", "c", "profile", null)))
                .containsExactly("study.console.oidc.issuer must be an absolute http(s) URL, not 'ftp://id.qhzgh.example'",
                        "study.console.oidc.scopes must include openid");
        assertThatThrownBy(() -> ConsoleSettings.of(oidc("https://id.qhzgh.example", null, "openid", null), false))
                .isInstanceOf(IllegalStateException.class).hasMessageStartingWith("Console sign-in is misconfigured: ");
    }
}
