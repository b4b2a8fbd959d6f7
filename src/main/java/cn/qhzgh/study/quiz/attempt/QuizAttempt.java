package cn.qhzgh.study.quiz.attempt;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

@Entity
@Table(name = "quiz_attempt")
public class QuizAttempt extends PanacheEntityBase {

    /** A random UUID: attempt ids are unguessable, and generating them locks nothing shared. */
    @Id
    public String id;

    @Column(name = "quiz_id")
    public Long quizId;

    @Column(name = "worker_id")
    public Long workerId;

    @Enumerated(EnumType.STRING)
    public AttemptStatus status;

    @Column(name = "open_key")
    public String openKey;

    @Column(name = "attempt_day")
    public LocalDate attemptDay;

    @Column(name = "started_at")
    public Instant startedAt;

    public Instant deadline;

    @Column(name = "submitted_at")
    public Instant submittedAt;

    public Integer score;

    public Boolean passed;

    @Convert(converter = DrawConverter.class)
    public List<DrawnQuestion> draw;

    @Column(name = "idempotency_key")
    public String idempotencyKey;

    @Column(name = "request_hash")
    public String requestHash;

    /** The submission's response exactly as first sent, replayed byte for byte on a retry. */
    @Column(name = "response_body")
    public String responseBody;

    public static String openKey(long workerId, long quizId) {
        return workerId + ":" + quizId;
    }
}
