package cn.qhzgh.study.testsupport;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;

/** Registers the throwaway MariaDB for every @QuarkusTest in the suite. */
@WithTestResource(value = MariaDbTestResource.class, scope = TestResourceScope.GLOBAL)
public final class MariaDb {

    private MariaDb() {
    }
}
