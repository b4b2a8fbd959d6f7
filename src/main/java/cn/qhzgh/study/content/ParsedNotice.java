package cn.qhzgh.study.content;

import java.util.List;
import java.util.Optional;

/** Result of parsing one notice: its metadata, its study modules in reading order and what an admin should review. */
public record ParsedNotice(NoticeMetadata metadata, List<ParsedModule> modules, List<ImportWarning> warnings) {

    public ParsedNotice {
        modules = List.copyOf(modules);
        warnings = List.copyOf(warnings);
    }

    public Optional<ParsedModule> findModule(String code) {
        return modules.stream().filter(module -> module.code().equals(code)).findFirst();
    }
}
