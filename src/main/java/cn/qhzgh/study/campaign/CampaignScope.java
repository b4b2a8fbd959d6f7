package cn.qhzgh.study.campaign;

import java.util.ArrayList;
import java.util.List;

/** Which part of a union's subtree a campaign's audience reaches, as org path prefixes. */
public final class CampaignScope {

    private CampaignScope() {
    }

    /**
     * The path prefixes, none inside another, that cover exactly the unions both under {@code subtreePath} and under
     * one of {@code audiencePaths}: the subtree itself when an audience union contains it, else the audience unions
     * inside it.
     */
    public static List<String> reachedRanges(String subtreePath, List<String> audiencePaths) {
        if (audiencePaths.stream().anyMatch(subtreePath::startsWith)) {
            return List.of(subtreePath);
        }
        List<String> inside = audiencePaths.stream().filter(p -> p.startsWith(subtreePath)).sorted().toList();
        List<String> outermost = new ArrayList<>();
        for (String path : inside) {
            if (outermost.stream().noneMatch(path::startsWith)) {
                outermost.add(path);
            }
        }
        return outermost;
    }
}
