package cn.qhzgh.study.stats;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The org tree as the subtree check walks it, from the materialized paths: children before their parent, so that a
 * parent's totals can be summed from its children's. Pure.
 */
final class SubtreeOrder {

    private final Map<Long, String> paths;
    private final Map<Long, Long> parents = new HashMap<>();
    private final Map<Long, List<Long>> children = new HashMap<>();

    SubtreeOrder(Map<Long, String> paths) {
        this.paths = paths;
        paths.forEach((org, path) -> {
            List<Long> ids = CounterRules.orgsOnPath(path);
            if (ids.size() >= 2) {
                long parent = ids.get(ids.size() - 2);
                parents.put(org, parent);
                children.computeIfAbsent(parent, p -> new ArrayList<>()).add(org);
            }
        });
    }

    /**
     * Every org, or these unions and every org above them, children before parents: descending path order, since
     * a path starts with its parent's and '/' sorts before every digit, so each subtree is one run of the order.
     */
    List<Long> bottomUp(Optional<? extends Collection<Long>> unions) {
        Set<Long> orgs = new HashSet<>();
        unions.ifPresentOrElse(
                some -> some.stream().map(paths::get).filter(path -> path != null)
                        .forEach(path -> orgs.addAll(CounterRules.orgsOnPath(path))),
                () -> orgs.addAll(paths.keySet()));
        return orgs.stream().filter(paths::containsKey)
                .sorted(Comparator.comparing(paths::get, Comparator.reverseOrder())).toList();
    }

    Optional<Long> parent(long org) {
        return Optional.ofNullable(parents.get(org));
    }

    /** Every org in the subtrees of {@code org}'s children that are not {@code checked}, in id order. */
    List<Long> belowUnchecked(long org, Set<Long> checked) {
        List<Long> below = new ArrayList<>();
        Deque<Long> open = new ArrayDeque<>();
        children.getOrDefault(org, List.of()).stream().filter(child -> !checked.contains(child)).forEach(open::push);
        while (!open.isEmpty()) {
            long next = open.pop();
            below.add(next);
            children.getOrDefault(next, List.of()).forEach(open::push);
        }
        below.sort(null);
        return below;
    }
}
