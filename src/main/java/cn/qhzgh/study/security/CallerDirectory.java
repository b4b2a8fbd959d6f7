package cn.qhzgh.study.security;

/**
 * Resolves verified claims against the org directory, provisioning a worker on their first call. The org feature
 * implements it (org/CallerProvisioning), so that security needs nothing of org's tables.
 */
public interface CallerDirectory {

    /** The caller the claims name; a worker not in the directory yet is added first. */
    Caller resolve(TokenClaims claims);
}
