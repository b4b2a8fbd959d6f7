package cn.qhzgh.study.security;

import java.time.Instant;

public record AuditView(long id, Instant at, String actor, String role, String action, String target, String detail) {

    static AuditView of(AuditEntry e) {
        return new AuditView(e.id, e.at, e.actor, e.role, e.action, e.target, e.detail);
    }
}
