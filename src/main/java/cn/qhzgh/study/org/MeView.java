package cn.qhzgh.study.org;

/** The caller's own profile; {@code name} and {@code phone} exist for workers only. */
public record MeView(String externalId, String role, String name, OrgSummary org, String phone) {
}
