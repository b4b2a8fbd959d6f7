package cn.qhzgh.study.content;

public record AdminModuleView(Long id, String docNumber, String code, String parentCode, String title,
                              int position, int readingMinutes, int version, boolean published) {
}
