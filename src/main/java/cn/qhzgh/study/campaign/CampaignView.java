package cn.qhzgh.study.campaign;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.zip.CRC32;

/** A campaign as admins manage it; its ETag (revision and what it shows of other records) guards If-Match edits. */
public record CampaignView(
        @Schema(required = true, example = "11")
        long id,
        @Schema(required = true, example = "学习宣传贯彻党的二十大精神")
        String title,
        @Schema(required = true, example = "全省各级工会组织职工学习青总发〔2022〕24号通知，完成全部必学模块并通过结业考试。")
        String description,
        @Schema(required = true, example = "DRAFT")
        CampaignStatus status,
        @Schema(required = true, example = "2022-11-16T00:00:00Z", nullable = true, implementation = String.class, format = "date-time")
        Instant opensAt,
        @Schema(required = true, example = "2022-12-31T15:59:59Z", nullable = true, implementation = String.class, format = "date-time")
        Instant closesAt,
        @Schema(required = true, example = "80")
        int finalPassScore,
        @Schema(required = true)
        List<AudienceOrg> audience,
        @Schema(required = true)
        List<CampaignMaterial> materials,
        @Schema(required = true, example = "[3]")
        List<Long> optionalModuleIds,
        @Schema(required = true, example = "1")
        int revision,
        @Schema(required = true, example = "2022-11-15T08:00:00Z", nullable = true, implementation = String.class, format = "date-time")
        Instant publishedAt,
        @Schema(required = true, example = "2022-11-14T08:00:00Z", implementation = String.class, format = "date-time")
        Instant createdAt,
        @Schema(required = true, example = "qh-admin-01")
        String createdBy,
        @Schema(required = true, example = "2022-11-15T08:00:00Z", implementation = String.class, format = "date-time")
        Instant updatedAt) {

    private static final byte[] RECORD_END = {1};

    /**
     * The revision, and a checksum of what the campaign shows of other records (its unions' names, its documents and
     * their published modules), which change without an edit of the campaign: a copy read before a module was
     * withdrawn is stale, for If-None-Match and If-Match alike.
     */
    public String etag() {
        CRC32 shown = new CRC32();
        audience.forEach(org -> add(shown, org.code(), org.name()));
        materials.forEach(m -> add(shown, m.noticeId(), m.docNumber(), m.title(), m.publishedModules()));
        return "\"campaign" + id + "-r" + revision + "-" + Long.toHexString(shown.getValue()) + "\"";
    }

    private static void add(CRC32 checksum, Object... values) {
        for (Object value : values) {
            checksum.update((value + "\u0000").getBytes(StandardCharsets.UTF_8));
        }
        checksum.update(RECORD_END);
    }
}
