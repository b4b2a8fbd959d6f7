package cn.qhzgh.study.security;

/** Values of the token's {@code groups} claim, as agreed with the front ends. */
public final class Roles {

    public static final String WORKER = "worker";
    public static final String ORG_ADMIN = "org-admin";
    public static final String PROVINCE_ADMIN = "province-admin";

    private Roles() {
    }
}
