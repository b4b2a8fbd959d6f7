package cn.qhzgh.study.content;

import cn.qhzgh.study.common.Hashing;

import java.util.List;

/** Derived facts about a module's text: its hash (the ETag's core), length and reading time. */
public record ModuleText(String title, List<String> paragraphs) {

    public String contentHash() {
        return Hashing.sha256Hex(title + "\n\n" + String.join("\n", paragraphs));
    }

    public int charCount() {
        return paragraphs.stream().mapToInt(String::length).sum();
    }

    public static int readingMinutes(int charCount, int charsPerMinute) {
        return Math.max(1, (charCount + charsPerMinute - 1) / charsPerMinute);
    }

    /** Strong validator naming both version and content, so a revert to old text still changes it. */
    public static String etag(int version, String contentHash) {
        return "\"v" + version + "-" + contentHash.substring(0, 32) + "\"";
    }
}
