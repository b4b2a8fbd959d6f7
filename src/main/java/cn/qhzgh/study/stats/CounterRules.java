package cn.qhzgh.study.stats;

import java.util.ArrayList;
import java.util.List;

/** Pure rules the live counters and the recount share. */
final class CounterRules {

    private CounterRules() {
    }

    /** The orgs whose subtree totals a record of a union counts in: the ids of its materialized path, "/1/7/63/". */
    static List<Long> orgsOnPath(String path) {
        List<Long> ids = new ArrayList<>();
        for (String id : path.split("/")) {
            if (!id.isEmpty()) {
                ids.add(Long.parseLong(id));
            }
        }
        return ids;
    }
}
