package cn.qhzgh.study.progress;

import cn.qhzgh.study.common.DomainException;
import cn.qhzgh.study.common.ProblemError;
import cn.qhzgh.study.org.OrgService;
import cn.qhzgh.study.org.Organization;
import cn.qhzgh.study.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
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

    public XapiService(XapiSources sources, OrgService orgs,
                       @ConfigProperty(name = "study.xapi.home-page") String homePage) {
        this.sources = sources;
        this.orgs = orgs;
        this.statements = new XapiStatements(homePage);
    }

    /** A statement with the row it was built from, so the page's last row becomes the next cursor. */
    private record Built(XapiSources.Row row, XapiStatement statement) {
    }

    @Transactional
    public XapiStatementResult export(Caller caller, String orgCode, Instant since, int limit, String cursor) {
        Organization root = orgs.visible(caller, orgCode);
        XapiSources.Cursor after = cursor == null ? null : decode(cursor);
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
                    + (since == null ? "" : "&since=" + since) + "&cursor=" + encode(last);
        }
        return new XapiStatementResult(page.stream().map(Built::statement).toList(), more);
    }

    private static String encode(XapiSources.Row row) {
        String raw = row.stored().getEpochSecond() + ":" + row.stored().getNano() + ":" + row.rank() + ":" + row.key();
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    private static XapiSources.Cursor decode(String cursor) {
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split(":", 4);
            return new XapiSources.Cursor(Instant.ofEpochSecond(Long.parseLong(parts[0]), Long.parseLong(parts[1])),
                    Integer.parseInt(parts[2]), parts[3]);
        } catch (IllegalArgumentException | ArrayIndexOutOfBoundsException e) {
            throw DomainException.badRequest("invalid-cursor", "The cursor is not one this service issued.",
                    List.of(ProblemError.field("cursor", "use the 'more' link of the previous page as it is")));
        }
    }
}
