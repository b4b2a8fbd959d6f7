package cn.qhzgh.study.demo;

import cn.qhzgh.study.content.NoticeSeeder;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.io.IOException;

/** The dev seed's first steps, when {@code study.seed.enabled}: the union tree with its workers, then the notice. */
@ApplicationScoped
class DemoFoundationSeeder {

    private final DemoSeedSettings settings;
    private final DemoOrgSeeder unions;
    private final NoticeSeeder notice;

    DemoFoundationSeeder(DemoSeedSettings settings, DemoOrgSeeder unions, NoticeSeeder notice) {
        this.settings = settings;
        this.unions = unions;
        this.notice = notice;
    }

    void seedUnions(@Observes @Priority(10) StartupEvent start) throws IOException {
        if (settings.enabled()) {
            unions.seed();
        }
    }

    /** The notice founds the campaign every union studies, so it comes after the tree. */
    void seedNotice(@Observes @Priority(20) StartupEvent start) {
        if (settings.enabled()) {
            notice.seed();
        }
    }
}
