package cn.qhzgh.study.content;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.time.LocalDate;

public record NoticeView(
        @Schema(required = true, example = "1")
        Long id,
        @Schema(required = true, example = "青总发〔2022〕24号", nullable = true,
                description = "Absent from documents without one (a Central Committee decision, for instance)")
        String docNumber,
        @Schema(required = true, example = "青海省总工会", nullable = true)
        String issuer,
        @Schema(required = true, example = "关于认真学习宣传贯彻党的二十大精神的通知", nullable = true)
        String title,
        @Schema(required = true, example = "2022-11-15", nullable = true, implementation = String.class, format = "date")
        LocalDate issueDate,
        @Schema(required = true, example = "各市（州）总工会，省级各产业工会，省总各直属工会，省总各部室、直属各事业单位", nullable = true)
        String addressees,
        @Schema(required = true, example = "马吉孝主席，党组书记、各成员，各巡视员，驻会纪检监察组。", nullable = true)
        String ccLine,
        @Schema(required = true, example = "青海省总工会办公室", nullable = true)
        String issuingOffice,
        @Schema(required = true, example = "中共青海省委 2022年11月15日", nullable = true, description = "The signature block (落款): signer and date")
        String signature,
        @Schema(required = true, example = "2022-11-20T01:30:00Z")
        Instant importedAt) {

    static NoticeView of(Notice notice) {
        return new NoticeView(notice.id, notice.docNumber, notice.issuer, notice.title, notice.issueDate,
                notice.addressees, notice.ccLine, notice.issuingOffice, notice.signature, notice.importedAt);
    }
}
