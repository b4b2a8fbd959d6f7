package cn.qhzgh.study.content;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

@Entity
@Table(name = "notice")
public class Notice extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "doc_number")
    public String docNumber;

    public String issuer;

    public String title;

    @Column(name = "issue_date")
    public LocalDate issueDate;

    public String addressees;

    @Column(name = "cc_line")
    public String ccLine;

    @Column(name = "issuing_office")
    public String issuingOffice;

    public String signature;

    /** {@code doc:<doc number>}, or {@code title:<title>|<issue date>} for a document without one. */
    @Column(name = "identity_key")
    public String identityKey;

    /** SHA-256 of the last imported source text; an identical re-import stops here. */
    @Column(name = "source_hash")
    public String sourceHash;

    @Column(name = "imported_at")
    public Instant importedAt;

    @Column(name = "imported_by")
    public String importedBy;

    public static Optional<Notice> findByIdentityKey(String identityKey) {
        return find("identityKey", identityKey).firstResultOptional();
    }

    /** How a document is recognised on re-import: its doc number, else its title and issue date. */
    public static String identityKey(String docNumber, String title, LocalDate issueDate) {
        return docNumber != null ? "doc:" + docNumber : "title:" + title + "|" + (issueDate == null ? "" : issueDate);
    }

    /** The doc number, or the title for a document without one: how quizzes and the audit log name it. */
    public String label() {
        return docNumber != null ? docNumber : title;
    }
}
