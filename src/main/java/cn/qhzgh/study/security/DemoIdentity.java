package cn.qhzgh.study.security;

/** The demo callers of dev mode, one per role, matching the seeded unions and workers (demo/DemoOrgSeeder). */
public enum DemoIdentity {

    PROVINCE_ADMIN("demo-admin-qh", Roles.PROVINCE_ADMIN, "QH", "青海省总工会", "省总管理员"),
    ORG_ADMIN("demo-admin-xn", Roles.ORG_ADMIN, "QH-XN", "西宁市总工会", "市州工会管理员"),
    /** The first worker the demo seed imports, in the first grassroots union under 城东区. */
    WORKER("demo-w-00001", Roles.WORKER, "QH-XN-CD-G01", "【演示】城东区第1基层工会", "职工");

    private final String subject;
    private final String role;
    private final String org;
    private final String orgName;
    private final String roleName;

    DemoIdentity(String subject, String role, String org, String orgName, String roleName) {
        this.subject = subject;
        this.role = role;
        this.org = org;
        this.orgName = orgName;
        this.roleName = roleName;
    }

    public String subject() {
        return subject;
    }

    public String role() {
        return role;
    }

    public String org() {
        return org;
    }

    public String orgName() {
        return orgName;
    }

    /** The role as the console names it, in Chinese. */
    public String roleName() {
        return roleName;
    }
}
