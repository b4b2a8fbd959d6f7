package cn.qhzgh.study.content;

import cn.qhzgh.study.common.StringListConverter;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Immutable text of one module at one version; progress and quiz records point at these. */
@Entity
@Table(name = "module_version")
public class ModuleVersion extends PanacheEntityBase {

    public enum Origin { IMPORT, EDIT }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "module_id")
    public Long moduleId;

    public int version;

    public String title;

    @Convert(converter = StringListConverter.class)
    public List<String> paragraphs;

    @Column(name = "content_hash")
    public String contentHash;

    @Column(name = "char_count")
    public int charCount;

    @Enumerated(EnumType.STRING)
    public Origin origin;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "created_by")
    public String createdBy;

    public static Optional<ModuleVersion> findVersion(Long moduleId, int version) {
        return find("moduleId = ?1 and version = ?2", moduleId, version).firstResultOptional();
    }
}
