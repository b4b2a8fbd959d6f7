package cn.qhzgh.study.security;

import cn.qhzgh.study.common.DirectoryRules;
import cn.qhzgh.study.common.DomainException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.io.IOException;
import java.util.Base64;

/**
 * The claims this service reads from a verified token, checked as input. {@code role} is null when {@code groups}
 * names none of the service's roles (the role checks then answer 403); {@code orgCode} and {@code name} are null
 * when absent.
 */
public record TokenClaims(String subject, String role, String orgCode, String name) {

    public static final String INVALID = "invalid-token-claims";

    /** Reads the claims as the token's payload carries them, before any library reshaped them. */
    public static TokenClaims of(JsonWebToken token, ObjectMapper json) {
        String[] parts = token.getRawToken().split("\\.");
        try {
            return of(json.readTree(Base64.getUrlDecoder().decode(parts[1])));
        } catch (IOException | IllegalArgumentException | ArrayIndexOutOfBoundsException e) {
            throw DomainException.unauthorized(INVALID, "The token's payload is not a JSON object of claims.");
        }
    }

    /** Reads the verified payload; a claim of the wrong JSON type or shape is a 401 naming that claim. */
    public static TokenClaims of(JsonNode payload) {
        return new TokenClaims(subject(payload.get("sub")), role(payload.get("groups")), orgCode(payload.get("org")),
                name(payload.get("name")));
    }

    private static String subject(JsonNode sub) {
        if (sub == null || !sub.isTextual() || !DirectoryRules.isExternalId(sub.textValue())) {
            throw invalid("sub", "must be a string of " + DirectoryRules.EXTERNAL_ID_RULE
                    + ", with no spaces or control characters");
        }
        return sub.textValue();
    }

    /** Groups other than the service's roles are ignored: identity services put their own groups there too. */
    private static String role(JsonNode groups) {
        if (groups == null) {
            return null;
        }
        if (!groups.isArray()) {
            throw invalid("groups", "must be an array of strings");
        }
        boolean worker = false;
        boolean orgAdmin = false;
        boolean provinceAdmin = false;
        for (JsonNode group : groups) {
            if (!group.isTextual()) {
                throw invalid("groups", "must be an array of strings");
            }
            worker |= Roles.WORKER.equals(group.textValue());
            orgAdmin |= Roles.ORG_ADMIN.equals(group.textValue());
            provinceAdmin |= Roles.PROVINCE_ADMIN.equals(group.textValue());
        }
        if (provinceAdmin) {
            return Roles.PROVINCE_ADMIN;
        }
        if (orgAdmin) {
            return Roles.ORG_ADMIN;
        }
        return worker ? Roles.WORKER : null;
    }

    private static String orgCode(JsonNode org) {
        if (org == null) {
            return null;
        }
        if (!org.isTextual() || !DirectoryRules.isOrgCode(org.textValue())) {
            throw invalid("org", "must be a union code: a string of " + DirectoryRules.ORG_CODE_RULE);
        }
        return org.textValue();
    }

    /** Surrounding spaces are dropped; a blank name falls back to the subject when a worker is provisioned. */
    private static String name(JsonNode name) {
        if (name == null) {
            return null;
        }
        String stripped = name.isTextual() ? name.textValue().strip() : null;
        if (stripped == null || stripped.length() > DirectoryRules.MAX_WORKER_NAME_LENGTH
                || stripped.chars().anyMatch(Character::isISOControl)) {
            throw invalid("name", "must be a string of at most " + DirectoryRules.MAX_WORKER_NAME_LENGTH
                    + " characters without control characters");
        }
        return stripped.isEmpty() ? null : stripped;
    }

    private static DomainException invalid(String claim, String rule) {
        return DomainException.unauthorized(INVALID, "The token's '" + claim + "' claim " + rule + ".");
    }
}
