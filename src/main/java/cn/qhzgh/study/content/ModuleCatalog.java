package cn.qhzgh.study.content;

import cn.qhzgh.study.common.BlockingCache;
import io.quarkus.cache.Cache;
import io.quarkus.cache.CacheName;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * In-memory view of the published modules, and of every module's notice, code and current version for the
 * records that name it. Phones revalidate module text and send progress constantly; serving those from memory
 * keeps these reads out of the hottest paths. Local edits evict at once; edits made through another pod are
 * picked up within the TTL ({@code study.content.cache-ttl}, which the three caches' settings refer to).
 */
@ApplicationScoped
public class ModuleCatalog {

    private static final String PUBLISHED = "published";

    private final ModuleQueries queries;
    private final BlockingCache<Long, Optional<ModuleDetail>> details;
    private final BlockingCache<String, Map<Long, List<ModuleSummary>>> lists;
    private final BlockingCache<Long, ModuleRef> refs;

    public ModuleCatalog(ModuleQueries queries, @CacheName("module-details") Cache details,
                         @CacheName("module-lists") Cache lists, @CacheName("module-refs") Cache refs) {
        this.queries = queries;
        this.details = new BlockingCache<>(details);
        this.lists = new BlockingCache<>(lists);
        this.refs = new BlockingCache<>(refs);
    }

    /**
     * Every module, published or not, that the ids name; unknown ids are absent and are looked up again next
     * time, so a module another pod has just imported is found at once.
     */
    public Map<Long, ModuleRef> refs(Collection<Long> ids) {
        return refs.getAll(ids, queries::refs);
    }

    public Optional<ModuleDetail> published(long id) {
        return details.get(id, queries::publishedDetail);
    }

    /** The published modules of these notices, a notice's after the one before it's, each in reading order. */
    public List<ModuleSummary> publishedModules(List<Long> noticeIds) {
        Map<Long, List<ModuleSummary>> byNotice = lists.get(PUBLISHED, k -> queries.publishedSummaries());
        return noticeIds.stream().flatMap(notice -> byNotice.getOrDefault(notice, List.of()).stream()).toList();
    }

    void evict(@Observes(during = TransactionPhase.AFTER_SUCCESS) ModulesChanged change) {
        details.invalidateAll();
        lists.invalidateAll();
        refs.invalidateAll();
    }
}
