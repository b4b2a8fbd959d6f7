package cn.qhzgh.study.testsupport;

import io.restassured.RestAssured;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;

/** Shorthands for authenticated REST Assured requests. */
public final class Api {

    private Api() {
    }

    public static RequestSpecification as(String token) {
        return RestAssured.given().header("Authorization", "Bearer " + token);
    }

    public static RequestSpecification asProvinceAdmin() {
        return as(TestTokens.provinceAdmin());
    }

    /** A province admin's request that knowingly breaks the contract; only its response is validated. */
    public static RequestSpecification asProvinceAdminBreakingContract(String why) {
        return asProvinceAdmin().filter(ContractValidation.requestDeliberatelyBreaksContract(why));
    }

    /** Uploads {@code content} as multipart field {@code file} with a province admin's token. */
    public static ValidatableResponse upload(String path, String fileName, byte[] content, boolean dryRun) {
        return asProvinceAdmin().multiPart("file", fileName, content).post(path + "?dryRun=" + dryRun).then();
    }
}
