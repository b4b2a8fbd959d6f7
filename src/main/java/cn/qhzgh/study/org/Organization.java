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
import java.util.List;
import java.util.Optional;

@Entity
@Table(name = "organization")
public class Organization extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String code;

    public String name;

    @Enumerated(EnumType.STRING)
    public OrgType type;

    @Column(name = "parent_id")
    public Long parentId;

    /** Materialized path of ids, e.g. "/1/7/63/"; every descendant's path starts with it. */
    public String path;

    public int depth;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    public static Optional<Organization> findByCode(String code) {
        return find("code", code).firstResultOptional();
    }

    public static List<Organization> findByParent(Long parentId) {
        return list("parentId = ?1 order by code", parentId);
    }

    /** The directory's root when it has exactly one (the province federation), else empty. */
    public static Optional<Organization> soleRoot() {
        List<Organization> roots = find("parentId is null").page(0, 2).list();
        return roots.size() == 1 ? Optional.of(roots.get(0)) : Optional.empty();
    }

    /** The whole subtree, the root included, in one range scan of the path index. */
    public static List<Organization> findSubtree(String rootPath) {
        return list("path like ?1 order by depth, code", rootPath + "%");
    }

    public boolean contains(String otherPath) {
        return otherPath.startsWith(path);
    }
}
