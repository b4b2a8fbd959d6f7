package cn.qhzgh.study.quiz;

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
@Table(name = "quiz")
public class Quiz extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String title;

    @Enumerated(EnumType.STRING)
    public QuizKind kind;

    @Column(name = "notice_id")
    public Long noticeId;

    /** Set for FINAL and DAILY quizzes, which belong to one campaign; MODULE quizzes follow their module instead. */
    @Column(name = "campaign_id")
    public Long campaignId;

    @Column(name = "module_code")
    public String moduleCode;

    @Column(name = "question_count")
    public int questionCount;

    /** Draw rule: questions of these modules, types and tags; an empty list means any. */
    @Convert(converter = StringListConverter.class)
    @Column(name = "draw_module_codes")
    public List<String> drawModuleCodes;

    @Convert(converter = StringListConverter.class)
    @Column(name = "draw_types")
    public List<String> drawTypes;

    @Convert(converter = StringListConverter.class)
    @Column(name = "draw_tags")
    public List<String> drawTags;

    @Column(name = "pass_score")
    public int passScore;

    @Column(name = "time_limit_seconds")
    public int timeLimitSeconds;

    @Column(name = "max_attempts")
    public Integer maxAttempts;

    @Column(name = "opens_at")
    public Instant opensAt;

    @Column(name = "closes_at")
    public Instant closesAt;

    @Column(name = "shuffle_questions")
    public boolean shuffleQuestions;

    @Column(name = "shuffle_options")
    public boolean shuffleOptions;

    /** Deleting a quiz archives it: attempts keep pointing at it. */
    public boolean active;

    /** Set on the quizzes an import creates, so re-imports find them instead of adding more. */
    @Column(name = "default_key")
    public String defaultKey;

    public int revision;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;
}
