package cn.qhzgh.study.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Loads the real union skeleton and the real notice once per test JVM, through the public API. */
public final class Fixtures {

    public static final Path UNIONS_CSV = Path.of("src/main/resources/seed/qinghai-unions.csv");
    public static final Path NOTICE = Path.of("src/main/resources/notice/qhzgh-2022-24.md");

    private static boolean skeletonLoaded;
    private static boolean noticeLoaded;

    private Fixtures() {
    }

    public static synchronized void skeleton() {
        if (!skeletonLoaded) {
            Api.asProvinceAdmin().multiPart("file", UNIONS_CSV.toFile(), "text/csv")
                    .post("/api/v1/admin/orgs/import").then().statusCode(200);
            skeletonLoaded = true;
        }
    }

    /** The notice founds the campaign every union studies (see FoundingCampaign), so the tree comes first. */
    public static synchronized void notice() {
        if (!noticeLoaded) {
            skeleton();
            Api.asProvinceAdmin().contentType("text/markdown; charset=UTF-8")
                    .body(noticeText().getBytes(StandardCharsets.UTF_8))
                    .post("/api/v1/admin/notices").then().statusCode(org.hamcrest.Matchers.oneOf(200, 201));
            noticeLoaded = true;
        }
    }

    public static String noticeText() {
        try {
            return Files.readString(NOTICE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Adds test-only unions under a parent, e.g. a grassroots union for JIT-provisioned workers. */
    public static void orgs(String csvRows) {
        Api.asProvinceAdmin()
                .multiPart("file", "orgs.csv", ("code,name,type,parent_code\n" + csvRows).getBytes(StandardCharsets.UTF_8),
                        "text/csv")
                .post("/api/v1/admin/orgs/import").then().statusCode(200);
    }
}
