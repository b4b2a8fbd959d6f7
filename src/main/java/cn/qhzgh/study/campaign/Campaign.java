package cn.qhzgh.study.campaign;

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

/** A study drive (学习活动); its materials, audience and optional modules live in their own tables. */
@Entity
@Table(name = "campaign")
public class Campaign extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String title;

    public String description;

    @Enumerated(EnumType.STRING)
    public CampaignStatus status;

    @Column(name = "opens_at")
    public Instant opensAt;

    @Column(name = "closes_at")
    public Instant closesAt;

    @Column(name = "final_pass_score")
    public int finalPassScore;

    /** Bumped by every write; part of the ETag (CampaignView). */
    public int revision;

    @Column(name = "published_at")
    public Instant publishedAt;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "created_by")
    public String createdBy;

    @Column(name = "updated_at")
    public Instant updatedAt;
}
