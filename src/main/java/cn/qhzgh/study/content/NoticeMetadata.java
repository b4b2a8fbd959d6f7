package cn.qhzgh.study.content;

import java.time.LocalDate;

/**
 * Header (版头), signature (落款) and footer (版记) facts of a document. Every field is null when the document does
 * not contain it; a document without a doc number is identified by its title and issue date.
 */
public record NoticeMetadata(
        String docNumber,
        String issuer,
        String title,
        LocalDate issueDate,
        String addressees,
        String ccLine,
        String issuingOffice,
        String signature) {
}
