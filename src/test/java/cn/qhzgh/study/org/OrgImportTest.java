package cn.qhzgh.study.org;

import cn.qhzgh.study.testsupport.Api;
import cn.qhzgh.study.testsupport.AtOnce;
import cn.qhzgh.study.testsupport.Database;
import cn.qhzgh.study.testsupport.Fixtures;
import cn.qhzgh.study.testsupport.Spreadsheets;
import cn.qhzgh.study.testsupport.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

@QuarkusTest
class OrgImportTest {

    private static final String HEADER = "code,name,type,parent_code\n";

    @BeforeEach
    void skeleton() {
        Fixtures.skeleton();
    }

    @Test
    void realSkeletonImportsAndReimportChangesNothing() {
        // Other tests add their own cities under QH, so count the skeleton's codes only.
        String skeletonCodes = new String(readSkeleton(), StandardCharsets.UTF_8).lines().skip(1)
                .map(line -> "'" + line.substring(0, line.indexOf(',')) + "'").collect(Collectors.joining(","));
        assertThat(Database.count("SELECT COUNT(*) FROM organization WHERE code IN (" + skeletonCodes + ")")).isEqualTo(53);
        assertThat(Database.count("SELECT COUNT(*) FROM organization WHERE type IN ('PROVINCE', 'CITY') AND code IN ("
                + skeletonCodes + ")")).isEqualTo(9);
        String before = Database.string("SELECT MAX(updated_at) FROM organization");
        upload("qinghai-unions.csv", readSkeleton())
                .statusCode(200)
                .body("rows", equalTo(53)).body("created", equalTo(0))
                .body("updated", equalTo(0)).body("unchanged", equalTo(53));
        assertThat(Database.string("SELECT MAX(updated_at) FROM organization")).isEqualTo(before);
    }

    @Test
    void simultaneousImportsOfOneNewSubtreeCreateEachUnionOnce() throws Exception {
        // Under a county no other test counts the children of.
        String prefix = "QH-HB-GC-CC" + (System.nanoTime() % 100_000);
        StringBuilder csv = new StringBuilder(HEADER);
        for (int i = 1; i <= 30; i++) {
            csv.append(prefix).append("-G").append(i).append(",并发导入测试基层工会").append(i).append("（虚构）,GRASSROOTS,QH-HB-GC\n");
        }
        byte[] file = csv.toString().getBytes(StandardCharsets.UTF_8);
        int created = 0;
        for (ExtractableResponse<Response> response : AtOnce.send(4, () -> upload("orgs.csv", file).extract())) {
            // Import admission lets two imports run at once and turns the rest away with 429.
            assertThat(response.statusCode()).isIn(200, 429);
            created += response.statusCode() == 200 ? response.jsonPath().getInt("created") : 0;
        }
        assertThat(created).as("each union created by exactly one import").isEqualTo(30);
        assertThat(Database.count("SELECT COUNT(*) FROM organization WHERE code LIKE '" + prefix + "-G%'")).isEqualTo(30);
    }

    @Test
    void aProvinceAdminWithoutAnOrgClaimBelongsToTheDirectorysRoot() {
        Api.as(TestTokens.claims("idp-province-admin", "province-admin", null).sign()).get("/api/v1/me").then()
                .statusCode(200).body("role", equalTo("province-admin"))
                .body("org.code", equalTo("QH")).body("org.type", equalTo("PROVINCE"));
        Api.as(TestTokens.claims("idp-province-admin", "province-admin", "QH-HB").sign()).get("/api/v1/me").then()
                .statusCode(200).body("org.code", equalTo("QH-HB"));
    }

    @Test
    void orgReadShowsChildrenAndTreeShowsSubtree() {
        Api.asProvinceAdmin().get("/api/v1/orgs/QH-HB").then().statusCode(200)
                .body("name", equalTo("海北州总工会")).body("type", equalTo("CITY"))
                .body("parentCode", equalTo("QH")).body("depth", equalTo(1))
                .body("children.code", contains("QH-HB-GC", "QH-HB-HY", "QH-HB-MY", "QH-HB-QL"));
        Api.asProvinceAdmin().get("/api/v1/orgs/QH/tree?depth=1").then().statusCode(200)
                .body("code", equalTo("QH"))
                .body("children.type", hasItem("CITY"))
                .body("children.find { it.code == 'QH-XN' }.children", org.hamcrest.Matchers.nullValue());
        Api.asProvinceAdmin().get("/api/v1/orgs/QH-XN/tree").then().statusCode(200)
                .body("children", hasSize(7));
        Api.asProvinceAdmin().get("/api/v1/orgs/NOPE").then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void gbkAndBomCsvAndXlsxAllImport() {
        String rows = HEADER + "QH-TG-1,【测试】编码测试产业工会,INDUSTRY,QH\nQH-TG-1-G1,【测试】编码测试基层工会,GRASSROOTS,QH-TG-1\n";
        upload("gbk.csv", rows.getBytes(Charset.forName("GBK"))).statusCode(200).body("created", equalTo(2));
        assertThat(Database.string("SELECT name FROM organization WHERE code = 'QH-TG-1'"))
                .isEqualTo("【测试】编码测试产业工会");
        byte[] bom = ("\uFEFF" + rows).getBytes(StandardCharsets.UTF_8);
        upload("bom.csv", bom).statusCode(200).body("unchanged", equalTo(2));
        upload("tree.xlsx", Spreadsheets.xlsx(new String[][]{
                {"code", "name", "type", "parent_code"},
                {"QH-TX-1", "【测试】表格直属工会", "DIRECT", "QH"},
                {"QH-TX-1-G1", "【测试】表格基层工会", "GRASSROOTS", "QH-TX-1"}}))
                .statusCode(200).body("created", equalTo(2));
    }

    @Test
    void everyBadRowIsReportedAndNothingIsImported() {
        long before = Database.count("SELECT COUNT(*) FROM organization");
        String file = HEADER
                + "QH-TB-1,【测试】好的一行,INDUSTRY,QH\n"              // row 2: fine on its own
                + "QH-TB-2,【测试】未知上级,COUNTY,QH-NOWHERE\n"         // row 3: unknown parent
                + "QH-TB-1,【测试】重复编码,DIRECT,QH\n"                 // row 4: duplicate code
                + "QH-TB-3,【测试】类型错误,VILLAGE,QH\n"                // row 5: bad type
                + "QH-TB-4,【测试】环一,COUNTY,QH-TB-5\n"                // row 6: cycle
                + "QH-TB-5,【测试】环二,COUNTY,QH-TB-4\n";               // row 7: cycle
        ValidatableResponse response = upload("bad.csv", file.getBytes(StandardCharsets.UTF_8))
                .statusCode(422).contentType("application/problem+json")
                .body("type", equalTo("urn:qhzgh:study:problem:invalid-org-file"))
                .body("errors.find { it.row == 3 }.column", equalTo("parent_code"))
                .body("errors.find { it.row == 3 }.message", containsString("unknown parent"))
                .body("errors.find { it.row == 4 }.column", equalTo("code"))
                .body("errors.find { it.row == 4 }.message", containsString("row 2"))
                .body("errors.find { it.row == 5 }.column", equalTo("type"))
                .body("errors.find { it.row == 6 }.message", containsString("cycle"))
                .body("errors.find { it.row == 7 }.message", containsString("cycle"));
        response.body("errorCount", equalTo(5));
        assertThat(Database.count("SELECT COUNT(*) FROM organization")).isEqualTo(before);
    }

    @Test
    void movingUnderOwnDescendantIsACycle() {
        Fixtures.orgs("QH-TC-A,【测试】上级,INDUSTRY,QH\nQH-TC-B,【测试】下级,COUNTY,QH-TC-A\n");
        upload("cycle.csv", (HEADER + "QH-TC-A,【测试】上级,INDUSTRY,QH-TC-B\n").getBytes(StandardCharsets.UTF_8))
                .statusCode(422).body("errors[0].row", equalTo(2))
                .body("errors[0].message", containsString("QH-TC-A → QH-TC-B → QH-TC-A"));
    }

    @Test
    void aUnionWithChildrenCannotBecomeGrassroots() {
        Fixtures.orgs("QH-TG-C,【测试】有下级的县,COUNTY,QH\nQH-TG-C-G1,【测试】其下基层,GRASSROOTS,QH-TG-C\n");
        upload("demote.csv", (HEADER + "QH-TG-C,【测试】有下级的县,GRASSROOTS,QH\n").getBytes(StandardCharsets.UTF_8))
                .statusCode(422).body("errors[0].row", equalTo(2)).body("errors[0].column", equalTo("type"))
                .body("errors[0].message", containsString("'QH-TG-C-G1'"));
        assertThat(Database.string("SELECT type FROM organization WHERE code = 'QH-TG-C'")).isEqualTo("COUNTY");
        upload("demote-and-move.csv", (HEADER + "QH-TG-C,【测试】有下级的县,GRASSROOTS,QH\n"
                + "QH-TG-C-G1,【测试】其下基层,GRASSROOTS,QH\n").getBytes(StandardCharsets.UTF_8), true)
                .statusCode(200).body("updated", equalTo(2));
    }

    @Test
    void dryRunValidatesWithoutWriting() {
        upload("dry.csv", (HEADER + "QH-TD-1,【测试】演练,DIRECT,QH\n").getBytes(StandardCharsets.UTF_8), true)
                .statusCode(200).body("dryRun", equalTo(true)).body("created", equalTo(1));
        assertThat(Database.count("SELECT COUNT(*) FROM organization WHERE code = 'QH-TD-1'")).isZero();
    }

    @Test
    void aDryRunFlagThatIsNoBooleanImportsNothing() {
        byte[] file = (HEADER + "QH-TD-2,【测试】演练二,DIRECT,QH\n").getBytes(StandardCharsets.UTF_8);
        for (String flag : new String[]{"yes", "on", "undefined"}) {
            Api.asProvinceAdminBreakingContract("dryRun=" + flag + " is no boolean")
                    .multiPart("file", "dry.csv", file).post("/api/v1/admin/orgs/import?dryRun=" + flag)
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("errors[0].field", equalTo("dryRun"))
                    .body("errors[0].message", equalTo("must be true or false (or 1 or 0)"));
        }
        Api.asProvinceAdminBreakingContract("dryRun=1, the other common spelling of true")
                .multiPart("file", "dry.csv", file).post("/api/v1/admin/orgs/import?dryRun=1")
                .then().statusCode(200).body("dryRun", equalTo(true)).body("created", equalTo(1));
        assertThat(Database.count("SELECT COUNT(*) FROM organization WHERE code = 'QH-TD-2'")).isZero();
    }

    @Test
    void movingAnOrgMovesItsWholeSubtree() {
        Fixtures.orgs("QH-TM-P1,【测试】原上级,INDUSTRY,QH\nQH-TM-P2,【测试】新上级,INDUSTRY,QH\n"
                + "QH-TM-C,【测试】被移动,COUNTY,QH-TM-P1\nQH-TM-C-G1,【测试】随迁基层,GRASSROOTS,QH-TM-C\n");
        upload("move.csv", (HEADER + "QH-TM-C,【测试】被移动,COUNTY,QH-TM-P2\n").getBytes(StandardCharsets.UTF_8))
                .statusCode(200).body("updated", equalTo(1));
        assertThat(Database.string("SELECT detail FROM audit_entry WHERE action = 'orgs.import' AND target = "
                + "'file:move.csv' ORDER BY id DESC LIMIT 1")).as("what the console's audit page shows")
                .isEqualTo("1 row(s): 0 created, 1 updated, 0 unchanged");
        String newParentPath = Database.string("SELECT path FROM organization WHERE code = 'QH-TM-P2'");
        assertThat(Database.string("SELECT path FROM organization WHERE code = 'QH-TM-C-G1'")).startsWith(newParentPath);
        assertThat(Database.count("SELECT depth FROM organization WHERE code = 'QH-TM-C-G1'")).isEqualTo(3);
        Api.asProvinceAdmin().get("/api/v1/orgs/QH-TM-P2/tree").then().statusCode(200)
                .body("children[0].code", equalTo("QH-TM-C"))
                .body("children[0].children[0].code", equalTo("QH-TM-C-G1"));
        Api.asProvinceAdmin().get("/api/v1/orgs/QH-TM-P1").then().body("children", hasSize(0));
    }

    @Test
    void missingColumnAndMissingFileAndWrongMediaTypeAreClear() {
        upload("cols.csv", "code,name\nX,Y\n".getBytes(StandardCharsets.UTF_8))
                .statusCode(422).body("errors.column", hasItem("type"));
        Api.asProvinceAdmin().multiPart("other", "x").post("/api/v1/admin/orgs/import")
                .then().statusCode(400).body("errors[0].field", equalTo("file"));
        Api.asProvinceAdminBreakingContract("a media type the endpoint does not take must get 415")
                .contentType("application/json").body("{}").post("/api/v1/admin/orgs/import")
                .then().statusCode(415).contentType("application/problem+json");
    }

    private static ValidatableResponse upload(String name, byte[] content) {
        return upload(name, content, false);
    }

    private static ValidatableResponse upload(String name, byte[] content, boolean dryRun) {
        return Api.upload("/api/v1/admin/orgs/import", name, content, dryRun);
    }

    private static byte[] readSkeleton() {
        try {
            return Files.readAllBytes(Fixtures.UNIONS_CSV);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

}
