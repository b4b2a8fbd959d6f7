package cn.qhzgh.study.common.mapper;

import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/** Searches an exception, its causes and their suppressed exceptions, where drivers and streams hide the real one. */
final class Exceptions {

    /** At most this many causes and suppressed exceptions are looked at. */
    private static final int MAX_EXCEPTIONS = 64;

    private Exceptions() {
    }

    static boolean anyMatch(Throwable e, Predicate<Throwable> test) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        Deque<Throwable> pending = new ArrayDeque<>(List.of(e));
        while (!pending.isEmpty() && seen.size() < MAX_EXCEPTIONS) {
            Throwable next = pending.poll();
            if (!seen.add(next)) {
                continue;
            }
            if (test.test(next)) {
                return true;
            }
            if (next.getCause() != null) {
                pending.add(next.getCause());
            }
            pending.addAll(List.of(next.getSuppressed()));
        }
        return false;
    }
}
