package cn.qhzgh.study.xapi;

import cn.qhzgh.study.campaign.CampaignDirectory;
import cn.qhzgh.study.campaign.CampaignRef;
import cn.qhzgh.study.common.DomainException;
import cn.qhzgh.study.common.ProblemError;
import cn.qhzgh.study.org.OrgService;
import cn.qhzgh.study.org.Organization;
import cn.qhzgh.study.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Exports learning records as xAPI statements for a union's Learning Record Store, paged by a keyset cursor. */
@ApplicationScoped
public class XapiService {

    private static final Comparator<XapiSources.Row> EXPORT_ORDER = Comparator.comparing(XapiSources.Row::stored)
            .thenComparingInt(XapiSources.Row::rank).thenComparing(XapiSources.Row::key);

    private final XapiSources sources;
    private final OrgService orgs;
    private final XapiStatements statements;

    public XapiService(XapiSources sources, OrgService orgs, CampaignDirectory campaigns,
                       XapiConfig config) {
        this.sources = sources;
        this.orgs = orgs;
        this.statements = new XapiStatements(config.homePage(), notice -> campaigns.reportableTo(null).stream()
                .filter(c -> c.studies(notice)).map(CampaignRef::id).sorted().toList());
    }

    /** A statement with the row it was built from, so the page's last row becomes the next cursor. */
    private record Built(XapiSources.Row row, XapiStatement statement) {
    }

    @Transactional
    public XapiStatementResult export(Caller caller, String orgCode, Instant since, int limit, String cursor) {
        Organization root = orgs.visible(caller, orgCode);
        XapiSources.Cursor after = cursor == null ? null : XapiCursor.decode(cursor).orElseThrow(() ->
                DomainException.badRequest("invalid-cursor", "The cursor is not one this service issued.",
                        List.of(ProblemError.field("cursor", "use the 'more' link of the previous page as it is"))));
        List<Built> rows = new ArrayList<>();
        for (XapiSources.Kind kind : XapiSources.Kind.values()) {
            sources.read(kind, root.path, since, after, limit + 1)
                    .forEach(row -> rows.add(new Built(row, statements.of(kind, row))));
        }
        rows.sort(Comparator.comparing(Built::row, EXPORT_ORDER));
        List<Built> page = rows.subList(0, Math.min(limit, rows.size()));
        String more = "";
        if (rows.size() > limit) {
            XapiSources.Row last = page.get(page.size() - 1).row();
            more = "/api/v1/admin/xapi/statements?org=" + root.code + "&limit=" + limit
                    + (since == null ? "" : "&since=" + since) + "&cursor=" + XapiCursor.encode(last);
        }
        return new XapiStatementResult(page.stream().map(Built::statement).toList(), more);
    }
}
