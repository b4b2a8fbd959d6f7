package cn.qhzgh.study.content;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * In-memory view of the published modules. Phones revalidate module text constantly; serving those
 * reads and their 304s from memory keeps the database out of the hottest path. Local edits evict at
 * once; edits made through another pod are picked up within the TTL.
 */
@ApplicationScoped
public class ModuleCatalog {

    private static final String PUBLISHED = "published";

    private final ModuleQueries queries;
    private final Cache<Long, Optional<ModuleDetail>> details;
    private final Cache<String, List<ModuleSummary>> lists;

    public ModuleCatalog(ModuleQueries queries, @ConfigProperty(name = "study.content.cache-ttl") Duration ttl) {
        this.queries = queries;
        this.details = Caffeine.newBuilder().maximumSize(10_000).expireAfterWrite(ttl).build();
        this.lists = Caffeine.newBuilder().maximumSize(1).expireAfterWrite(ttl).build();
    }

    public Optional<ModuleDetail> published(long id) {
        return details.get(id, queries::publishedDetail);
    }

    public List<ModuleSummary> publishedModules() {
        return lists.get(PUBLISHED, k -> queries.publishedSummaries());
    }

    void evict(@Observes(during = TransactionPhase.AFTER_SUCCESS) ModulesChanged change) {
        details.invalidateAll();
        lists.invalidateAll();
    }
}
