package cn.qhzgh.study.org;

import cn.qhzgh.study.testsupport.Api;
import cn.qhzgh.study.testsupport.ContractValidation;
import cn.qhzgh.study.testsupport.RawHttp;
import cn.qhzgh.study.testsupport.TestTokens;
import com.atlassian.oai.validator.model.Request;
import io.quarkus.test.common.http.TestHTTPResource;
import cn.qhzgh.study.testsupport.Fixtures;
import cn.qhzgh.study.testsupport.HeapWatch;
import cn.qhzgh.study.testsupport.XlsxBombs;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.net.URI;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/** What a small upload may make the importer do: inflate, spread over columns, or stuff one cell. */
@QuarkusTest
class UploadAmplificationTest {

    private static final String IMPORT = "/api/v1/admin/workers/import";
    private static final List<String> COLUMNS = List.of("external_id", "name", "org_code", "phone");
    private static final long HEAP_BOUND_BYTES = 20_000_000L;

    @TestHTTPResource("/")
    URI server;

    @BeforeEach
    void orgs() {
        Fixtures.skeleton();
        Fixtures.orgs("QH-AMP-G1,【测试】上传放大基层一,GRASSROOTS,QH-XN-CD\n");
    }

    @Test
    void anXlsxInflatingToGigabytesIsRefusedWithBoundedHeap() throws Exception {
        byte[] bomb = XlsxBombs.workbook(COLUMNS, 2000, -1);
        assertThat(bomb.length).isLessThan(3_000_000);

        HeapWatch.Watched<RawHttp.Reply> watched = HeapWatch.during(() -> rawUpload("bomb.xlsx", bomb));

        System.out.printf("XLSX of %d bytes inflating to 2000 MiB: %d; %s%n", bomb.length, watched.result().status(),
                watched.describe());
        assertRefused(watched.result(), "xl/worksheets/sheet1.xml inflates to more than");
        assertThat(watched.peakIncreaseBytes()).isLessThan(HEAP_BOUND_BYTES);
    }

    @Test
    void anXlsxEntryInflatingBeyondItsDeclaredSizeIsRefused() throws Exception {
        byte[] bomb = XlsxBombs.workbook(COLUMNS, 2000, 100_000);

        HeapWatch.Watched<RawHttp.Reply> watched = HeapWatch.during(() -> rawUpload("liar.xlsx", bomb));

        System.out.printf("XLSX of %d bytes declaring 100 kB, inflating to 2000 MiB: %d; %s%n", bomb.length,
                watched.result().status(), watched.describe());
        assertRefused(watched.result(), "inflates to another size than it declares");
        assertThat(watched.peakIncreaseBytes()).isLessThan(HEAP_BOUND_BYTES);
    }

    @Test
    void aRowWithMoreCellsThanTheCapIsRefusedAtItsRow() {
        String row = "amp-001,李明,QH-AMP-G1,13800138000" + ",".repeat(300);
        upload("wide.csv", (String.join(",", COLUMNS) + "\n" + row + "\n").getBytes(StandardCharsets.UTF_8))
                .statusCode(422).contentType("application/problem+json")
                .body("errors[0].row", equalTo(2))
                .body("errors[0].message", containsString("a row may have at most 256"));
    }

    @Test
    void aCellOverTheTextCapIsRefusedAtItsRowAndColumn() {
        String file = String.join(",", COLUMNS) + ",note\n"
                + "amp-002,王芳,QH-AMP-G1,13800138000\n"
                + "amp-003,才让,QH-AMP-G1,13800138001," + "备".repeat(40_000) + "\n";
        upload("long-cell.csv", file.getBytes(StandardCharsets.UTF_8))
                .statusCode(422).contentType("application/problem+json")
                .body("errors[0].row", equalTo(3))
                .body("errors[0].column", equalTo("E"))
                .body("errors[0].message", containsString("32767"));
    }

    /**
     * Sent past REST Assured, whose contract filter costs the heap tens of megabytes per exchange and would hide what
     * the server holds; the answer is checked against the contract all the same.
     */
    private RawHttp.Reply rawUpload(String name, byte[] content) throws Exception {
        String boundary = "amplification-boundary";
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + name
                + "\"\r\nContent-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] body = new byte[head.length + content.length + tail.length];
        System.arraycopy(head, 0, body, 0, head.length);
        System.arraycopy(content, 0, body, head.length, content.length);
        System.arraycopy(tail, 0, body, head.length + content.length, tail.length);
        return RawHttp.post(server, IMPORT + "?dryRun=true", Map.of("Authorization", "Bearer "
                + TestTokens.provinceAdmin(), "Content-Type", "multipart/form-data; boundary=" + boundary), body);
    }

    private static void assertRefused(RawHttp.Reply reply, String message) {
        assertThat(reply.status()).isEqualTo(422);
        assertThat(reply.header("Content-Type")).startsWith("application/problem+json");
        assertThat(reply.body()).contains(message);
        ContractValidation.checkRawResponse("multipart sent by hand, which the validator cannot read",
                Request.Method.POST, IMPORT, reply);
    }

    private static ValidatableResponse upload(String name, byte[] content) {
        return Api.upload(IMPORT, name, content, true);
    }
}
