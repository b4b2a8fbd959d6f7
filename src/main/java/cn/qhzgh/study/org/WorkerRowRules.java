package cn.qhzgh.study.org;

import cn.qhzgh.study.common.DirectoryRules;
import cn.qhzgh.study.common.ProblemError;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/** Cell rules for one worker row; duplicates across rows are found later in SQL. */
final class WorkerRowRules {

    private static final Pattern PHONE = Pattern.compile("\\+?[0-9]{5,20}");

    /** The phone column must be present; its cells may be empty. */
    static final List<String> COLUMNS = List.of("external_id", "name", "org_code", "phone");

    private final Map<String, Long> orgIdsByCode;

    WorkerRowRules(Map<String, Long> orgIdsByCode) {
        this.orgIdsByCode = orgIdsByCode;
    }

    /** A row that passed its checks, ready for staging. */
    record ValidWorker(long row, String externalId, String name, long orgId, String phone) {
    }

    /** Returns the valid row, or null after reporting each problem. */
    ValidWorker check(long row, String externalId, String name, String orgCode, String rawPhone,
                      Consumer<ProblemError> report) {
        boolean ok = true;
        if (!DirectoryRules.isExternalId(externalId)) {
            report.accept(ProblemError.cell(row, "external_id", externalId.isEmpty()
                    ? "external_id is required"
                    : "external_id must be " + DirectoryRules.EXTERNAL_ID_RULE));
            ok = false;
        }
        if (name.isEmpty() || name.length() > DirectoryRules.MAX_WORKER_NAME_LENGTH) {
            report.accept(ProblemError.cell(row, "name", name.isEmpty()
                    ? "name is required" : "name is longer than " + DirectoryRules.MAX_WORKER_NAME_LENGTH + " characters"));
            ok = false;
        }
        Long orgId = orgIdsByCode.get(orgCode);
        if (orgId == null) {
            report.accept(ProblemError.cell(row, "org_code", orgCode.isEmpty()
                    ? "org_code is required" : "unknown org_code '" + orgCode + "'"));
            ok = false;
        }
        String phone = normalisePhone(rawPhone);
        if (!rawPhone.isEmpty() && phone == null) {
            report.accept(ProblemError.cell(row, "phone", "phone must be 5-20 digits, optionally with a leading +"));
            ok = false;
        }
        return ok ? new ValidWorker(row, externalId, name, orgId, phone) : null;
    }

    /** Spaces and hyphens are how people type phones; they are not part of the number. */
    static String normalisePhone(String raw) {
        if (raw.isEmpty()) {
            return null;
        }
        String compact = raw.replaceAll("[\\s-]", "");
        return PHONE.matcher(compact).matches() ? compact : null;
    }
}
