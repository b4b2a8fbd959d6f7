package cn.qhzgh.study.content;

import java.time.Instant;
import java.time.LocalDate;

public record NoticeView(Long id, String docNumber, String issuer, String title, LocalDate issueDate,
                         String addressees, String ccLine, String issuingOffice, Instant importedAt) {

    static NoticeView of(Notice notice) {
        return new NoticeView(notice.id, notice.docNumber, notice.issuer, notice.title, notice.issueDate,
                notice.addressees, notice.ccLine, notice.issuingOffice, notice.importedAt);
    }
}
