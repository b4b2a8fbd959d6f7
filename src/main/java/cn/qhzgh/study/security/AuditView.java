package cn.qhzgh.study.security;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;

public record AuditView(
        @Schema(example = "1024")
        long id,
        @Schema(example = "2022-11-20T01:30:00Z")
        Instant at,
        @Schema(example = "demo-admin-qh")
        String actor,
        @Schema(example = "province-admin")
        String role,
        @Schema(example = "module.edit")
        String action,
        @Schema(example = "module:11", nullable = true)
        String target,
        @Schema(example = "version 2", nullable = true)
        String detail,
        @Schema(description = "Rows of personal data a read returned; null for actions that are not reads",
                example = "50", nullable = true)
        Long rowsRead) {

    static AuditView of(AuditEntry e) {
        return new AuditView(e.id, e.at, e.actor, e.role, e.action, e.target, e.detail, e.rowsRead);
    }
}
