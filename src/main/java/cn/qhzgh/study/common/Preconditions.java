package cn.qhzgh.study.common;

import java.util.Arrays;
import java.util.List;

/** Conditional-request checks shared by every editable resource. */
public final class Preconditions {

    private Preconditions() {
    }

    /**
     * If-None-Match uses weak comparison (RFC 9110 §13.1.2): {@code W/"x"} matches {@code "x"}, so a copy whose
     * ETag a proxy weakened (nginx does when it compresses) still revalidates to a 304.
     */
    public static boolean noneMatchHolds(List<String> ifNoneMatch, String currentEtag) {
        String opaque = withoutWeakPrefix(currentEtag);
        return ifNoneMatch != null && ifNoneMatch.stream().flatMap(header -> Arrays.stream(header.split(",")))
                .map(String::strip)
                .anyMatch(tag -> tag.equals("*") || withoutWeakPrefix(tag).equals(opaque));
    }

    private static String withoutWeakPrefix(String tag) {
        return tag.startsWith("W/") ? tag.substring(2) : tag;
    }

    /**
     * If-Match uses strong comparison (RFC 9110 §13.1.1): weak validators never match.
     * Missing is 428, so edits are never lost silently; stale is 412.
     */
    public static void requireIfMatch(String ifMatch, String currentEtag, String what) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new DomainException(428, "if-match-required", "Precondition Required",
                    "Send If-Match with the ETag of the " + what + " you last read, so edits are never lost silently.");
        }
        boolean matches = Arrays.stream(ifMatch.split(","))
                .map(String::strip)
                .anyMatch(tag -> tag.equals("*") || tag.equals(currentEtag));
        if (!matches) {
            throw new DomainException(412, "stale-etag", "Precondition Failed",
                    "The " + what + " changed since you read it (current ETag " + currentEtag + "); reload and try again.");
        }
    }
}
