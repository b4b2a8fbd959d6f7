package cn.qhzgh.study.quiz.question;

import cn.qhzgh.study.common.StringListConverter;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Immutable wording of a question at one version; attempts record which version they asked. */
@Entity
@Table(name = "question_version")
public class QuestionVersion extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "question_id")
    public Long questionId;

    public int version;

    public String stem;

    @Convert(converter = OptionsConverter.class)
    public List<QuestionOption> options;

    @Convert(converter = StringListConverter.class)
    public List<String> answer;

    public String explanation;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "created_by")
    public String createdBy;

    public static Optional<QuestionVersion> find(Long questionId, int version) {
        return find("questionId = ?1 and version = ?2", questionId, version).firstResultOptional();
    }
}
