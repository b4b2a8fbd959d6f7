package cn.qhzgh.study.demo;

import cn.qhzgh.study.common.tabular.TabularFormat;
import cn.qhzgh.study.org.OrgImportResult;
import cn.qhzgh.study.org.OrgImportService;
import cn.qhzgh.study.org.WorkerImportResult;
import cn.qhzgh.study.org.WorkerImportService;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Seeds the real province, city and county skeleton plus clearly synthetic 【演示】 industry, direct and
 * grassroots unions and demo workers, through the same import services admins use.
 */
@ApplicationScoped
public class DemoOrgSeeder {

    private static final Logger LOG = Logger.getLogger(DemoOrgSeeder.class);
    private static final String[] INDUSTRIES = {"能源化工", "交通运输", "农牧林业", "教科文卫", "建设建材"};
    private static final String[] DIRECTS = {"省属企业", "省直机关", "高校"};
    private static final int GRASSROOTS_PER_PARENT = 2;
    private static final int WORKERS_PER_GRASSROOTS = 3;

    private final OrgImportService orgImports;
    private final WorkerImportService workerImports;

    public DemoOrgSeeder(OrgImportService orgImports, WorkerImportService workerImports) {
        this.orgImports = orgImports;
        this.workerImports = workerImports;
    }

    /** Imports the unions and workers; the demo seed calls it first, when seeding is on. */
    public void seed() throws IOException {
        List<String> skeleton = skeletonRows();
        List<String[]> parents = new ArrayList<>();
        StringBuilder orgs = new StringBuilder(String.join("\n", skeleton)).append('\n');
        for (String row : skeleton.subList(1, skeleton.size())) {
            String[] cells = row.split(",", -1);
            if ("COUNTY".equals(cells[2])) {
                parents.add(new String[]{cells[0], cells[1].replace("总工会", "")});
            }
        }
        for (int i = 0; i < INDUSTRIES.length; i++) {
            String code = "QH-CY%02d".formatted(i + 1);
            orgs.append(code).append(",【演示】青海省").append(INDUSTRIES[i]).append("产业工会,INDUSTRY,QH\n");
            parents.add(new String[]{code, "【演示】" + INDUSTRIES[i]});
        }
        for (int i = 0; i < DIRECTS.length; i++) {
            orgs.append("QH-ZS%02d,【演示】%s直属工会,DIRECT,QH\n".formatted(i + 1, DIRECTS[i]));
        }
        StringBuilder workers = new StringBuilder("external_id,name,org_code,phone\n");
        int worker = 0;
        for (String[] parent : parents) {
            for (int g = 1; g <= GRASSROOTS_PER_PARENT; g++) {
                String code = "%s-G%02d".formatted(parent[0], g);
                String name = parent[1].startsWith("【演示】") ? parent[1] + "第" + g + "基层工会"
                        : "【演示】" + parent[1] + "第" + g + "基层工会";
                orgs.append(code).append(',').append(name).append(",GRASSROOTS,").append(parent[0]).append('\n');
                for (int w = 0; w < WORKERS_PER_GRASSROOTS; w++) {
                    worker++;
                    workers.append("demo-w-%05d,演示职工%05d,%s,1390000%04d\n".formatted(worker, worker, code, worker));
                }
            }
        }
        OrgImportResult orgResult = orgImports.importOrgs(csv(orgs), TabularFormat.CSV, false);
        WorkerImportResult workerResult = workerImports.importWorkers(csv(workers), TabularFormat.CSV, false);
        LOG.infof("Seeded demo org tree (%d unions, %d new) and %d demo workers (%d new)",
                orgResult.rows(), orgResult.created(), workerResult.rows(), workerResult.created());
    }

    private static List<String> skeletonRows() {
        try (InputStream in = DemoOrgSeeder.class.getResourceAsStream("/seed/qinghai-unions.csv")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().filter(l -> !l.isBlank()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static InputStream csv(CharSequence text) {
        return new ByteArrayInputStream(text.toString().getBytes(StandardCharsets.UTF_8));
    }
}
