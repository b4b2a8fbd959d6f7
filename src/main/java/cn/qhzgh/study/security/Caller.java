package cn.qhzgh.study.security;

/**
 * Who is calling, resolved against the org directory.
 * {@code orgPath} is null only for a province admin whose org is not (yet) in the directory.
 */
public record Caller(String externalId, String role, String orgCode, Long orgId, String orgPath, Long workerId) {

    public boolean isProvinceAdmin() {
        return Roles.PROVINCE_ADMIN.equals(role);
    }

    /** Province admins see the whole tree; everyone else sees their own org's subtree. */
    public boolean canSee(String targetPath) {
        return isProvinceAdmin() || (orgPath != null && targetPath.startsWith(orgPath));
    }
}
