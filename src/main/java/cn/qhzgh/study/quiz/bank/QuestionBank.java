package cn.qhzgh.study.quiz.bank;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.Optional;

@Entity
@Table(name = "question_bank")
public class QuestionBank extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String name;

    public String format;

    /** SHA-256 of the uploaded bytes. */
    public String checksum;

    @Column(name = "question_count")
    public int questionCount;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "created_by")
    public String createdBy;

    public static Optional<QuestionBank> findByChecksum(String checksum) {
        return find("checksum", checksum).firstResultOptional();
    }
}
