package cn.qhzgh.study.common;

import io.quarkus.cache.Cache;
import io.quarkus.cache.CaffeineCache;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * A quarkus-cache cache (size and TTL under {@code quarkus.cache.caffeine."<name>".*}) read from blocking code.
 * A hit is answered from the completed entry at once; only a miss goes through the cache's {@code Uni}.
 */
public final class BlockingCache<K, V> {

    private final CaffeineCache cache;

    public BlockingCache(Cache cache) {
        this.cache = cache.as(CaffeineCache.class);
    }

    /** The remembered value, or {@code null}; a value still being loaded by another caller counts as absent. */
    public V getIfPresent(K key) {
        CompletableFuture<V> entry = cache.getIfPresent(key);
        return entry != null && entry.isDone() && !entry.isCompletedExceptionally() ? entry.join() : null;
    }

    /** The remembered value, or the loader's, remembered unless it throws; one caller loads a key at a time. */
    public V get(K key, Function<K, V> loader) {
        V known = getIfPresent(key);
        return known != null ? known : cache.get(key, loader).await().indefinitely();
    }

    /**
     * The remembered values of {@code keys}, the others loaded together; keys the loader leaves out are absent from
     * the answer and looked up again next time.
     */
    public Map<K, V> getAll(Collection<K> keys, Function<List<K>, Map<K, V>> loader) {
        Map<K, V> found = new HashMap<>();
        List<K> missing = new ArrayList<>();
        for (K key : keys) {
            V known = getIfPresent(key);
            if (known != null) {
                found.put(key, known);
            } else {
                missing.add(key);
            }
        }
        if (!missing.isEmpty()) {
            Map<K, V> loaded = loader.apply(missing);
            loaded.forEach(this::put);
            found.putAll(loaded);
        }
        return found;
    }

    public void put(K key, V value) {
        cache.put(key, CompletableFuture.completedFuture(value));
    }

    public void invalidate(K key) {
        cache.invalidate(key).await().indefinitely();
    }

    public void invalidateAll() {
        cache.invalidateAll().await().indefinitely();
    }
}
