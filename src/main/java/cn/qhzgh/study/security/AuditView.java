package cn.qhzgh.study.security;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;

public record AuditView(
        @Schema(required = true, example = "1024")
        long id,
        @Schema(required = true, example = "2022-11-20T01:30:00Z")
        Instant at,
        @Schema(required = true, example = "demo-admin-qh")
        String actor,
        @Schema(required = true, example = "province-admin")
        String role,
        @Schema(required = true, example = "module.edit")
        String action,
        @Schema(required = true, example = "module:11", nullable = true)
        String target,
        @Schema(required = true, example = "version 2", nullable = true)
        String detail,
        @Schema(required = true, description = "Rows of personal data a read returned; null for actions that are not reads",
                example = "50", nullable = true)
        Long rowsRead) {

    static AuditView of(AuditEntry e) {
        return new AuditView(e.id, e.at, e.actor, e.role, e.action, e.target, e.detail, e.rowsRead);
    }
}
