package cn.qhzgh.study.content;

/** What an import did to one module. */
public record ModuleChange(String code, String title, Kind change, int version) {

    public enum Kind { CREATED, REVISED, UNCHANGED, WITHDRAWN }
}
