package cn.qhzgh.study.testsupport;

import io.quarkus.test.junit.callback.QuarkusTestBeforeClassCallback;
import io.restassured.RestAssured;

/** Registered as a service, so every {@code @QuarkusTest} class runs with contract validation; no test opts in. */
public class ContractValidationInstaller implements QuarkusTestBeforeClassCallback {

    @Override
    public void beforeClass(Class<?> testClass) {
        if (!RestAssured.filters().contains(ContractValidation.instance())) {
            RestAssured.filters(ContractValidation.instance());
        }
    }
}
