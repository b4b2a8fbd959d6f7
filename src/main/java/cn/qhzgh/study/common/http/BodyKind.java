package cn.qhzgh.study.common.http;

/** What a request body is, which decides its size cap; uploads besides JSON also count as imports. */
public enum BodyKind {
    JSON("request body", false),
    NOTICE("notice", true),
    QUESTION_BANK("question bank", true),
    ORG_TREE("org tree file", true),
    WORKER_LIST("worker list", true);

    private final String description;
    private final boolean importing;

    BodyKind(String description, boolean importing) {
        this.description = description;
        this.importing = importing;
    }

    public String description() {
        return description;
    }

    /** Imports run one of a few per pod and spool to temporary files. */
    public boolean importing() {
        return importing;
    }
}
