package cn.qhzgh.study.org;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.Optional;

@Entity
@Table(name = "worker")
public class Worker extends PanacheEntityBase {

    /** How the worker came to be known: an admin's upload, or their first call with a token. */
    public enum Source { IMPORT, TOKEN }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "external_id")
    public String externalId;

    public String name;

    @Column(name = "org_id")
    public Long orgId;

    /** Stored for the union's own follow-up; only ever returned masked. */
    public String phone;

    @Enumerated(EnumType.STRING)
    public Source source;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    public static Optional<Worker> findByExternalId(String externalId) {
        return find("externalId", externalId).firstResultOptional();
    }
}
