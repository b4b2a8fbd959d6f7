package cn.qhzgh.study.org;

/** One data row of an org upload, as typed by the admin. */
record OrgRow(long row, String code, String name, String type, String parentCode) {

    boolean isRoot() {
        return parentCode.isEmpty();
    }
}
