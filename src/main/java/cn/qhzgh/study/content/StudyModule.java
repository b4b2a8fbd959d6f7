package cn.qhzgh.study.content;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.List;

/** A study unit of a notice (preamble, section or subsection); its text lives in {@link ModuleVersion}s. */
@Entity
@Table(name = "study_module")
public class StudyModule extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "notice_id")
    public Long noticeId;

    public String code;

    @Column(name = "parent_code")
    public String parentCode;

    public int position;

    public boolean published;

    @Column(name = "current_version")
    public int currentVersion;

    @Column(name = "updated_at")
    public Instant updatedAt;

    public static List<StudyModule> findByNotice(Long noticeId) {
        return list("noticeId = ?1 order by position", noticeId);
    }
}
