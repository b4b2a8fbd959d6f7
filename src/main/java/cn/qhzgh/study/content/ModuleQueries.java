package cn.qhzgh.study.content;

import cn.qhzgh.study.common.NativeRows;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Reads of module text joined with its current version; the catalog caches what these return. */
@ApplicationScoped
public class ModuleQueries {

    private static final String CURRENT = """
            select m, v from StudyModule m, ModuleVersion v
            where v.moduleId = m.id and v.version = m.currentVersion""";

    private final EntityManager entityManager;
    private final int charsPerMinute;

    public ModuleQueries(EntityManager entityManager, ContentConfig config) {
        this.entityManager = entityManager;
        this.charsPerMinute = config.readingCharsPerMinute();
    }

    @Transactional
    /** The published modules of every notice, keyed by notice id, each in reading order. */
    public Map<Long, List<ModuleSummary>> publishedSummaries() {
        Map<Long, List<ModuleSummary>> byNotice = new HashMap<>();
        entityManager.createQuery(CURRENT + " and m.published = true order by m.noticeId, m.position", Object[].class)
                .getResultStream()
                .forEach(row -> byNotice.computeIfAbsent(((StudyModule) row[0]).noticeId, n -> new ArrayList<>())
                        .add(summary((StudyModule) row[0], (ModuleVersion) row[1])));
        return byNotice;
    }

    @Transactional
    public Optional<ModuleDetail> publishedDetail(long id) {
        return current(id).filter(row -> ((StudyModule) row[0]).published)
                .map(row -> detail((StudyModule) row[0], (ModuleVersion) row[1]));
    }

    @Transactional
    public Optional<ModuleDetail> anyDetail(long id) {
        return current(id).map(row -> detail((StudyModule) row[0], (ModuleVersion) row[1]));
    }

    /** Any module, published or not, by id; ids that name no module are absent. */
    @Transactional
    public Map<Long, ModuleRef> refs(Collection<? extends Long> ids) {
        return NativeRows.list(entityManager.createNativeQuery("""
                        SELECT m.id, m.notice_id, m.code, m.current_version, v.char_count FROM study_module m
                        JOIN module_version v ON v.module_id = m.id AND v.version = m.current_version
                        WHERE m.id IN (?1)""").setParameter(1, List.copyOf(ids)),
                r -> new ModuleRef(r.longAt(0), r.longAt(1), r.stringAt(2), r.intAt(3),
                        ModuleText.readingMinutes(r.intAt(4), charsPerMinute)))
                .stream().collect(Collectors.toMap(ModuleRef::id, Function.identity()));
    }

    @Transactional
    public List<AdminModuleView> all() {
        return entityManager.createQuery("""
                        select m, v, n.docNumber from StudyModule m, ModuleVersion v, Notice n
                        where v.moduleId = m.id and v.version = m.currentVersion and n.id = m.noticeId
                        order by m.noticeId, m.position""", Object[].class)
                .getResultStream()
                .map(row -> adminView((StudyModule) row[0], (ModuleVersion) row[1], (String) row[2]))
                .toList();
    }

    AdminModuleView adminView(StudyModule m, ModuleVersion v, String docNumber) {
        return new AdminModuleView(m.id, m.noticeId, docNumber, m.code, m.parentCode, v.title, m.position,
                ModuleText.readingMinutes(v.charCount, charsPerMinute), m.currentVersion, m.published);
    }

    ModuleDetail detail(StudyModule m, ModuleVersion v) {
        return new ModuleDetail(m.id, m.code, m.parentCode, v.title, m.position,
                ModuleText.readingMinutes(v.charCount, charsPerMinute), v.version, v.paragraphs, v.contentHash);
    }

    private ModuleSummary summary(StudyModule m, ModuleVersion v) {
        return new ModuleSummary(m.id, m.code, m.parentCode, v.title, m.position,
                ModuleText.readingMinutes(v.charCount, charsPerMinute), v.version, null, null);
    }

    private Optional<Object[]> current(long id) {
        return entityManager.createQuery(CURRENT + " and m.id = :id", Object[].class)
                .setParameter("id", id)
                .getResultStream()
                .findFirst();
    }
}
