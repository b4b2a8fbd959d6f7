package cn.qhzgh.study.quiz.question;

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

@Entity
@Table(name = "question")
public class Question extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Enumerated(EnumType.STRING)
    public QuestionSource source;

    @Column(name = "bank_id")
    public Long bankId;

    @Column(name = "notice_id")
    public Long noticeId;

    @Enumerated(EnumType.STRING)
    public QuestionType type;

    @Enumerated(EnumType.STRING)
    public QuestionStatus status;

    @Column(name = "module_code")
    public String moduleCode;

    @Column(name = "key_phrase")
    public String keyPhrase;

    @Convert(converter = StringListConverter.class)
    public List<String> tags;

    /** Normalised type, stem and options: recognises the same question however it is typed. */
    public String fingerprint;

    /** Questions cut from one source sentence share a group; one attempt never asks two of them. */
    @Column(name = "source_group")
    public String sourceGroup;

    @Column(name = "current_version")
    public int currentVersion;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;
}
