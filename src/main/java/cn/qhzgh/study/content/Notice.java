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

    /** SHA-256 of the last imported source text; an identical re-import stops here. */
    @Column(name = "source_hash")
    public String sourceHash;

    @Column(name = "imported_at")
    public Instant importedAt;

    @Column(name = "imported_by")
    public String importedBy;

    public static Optional<Notice> findByDocNumber(String docNumber) {
        return find("docNumber", docNumber).firstResultOptional();
    }
}
