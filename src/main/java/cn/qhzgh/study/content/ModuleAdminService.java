package cn.qhzgh.study.content;

import cn.qhzgh.study.common.DbClock;
import cn.qhzgh.study.common.DomainException;
import cn.qhzgh.study.common.Preconditions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;

import java.time.Instant;

/** Admin changes to modules: text edits guarded by If-Match, and publication. */
@ApplicationScoped
public class ModuleAdminService {

    private final ModuleQueries queries;
    private final Event<ModulesChanged> modulesChanged;
    private final Event<ModuleWithdrawing> withdrawing;
    private final NoticeImportService imports;

    public ModuleAdminService(ModuleQueries queries, Event<ModulesChanged> modulesChanged,
                              Event<ModuleWithdrawing> withdrawing, NoticeImportService imports) {
        this.queries = queries;
        this.modulesChanged = modulesChanged;
        this.withdrawing = withdrawing;
        this.imports = imports;
    }

    public ModuleDetail get(long id) {
        return queries.anyDetail(id).orElseThrow(() -> notFound(id));
    }

    @Transactional
    public ModuleDetail edit(long id, String ifMatch, EditParagraphsRequest request, String actor) {
        StudyModule module = StudyModule.<StudyModule>findByIdOptional(id).orElseThrow(() -> notFound(id));
        ModuleVersion current = ModuleVersion.findVersion(module.id, module.currentVersion).orElseThrow();
        Preconditions.requireIfMatch(ifMatch, ModuleText.etag(current.version, current.contentHash), "module");
        ModuleText text = new ModuleText(request.title() == null ? current.title : request.title().strip(),
                request.paragraphs());
        if (text.contentHash().equals(current.contentHash)) {
            return queries.detail(module, current);
        }
        Instant now = DbClock.now();
        int claimed = StudyModule.update("currentVersion = ?1, updatedAt = ?2 where id = ?3 and currentVersion = ?4",
                current.version + 1, now, module.id, current.version);
        if (claimed == 0) {
            throw new DomainException(412, "stale-etag", "Precondition Failed",
                    "Someone else changed this module at the same moment; reload it and edit again.");
        }
        module.currentVersion = current.version + 1;
        NoticeImportService.storeVersion(module, text, ModuleVersion.Origin.EDIT, now, actor);
        imports.deriveQuestionsAndQuizzes(Notice.findById(module.noticeId), actor, now);
        modulesChanged.fire(new ModulesChanged());
        return queries.detail(module, ModuleVersion.findVersion(module.id, module.currentVersion).orElseThrow());
    }

    @Transactional
    public AdminModuleView setPublished(long id, boolean published) {
        StudyModule module = StudyModule.<StudyModule>findByIdOptional(id).orElseThrow(() -> notFound(id));
        if (module.published != published) {
            if (!published) {
                withdrawing.fire(new ModuleWithdrawing(module.id, module.noticeId));
            }
            module.published = published;
            module.updatedAt = DbClock.now();
            modulesChanged.fire(new ModulesChanged());
        }
        ModuleVersion current = ModuleVersion.findVersion(module.id, module.currentVersion).orElseThrow();
        Notice notice = Notice.findById(module.noticeId);
        return queries.adminView(module, current, notice.docNumber);
    }

    private static DomainException notFound(long id) {
        return DomainException.notFound("module-not-found", "No study module has the id " + id + ".");
    }
}
