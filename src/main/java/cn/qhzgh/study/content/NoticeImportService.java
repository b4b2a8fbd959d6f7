package cn.qhzgh.study.content;

import cn.qhzgh.study.common.DbClock;
import cn.qhzgh.study.common.DomainException;
import cn.qhzgh.study.common.Hashing;
import cn.qhzgh.study.common.ProblemError;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a notice document into versioned study modules. Identical text changes nothing; changed text
 * creates new versions of only the modules whose text changed; old versions stay for the records.
 */
@ApplicationScoped
public class NoticeImportService {

    /** A module a phone reader needs longer than this for is split (issue #12). */
    static final int MAX_MODULE_READING_MINUTES = 8;

    private final NoticeParser parser;
    private final Event<ModulesChanged> modulesChanged;
    private final Event<NoticeImported> imported;
    private final NoticeQuestions noticeQuestions;

    public NoticeImportService(Event<ModulesChanged> modulesChanged, Event<NoticeImported> imported,
                               NoticeQuestions noticeQuestions, ContentConfig config) {
        this.imported = imported;
        this.parser = new NoticeParser(MAX_MODULE_READING_MINUTES * config.readingCharsPerMinute());
        this.modulesChanged = modulesChanged;
        this.noticeQuestions = noticeQuestions;
    }

    @Transactional
    public NoticeImportResult importNotice(String markdown, boolean dryRun, String actor) {
        ParsedNotice parsed = parse(markdown);
        NoticeMetadata meta = parsed.metadata();
        if (meta.title() == null) {
            throw DomainException.unprocessable("invalid-notice", "The document is not a notice this importer understands.",
                    List.of(ProblemError.field("document", "未找到文件标题（应位于正文之前：发文字号之后或之前、主送机关之前）。")), 1);
        }
        String sourceHash = Hashing.sha256Hex(markdown);
        Instant now = DbClock.now();
        String identityKey = Notice.identityKey(meta.docNumber(), meta.title(), meta.issueDate());
        Notice notice = Notice.findByIdentityKey(identityKey).orElse(null);
        boolean created = notice == null;
        if (!created && sourceHash.equals(notice.sourceHash)) {
            return new NoticeImportResult(dryRun, false, NoticeView.of(notice), unchanged(notice), parsed.warnings(),
                    null);
        }
        if (created) {
            notice = new Notice();
            notice.docNumber = meta.docNumber();
            notice.identityKey = identityKey;
        }
        notice.issuer = meta.issuer();
        notice.title = meta.title();
        notice.issueDate = meta.issueDate();
        notice.addressees = meta.addressees();
        notice.ccLine = meta.ccLine();
        notice.issuingOffice = meta.issuingOffice();
        notice.signature = meta.signature();
        notice.sourceHash = sourceHash;
        notice.importedAt = now;
        notice.importedBy = actor;
        notice.persist();
        List<ModuleChange> changes = applyModules(notice, parsed.modules(), now, actor);
        GenerationReport questions = deriveQuestionsAndQuizzes(notice, actor, now);
        if (dryRun) {
            QuarkusTransaction.setRollbackOnly();
        } else {
            modulesChanged.fire(new ModulesChanged());
            imported.fire(new NoticeImported(notice.id, notice.docNumber, notice.title, actor, now));
        }
        return new NoticeImportResult(dryRun, created, NoticeView.of(notice), changes, parsed.warnings(), questions);
    }

    /** Key phrases, generated questions and default quizzes follow every new text of a notice's modules. */
    @Transactional(Transactional.TxType.MANDATORY)
    public GenerationReport deriveQuestionsAndQuizzes(Notice notice, String actor, Instant now) {
        return noticeQuestions.derive(notice.id, notice.label(), publishedSnapshots(notice), actor, now);
    }

    private static List<ModuleSnapshot> publishedSnapshots(Notice notice) {
        return StudyModule.findByNotice(notice.id).stream().filter(m -> m.published).map(m -> {
            ModuleVersion v = ModuleVersion.findVersion(m.id, m.currentVersion).orElseThrow();
            return new ModuleSnapshot(m.id, v.version, m.code, v.title, v.paragraphs);
        }).toList();
    }

    private List<ModuleChange> applyModules(Notice notice, List<ParsedModule> parsedModules, Instant now,
                                            String actor) {
        Map<String, StudyModule> existing = new HashMap<>();
        StudyModule.findByNotice(notice.id).forEach(m -> existing.put(m.code, m));
        List<ModuleChange> changes = new ArrayList<>();
        for (ParsedModule parsed : parsedModules) {
            ModuleText text = new ModuleText(parsed.title(), parsed.paragraphs());
            StudyModule module = existing.remove(parsed.code());
            if (module == null) {
                module = new StudyModule();
                module.noticeId = notice.id;
                module.code = parsed.code();
                module.published = true;
                module.currentVersion = 1;
                applyPlacement(module, parsed, now);
                module.persist();
                storeVersion(module, text, ModuleVersion.Origin.IMPORT, now, actor);
                changes.add(new ModuleChange(parsed.code(), parsed.title(), ModuleChange.Kind.CREATED, 1));
                continue;
            }
            applyPlacement(module, parsed, now);
            ModuleVersion current = ModuleVersion.findVersion(module.id, module.currentVersion).orElseThrow();
            if (current.contentHash.equals(text.contentHash())) {
                changes.add(new ModuleChange(parsed.code(), parsed.title(), ModuleChange.Kind.UNCHANGED,
                        module.currentVersion));
            } else {
                module.currentVersion++;
                storeVersion(module, text, ModuleVersion.Origin.IMPORT, now, actor);
                changes.add(new ModuleChange(parsed.code(), parsed.title(), ModuleChange.Kind.REVISED,
                        module.currentVersion));
            }
        }
        for (StudyModule gone : existing.values()) {
            gone.published = false;
            gone.updatedAt = now;
            ModuleVersion current = ModuleVersion.findVersion(gone.id, gone.currentVersion).orElseThrow();
            changes.add(new ModuleChange(gone.code, current.title, ModuleChange.Kind.WITHDRAWN, gone.currentVersion));
        }
        return changes;
    }

    private static void applyPlacement(StudyModule module, ParsedModule parsed, Instant now) {
        module.parentCode = parsed.parentCode();
        module.position = parsed.position();
        module.updatedAt = now;
    }

    static void storeVersion(StudyModule module, ModuleText text, ModuleVersion.Origin origin, Instant now,
                             String actor) {
        ModuleVersion version = new ModuleVersion();
        version.moduleId = module.id;
        version.version = module.currentVersion;
        version.title = text.title();
        version.paragraphs = text.paragraphs();
        version.contentHash = text.contentHash();
        version.charCount = text.charCount();
        version.origin = origin;
        version.createdAt = now;
        version.createdBy = actor;
        version.persist();
    }

    private static List<ModuleChange> unchanged(Notice notice) {
        return StudyModule.findByNotice(notice.id).stream()
                .map(m -> new ModuleChange(m.code,
                        ModuleVersion.findVersion(m.id, m.currentVersion).map(v -> v.title).orElse(m.code),
                        m.published ? ModuleChange.Kind.UNCHANGED : ModuleChange.Kind.WITHDRAWN, m.currentVersion))
                .toList();
    }

    private ParsedNotice parse(String markdown) {
        try {
            return parser.parse(markdown);
        } catch (NoticeFormatException e) {
            List<ProblemError> errors = e.problems().stream().map(p -> ProblemError.field("document", p)).toList();
            throw DomainException.unprocessable("invalid-notice",
                    "The document is not a notice this importer understands.", errors, errors.size());
        }
    }
}
