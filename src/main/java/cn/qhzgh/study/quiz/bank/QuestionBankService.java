package cn.qhzgh.study.quiz.bank;

import cn.qhzgh.study.common.DbClock;
import cn.qhzgh.study.common.DomainException;
import cn.qhzgh.study.common.Hashing;
import cn.qhzgh.study.common.ProblemError;
import cn.qhzgh.study.common.http.UploadLimits;
import cn.qhzgh.study.quiz.question.Question;
import cn.qhzgh.study.quiz.question.QuestionDraft;
import cn.qhzgh.study.quiz.question.QuestionFingerprint;
import cn.qhzgh.study.quiz.question.QuestionSource;
import cn.qhzgh.study.quiz.question.QuestionStatus;
import cn.qhzgh.study.quiz.question.QuestionStore;
import cn.qhzgh.study.quiz.question.QuestionVersion;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.io.ByteArrayInputStream;
import java.io.OutputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Uploaded question banks: all-or-nothing, recognised by checksum, exportable for a round trip. */
@ApplicationScoped
public class QuestionBankService {

    private final QuestionBankReader reader;
    private final QuestionBankWriter writer = new QuestionBankWriter();
    private final QuestionStore store;

    public QuestionBankService(QuestionStore store, UploadLimits uploadLimits) {
        this.store = store;
        this.reader = new QuestionBankReader(uploadLimits.tabular());
    }

    @Transactional
    public BankImportResult upload(byte[] content, String fileName, BankFormat format, boolean dryRun, String actor) {
        String checksum = Hashing.sha256Hex(content);
        Optional<QuestionBank> earlier = QuestionBank.findByChecksum(checksum);
        if (earlier.isPresent()) {
            QuestionBank bank = earlier.get();
            return new BankImportResult(dryRun, bank.id, bank.name, bank.format, 0, bank.id);
        }
        BankReadResult read = read(content, format);
        List<ProblemError> errors = new ArrayList<>();
        read.problems().forEach(p -> errors.add(toError(p)));
        duplicatesOfStored(read.questions()).forEach(errors::add);
        if (!errors.isEmpty()) {
            errors.sort(Comparator.comparing(ProblemError::row));
            throw DomainException.unprocessable("invalid-question-bank",
                    errors.size() + " problem(s) found; nothing was imported.", errors, errors.size());
        }
        if (read.questions().isEmpty()) {
            throw DomainException.unprocessable("empty-question-bank", "The file holds no questions.", List.of(), 0);
        }
        String name = fileName == null || fileName.isBlank() ? "bank." + format.name().toLowerCase() : fileName;
        if (dryRun) {
            return new BankImportResult(true, null, name, format.name(), read.questions().size(), null);
        }
        Instant now = DbClock.now();
        QuestionBank bank = new QuestionBank();
        bank.name = name.length() > 255 ? name.substring(0, 255) : name;
        bank.format = format.name();
        bank.checksum = checksum;
        bank.questionCount = read.questions().size();
        bank.createdAt = now;
        bank.createdBy = actor;
        bank.persist();
        for (BankQuestion question : read.questions()) {
            store.create(question.draft(), QuestionSource.UPLOADED, bank.id, null, actor, now);
        }
        return new BankImportResult(false, bank.id, bank.name, bank.format, bank.questionCount, null);
    }

    @Transactional
    public List<BankView> list() {
        return QuestionBank.<QuestionBank>listAll(Sort.by("id")).stream().map(BankView::of).toList();
    }

    /** Streams the bank's current question versions; runs in its own transaction while the response is written. */
    public void export(long bankId, BankFormat format, OutputStream out) {
        List<QuestionDraft> drafts = QuarkusTransaction.requiringNew().call(() -> currentDrafts(bankId));
        switch (format) {
            case XLSX -> writer.writeXlsx(drafts, out);
            case GIFT -> writer.writeGift(drafts, out);
            default -> throw DomainException.badRequest("unsupported-export", "Banks export as xlsx or gift.",
                    List.of(ProblemError.field("format", "must be xlsx or gift")));
        }
    }

    public void template(OutputStream out) {
        writer.writeTemplateXlsx(out);
    }

    public void requireBank(long bankId) {
        QuarkusTransaction.requiringNew().run(() -> QuestionBank.<QuestionBank>findByIdOptional(bankId)
                .orElseThrow(() -> DomainException.notFound("bank-not-found", "No question bank has the id " + bankId + ".")));
    }

    private static List<QuestionDraft> currentDrafts(long bankId) {
        List<QuestionDraft> drafts = new ArrayList<>();
        for (Question q : Question.<Question>list("bankId = ?1 order by id", bankId)) {
            QuestionVersion v = QuestionVersion.find(q.id, q.currentVersion).orElseThrow();
            drafts.add(new QuestionDraft(q.type, v.stem, v.options, v.answer, v.explanation, q.moduleCode,
                    q.keyPhrase, q.tags));
        }
        return drafts;
    }

    private BankReadResult read(byte[] content, BankFormat format) {
        return reader.read(new ByteArrayInputStream(content), format);
    }

    /** A question already stored (and not retired) may not be uploaded again. */
    private static List<ProblemError> duplicatesOfStored(List<BankQuestion> questions) {
        Map<String, BankQuestion> byFingerprint = new HashMap<>();
        for (BankQuestion q : questions) {
            byFingerprint.putIfAbsent(QuestionFingerprint.of(q.draft().type(), q.draft().stem(), q.draft().options()), q);
        }
        if (byFingerprint.isEmpty()) {
            return List.of();
        }
        List<ProblemError> errors = new ArrayList<>();
        for (Question stored : Question.<Question>list("fingerprint in ?1 and status <> ?2",
                List.copyOf(byFingerprint.keySet()), QuestionStatus.RETIRED)) {
            BankQuestion duplicate = byFingerprint.get(stored.fingerprint);
            errors.add(ProblemError.cell(duplicate.location(), "stem",
                    "the same question is already stored as question " + stored.id));
        }
        return errors;
    }

    private static ProblemError toError(BankProblem problem) {
        return new ProblemError(null, problem.location(), problem.field(), problem.message());
    }
}
