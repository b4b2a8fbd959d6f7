package cn.qhzgh.study.org;

import cn.qhzgh.study.testsupport.Api;
import cn.qhzgh.study.testsupport.Database;
import cn.qhzgh.study.testsupport.Fixtures;
import cn.qhzgh.study.testsupport.Spreadsheets;
import cn.qhzgh.study.testsupport.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;

@QuarkusTest
class WorkerImportTest {

    private static final String HEADER = "external_id,name,org_code,phone\n";

    @BeforeEach
    void orgs() {
        Fixtures.skeleton();
        Fixtures.orgs("QH-TW-G1,【测试】职工导入基层一,GRASSROOTS,QH-XN-CD\nQH-TW-G2,【测试】职工导入基层二,GRASSROOTS,QH-HD-LD\n");
    }

    @Test
    void importsThenReimportChangesNothingThenUpdatesOnlyChangedRows() {
        String file = HEADER + "tw-001,李明,QH-TW-G1,13800138000\ntw-002,王芳,QH-TW-G1,\ntw-003,才让,QH-TW-G2,139 0000 1234\n";
        upload("w.csv", file.getBytes(StandardCharsets.UTF_8)).statusCode(200)
                .body("rows", equalTo(3)).body("created", equalTo(3)).body("updated", equalTo(0));
        upload("w.csv", file.getBytes(StandardCharsets.UTF_8)).statusCode(200)
                .body("created", equalTo(0)).body("updated", equalTo(0)).body("unchanged", equalTo(3));
        String changed = file.replace("13800138000", "13800138001");
        upload("w.csv", changed.getBytes(StandardCharsets.UTF_8)).statusCode(200)
                .body("updated", equalTo(1)).body("unchanged", equalTo(2));
        assertThat(Database.string("SELECT phone FROM worker WHERE external_id = 'tw-003'")).isEqualTo("13900001234");
        assertThat(Database.count("SELECT COUNT(*) FROM worker_import_row")).isZero();
    }

    @Test
    void phoneIsStoredButOnlyEverReturnedMasked() {
        upload("w.csv", (HEADER + "tw-010,赵强,QH-TW-G1,13812345678\n").getBytes(StandardCharsets.UTF_8))
                .statusCode(200);
        Api.asProvinceAdmin().get("/api/v1/admin/workers/tw-010").then().statusCode(200)
                .body("phone", equalTo("138****5678")).body("orgCode", equalTo("QH-TW-G1"))
                .body(not(containsString("13812345678")));
        Api.asProvinceAdmin().get("/api/v1/admin/workers?org=QH-TW-G1").then().statusCode(200)
                .body(not(containsString("13812345678")))
                .body("items.phone", hasItems("138****5678"));
        Api.as(TestTokens.worker("tw-010", "QH-TW-G1")).get("/api/v1/me").then().statusCode(200)
                .body("phone", equalTo("138****5678"));
        assertThat(Database.string("SELECT phone FROM worker WHERE external_id = 'tw-010'")).isEqualTo("13812345678");
    }

    @Test
    void orgAdminSeesOnlyWorkersOfTheirSubtree() {
        upload("w.csv", (HEADER + "tw-020,甲,QH-TW-G1,\ntw-021,乙,QH-TW-G2,\n").getBytes(StandardCharsets.UTF_8))
                .statusCode(200);
        String xining = TestTokens.orgAdmin("tw-admin-xn", "QH-XN");
        Api.as(xining).get("/api/v1/admin/workers/tw-020").then().statusCode(200);
        Api.as(xining).get("/api/v1/admin/workers/tw-021").then().statusCode(403);
        Api.as(xining).get("/api/v1/admin/workers?org=QH-XN").then().statusCode(200)
                .body("items.externalId", hasItems("tw-020"))
                .body("items.externalId", not(hasItems("tw-021")));
    }

    @Test
    void workersAreFoundByTheStartOfTheirIdOrNameTakenLiterally() {
        upload("w.csv", (HEADER + "tw-050,欧阳修,QH-TW-G1,13812345678\ntw-051,欧阳锋,QH-TW-G1,\ntw-0520,王五,QH-TW-G1,\n"
                + "tw-05_9,赵六,QH-TW-G1,\ntw-053,欧阳询,QH-TW-G2,\n").getBytes(StandardCharsets.UTF_8)).statusCode(200);
        Api.asProvinceAdmin().queryParam("org", "QH-TW-G1").queryParam("q", "欧阳").get("/api/v1/admin/workers").then()
                .statusCode(200).body("items.externalId", contains("tw-050", "tw-051")).body("total", equalTo(2))
                .body("items[0].phone", equalTo("138****5678"));
        Api.asProvinceAdmin().queryParam("org", "QH-TW-G1").queryParam("q", "tw-05").get("/api/v1/admin/workers")
                .then().statusCode(200).body("items.externalId", contains("tw-050", "tw-051", "tw-0520", "tw-05_9"));
        Api.asProvinceAdmin().queryParam("org", "QH-TW-G1").queryParam("q", "tw-05_").get("/api/v1/admin/workers")
                .then().statusCode(200).body("items.externalId", contains("tw-05_9"));
        Api.asProvinceAdmin().queryParam("org", "QH-TW-G1").queryParam("q", "%").get("/api/v1/admin/workers")
                .then().statusCode(200).body("total", equalTo(0));
        Api.asProvinceAdmin().queryParam("org", "QH-TW-G1").queryParam("q", " ").queryParam("size", 500)
                .get("/api/v1/admin/workers").then().statusCode(200).body("items.externalId", hasItems("tw-050", "tw-05_9"));
        String xining = TestTokens.orgAdmin("tw-admin-xn", "QH-XN");
        Api.as(xining).queryParam("org", "QH-XN").queryParam("q", "欧阳").queryParam("size", 500)
                .get("/api/v1/admin/workers").then().statusCode(200)
                .body("items.externalId", hasItems("tw-050", "tw-051")).body("items.externalId", not(hasItems("tw-053")));
        Api.asProvinceAdminBreakingContract("q is longer than its 64 characters").queryParam("org", "QH-TW-G1")
                .queryParam("q", "x".repeat(65)).get("/api/v1/admin/workers")
                .then().statusCode(400).contentType("application/problem+json").body("errors.field", contains("q"));
    }

    @Test
    void gbkFileImports() {
        upload("gbk.csv", (HEADER + "tw-030,卓玛,QH-TW-G2,\n").getBytes(Charset.forName("GBK"))).statusCode(200);
        assertThat(Database.string("SELECT name FROM worker WHERE external_id = 'tw-030'")).isEqualTo("卓玛");
    }

    @Test
    void xlsxFileImports() {
        byte[] workbook = Spreadsheets.xlsx(new String[][]{
                {"external_id", "name", "org_code", "phone"},
                {"tw-040", "马海", "QH-TW-G2", "13700001111"}});
        upload("workers.xlsx", workbook).statusCode(200).body("created", equalTo(1));
    }

    @Test
    void badRowsAndDuplicatesAreReportedWithRowNumbersAndNothingIsWritten() {
        long before = Database.count("SELECT COUNT(*) FROM worker");
        String file = HEADER
                + "tw-100,好,QH-TW-G1,\n"            // row 2
                + "tw-101,,QH-TW-G1,\n"               // row 3: name missing
                + "tw-102,丙,QH-NOWHERE,\n"           // row 4: unknown org
                + "tw-100,重复,QH-TW-G1,\n"           // row 5: duplicate of row 2
                + "tw 103,丁,QH-TW-G1,abc\n";         // row 6: bad id and bad phone
        upload("bad.csv", file.getBytes(StandardCharsets.UTF_8)).statusCode(422)
                .contentType("application/problem+json")
                .body("errorCount", equalTo(5))
                .body("errors.find { it.row == 3 }.column", equalTo("name"))
                .body("errors.find { it.row == 4 }.column", equalTo("org_code"))
                .body("errors.find { it.row == 5 }.message", containsString("first used on row 2"))
                .body("errors.findAll { it.row == 6 }.column", hasItems("external_id", "phone"));
        assertThat(Database.count("SELECT COUNT(*) FROM worker")).isEqualTo(before);
        assertThat(Database.count("SELECT COUNT(*) FROM worker_import_row")).isZero();
    }

    @Test
    void dryRunReportsCountsWithoutWriting() {
        upload("dry.csv", (HEADER + "tw-200,演练,QH-TW-G1,\n").getBytes(StandardCharsets.UTF_8), true)
                .statusCode(200).body("dryRun", equalTo(true)).body("created", equalTo(1));
        assertThat(Database.count("SELECT COUNT(*) FROM worker WHERE external_id = 'tw-200'")).isZero();
    }

    private static ValidatableResponse upload(String name, byte[] content) {
        return upload(name, content, false);
    }

    private static ValidatableResponse upload(String name, byte[] content, boolean dryRun) {
        return Api.upload("/api/v1/admin/workers/import", name, content, dryRun);
    }
}
