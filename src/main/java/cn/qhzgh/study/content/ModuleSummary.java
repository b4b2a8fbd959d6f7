package cn.qhzgh.study.content;

public record ModuleSummary(Long id, String code, String parentCode, String title, int position,
                            int readingMinutes, int version) {
}
