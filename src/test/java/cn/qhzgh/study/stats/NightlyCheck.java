package cn.qhzgh.study.stats;

import cn.qhzgh.study.testsupport.Api;
import cn.qhzgh.study.testsupport.Reconcile;
import io.quarkus.arc.Arc;
import io.restassured.path.json.JsonPath;

/** The scheduled check run on the test's thread, as the nightly scheduler runs it, and read back through the API. */
final class NightlyCheck {

    private NightlyCheck() {
    }

    static JsonPath run(CheckPlan.Kind kind) {
        ReconcileJob job = Arc.container().instance(ReconcileJobs.class).get().runHere("test", kind).orElseThrow();
        return Api.asProvinceAdmin().get(Reconcile.PATH + "/" + job.id()).then().statusCode(200).extract().jsonPath();
    }
}
