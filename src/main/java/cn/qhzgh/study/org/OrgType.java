package cn.qhzgh.study.org;

/** Levels of the union tree: 省总, 市州, 产业, 直属, 县区, 基层. */
public enum OrgType {
    PROVINCE, CITY, INDUSTRY, DIRECT, COUNTY, GRASSROOTS
}
