package cn.qhzgh.study.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.time.Duration;

/**
 * The checked claims of each verified token, remembered as long as the verified token itself
 * ({@link RememberingJwtCallerPrincipalFactory}): a phone sends the same token with every call. A token whose
 * claims fail the check is not remembered, so it is refused on every call.
 */
@ApplicationScoped
public class CheckedClaims {

    private final Cache<String, TokenClaims> checked = Caffeine.newBuilder()
            .maximumSize(10_000)
            .expireAfterWrite(Duration.ofMinutes(5))
            .build();
    private final ObjectMapper json;

    public CheckedClaims(ObjectMapper json) {
        this.json = json;
    }

    public TokenClaims of(JsonWebToken token) {
        return checked.get(token.getRawToken(), raw -> TokenClaims.of(token, json));
    }
}
