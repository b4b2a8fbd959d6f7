package cn.qhzgh.study.console;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What the console's browser code needs before anyone has signed in: the identity provider to send admins to
 * ({@code oidc}, null when none is configured) and whether this build offers the dev sign-in with demo identities.
 */
public record ConsoleSettings(Oidc oidc, boolean devSignIn) {

    /** The provider as the browser talks to it; {@code redirectUri} null means the console's own address. */
    public record Oidc(String issuer, String clientId, String scopes, String redirectUri) {
    }

    /** The settings, or why the configuration cannot work: both or neither of issuer and client id, absolute http(s) URLs. */
    static ConsoleSettings of(ConsoleConfig.Oidc oidc, boolean devSignIn) {
        List<String> problems = problems(oidc);
        if (!problems.isEmpty()) {
            throw new IllegalStateException("Console sign-in is misconfigured: " + String.join("; ", problems));
        }
        if (oidc.issuer().isEmpty()) {
            return new ConsoleSettings(null, devSignIn);
        }
        String issuer = oidc.issuer().get().toString().replaceFirst("/+$", "");
        return new ConsoleSettings(new Oidc(issuer, oidc.clientId().orElseThrow(), oidc.scopes().trim(),
                oidc.redirectUri().map(URI::toString).orElse(null)), devSignIn);
    }

    static List<String> problems(ConsoleConfig.Oidc oidc) {
        List<String> problems = new ArrayList<>();
        if (oidc.issuer().isPresent() != oidc.clientId().filter(id -> !id.isBlank()).isPresent()) {
            problems.add("set both study.console.oidc.issuer and study.console.oidc.client-id, or neither");
        }
        oidc.issuer().filter(uri -> !isWebAddress(uri)).ifPresent(uri ->
                problems.add("study.console.oidc.issuer must be an absolute http(s) URL, not '" + uri + "'"));
        oidc.redirectUri().filter(uri -> !isWebAddress(uri)).ifPresent(uri ->
                problems.add("study.console.oidc.redirect-uri must be an absolute http(s) URL, not '" + uri + "'"));
        if (oidc.issuer().isPresent() && !List.of(oidc.scopes().trim().split("\\s+")).contains("openid")) {
            problems.add("study.console.oidc.scopes must include openid");
        }
        return problems;
    }

    private static boolean isWebAddress(URI uri) {
        return uri.isAbsolute() && uri.getHost() != null
                && Optional.ofNullable(uri.getScheme()).filter(s -> s.equals("https") || s.equals("http")).isPresent();
    }
}
