package cn.qhzgh.study.content;

import java.time.LocalDate;

/**
 * Header (版头) and footer (版记) facts of a notice. Only {@code docNumber} is guaranteed; any other field is
 * null when the document does not contain it.
 */
public record NoticeMetadata(
        String docNumber,
        String issuer,
        String title,
        LocalDate issueDate,
        String addressees,
        String ccLine,
        String issuingOffice) {
}
