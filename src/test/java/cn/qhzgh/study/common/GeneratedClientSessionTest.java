package cn.qhzgh.study.common;

import cn.qhzgh.study.client.ApiClient;
import cn.qhzgh.study.client.ApiException;
import cn.qhzgh.study.client.api.ModulesApi;
import cn.qhzgh.study.client.api.OrgsApi;
import cn.qhzgh.study.client.api.ProgressApi;
import cn.qhzgh.study.client.api.QuizzesApi;
import cn.qhzgh.study.client.api.StatsApi;
import cn.qhzgh.study.client.model.AnswerRequest;
import cn.qhzgh.study.client.model.AttemptHistoryItem;
import cn.qhzgh.study.client.model.AttemptStarted;
import cn.qhzgh.study.client.model.Channel;
import cn.qhzgh.study.client.model.ChildrenView;
import cn.qhzgh.study.client.model.EventResult;
import cn.qhzgh.study.client.model.EventStatus;
import cn.qhzgh.study.client.model.ModuleDetail;
import cn.qhzgh.study.client.model.ModuleRecord;
import cn.qhzgh.study.client.model.ModuleSummary;
import cn.qhzgh.study.client.model.OrgFigures;
import cn.qhzgh.study.client.model.OrgTreeNode;
import cn.qhzgh.study.client.model.PageResultLaggard;
import cn.qhzgh.study.client.model.ProgressBatch;
import cn.qhzgh.study.client.model.ProgressEventInput;
import cn.qhzgh.study.client.model.QuizKind;
import cn.qhzgh.study.client.model.QuizSummary;
import cn.qhzgh.study.client.model.RecordsView;
import cn.qhzgh.study.client.model.SubmissionRequest;
import cn.qhzgh.study.client.model.SubmissionResult;
import cn.qhzgh.study.client.model.SummaryView;
import cn.qhzgh.study.testsupport.Campaign;
import cn.qhzgh.study.testsupport.ContractCheckedHttpClient;
import cn.qhzgh.study.testsupport.Fixtures;
import cn.qhzgh.study.testsupport.TestTokens;
import com.atlassian.oai.validator.restassured.OpenApiValidationFilter;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URL;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A worker's and an admin's session through the Java client generated from openapi/openapi.yaml at
 * generate-test-sources, as an app team would generate theirs: real tokens, the real database, the test port, and
 * every exchange checked against the contract. The build fails already when the contract cannot generate a client
 * that compiles.
 */
@QuarkusTest
class GeneratedClientSessionTest {

    private static final String INDUSTRY = "QH-GC";
    private static final String COUNTY = "QH-GC-C1";
    private static final String UNION = "QH-GC-C1-G1";
    private static final String WORKER = "gc-w1";

    private static boolean built;

    @TestHTTPResource("/")
    URL root;

    @BeforeEach
    void unions() {
        Fixtures.skeleton();
        Fixtures.notice();
        synchronized (GeneratedClientSessionTest.class) {
            if (!built) {
                Fixtures.orgs(INDUSTRY + ",【测试】客户端产业工会,INDUSTRY,QH\n"
                        + COUNTY + ",【测试】客户端县总工会,COUNTY," + INDUSTRY + "\n"
                        + UNION + ",【测试】客户端基层工会,GRASSROOTS," + COUNTY + "\n");
                built = true;
            }
        }
    }

    private ApiClient client(String token) {
        ApiClient client = new ApiClient(ContractCheckedHttpClient.builder(), ApiClient.createDefaultObjectMapper(),
                root.toString().replaceAll("/$", ""));
        client.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + token));
        return client;
    }

    @Test
    void aWorkerReadsSyncsTakesAQuizAndAnAdminReadsTheFigures() throws ApiException {
        ApiClient worker = client(TestTokens.worker(WORKER, UNION));
        QuizzesApi quizzes = new QuizzesApi(worker);

        List<ModuleSummary> modules = new ModulesApi(worker).listModules();
        assertThat(modules).isNotEmpty().allSatisfy(m -> assertThat(m.getPercent()).isZero());
        QuizSummary quiz = quizzes.listQuizzes(null).stream().filter(q -> q.getKind() == QuizKind.MODULE)
                .filter(q -> modules.stream().anyMatch(m -> m.getCode().equals(q.getModuleCode())))
                .findFirst().orElseThrow();
        ModuleSummary listed = modules.stream().filter(m -> m.getCode().equals(quiz.getModuleCode())).findFirst()
                .orElseThrow();
        ModuleDetail module = new ModulesApi(worker).getModule(listed.getId(), null);
        assertThat(module.getParagraphs()).isNotEmpty();
        assertThat(module.getContentHash()).hasSize(64);

        int seconds = module.getReadingMinutes() * 60;
        EventResult synced = new ProgressApi(worker).syncProgress(new ProgressBatch().events(List.of(new ProgressEventInput()
                .eventId(UUID.randomUUID()).moduleId(module.getId()).percent(100).secondsSpent(seconds)
                .occurredAt(OffsetDateTime.now(ZoneOffset.ofHours(8)).minusMinutes(1)).channel(Channel.APP))))
                .getResults().get(0);
        assertThat(synced.getStatus()).isEqualTo(EventStatus.ACCEPTED);
        assertThat(synced.getCreditedSeconds()).isEqualTo(seconds);

        AttemptStarted attempt = quizzes.startAttempt(quiz.getId());
        assertThat(attempt.getQuestions()).isNotEmpty();
        List<AnswerRequest> answers = attempt.getQuestions().stream().map(q -> new AnswerRequest()
                .questionId(q.getQuestionId())
                .response(List.of(q.getOptions().isEmpty() ? "不知道" : q.getOptions().get(0).getKey()))).toList();
        SubmissionResult submitted = quizzes.submitAnswers(attempt.getAttemptId(), UUID.randomUUID().toString(),
                new SubmissionRequest().answers(answers));
        assertThat(submitted.getResults()).hasSize(answers.size());
        assertThat(submitted.getScore()).isBetween(0, 100);

        RecordsView mine = new ProgressApi(worker).getMyRecords(null);
        ModuleRecord record = mine.getModules().stream().filter(m -> m.getModuleId().equals(module.getId()))
                .findFirst().orElseThrow();
        assertThat(record.getPercent()).isEqualTo(100);
        assertThat(record.getSecondsSpent()).isEqualTo(seconds);
        assertThat(quizzes.listMyAttempts()).extracting(AttemptHistoryItem::getAttemptId)
                .containsExactly(attempt.getAttemptId());
        assertThatThrownBy(() -> new StatsApi(worker).getOrgSummary(UNION, null))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.getCode()).isEqualTo(403);
                    assertThat(e.getResponseBody()).contains("urn:qhzgh:study:problem:");
                });

        ApiClient admin = client(TestTokens.orgAdmin("gc-admin", INDUSTRY));
        StatsApi stats = new StatsApi(admin);
        SummaryView summary = stats.getOrgSummary(INDUSTRY, null);
        assertThat(summary.getDocNumber()).isEqualTo(Campaign.DOC_NUMBER);
        assertThat(summary.getCampaignTitle()).isEqualTo("学习宣传贯彻党的二十大精神");
        OrgFigures industry = summary.getFigures();
        assertThat(industry.getCode()).isEqualTo(INDUSTRY);
        assertThat(industry.getWorkers()).isEqualTo(1);
        assertThat(industry.getStarted()).isEqualTo(1);
        assertThat(industry.getSecondsSpentTotal()).isEqualTo(seconds);
        ChildrenView children = stats.listOrgChildren(INDUSTRY, null, "desc", "workers");
        assertThat(children.getDocNumber()).isEqualTo(Campaign.DOC_NUMBER);
        OrgFigures county = children.getChildren().get(0);
        assertThat(county.getCode()).isEqualTo(COUNTY);
        assertThat(county.getWorkers()).isEqualTo(industry.getWorkers());
        assertThat(county.getSecondsSpentTotal()).isEqualTo(industry.getSecondsSpentTotal());
        PageResultLaggard laggards = stats.listOrgLaggards(INDUSTRY, null, 0, 50);
        assertThat(laggards.getTotal()).isEqualTo(1);
        assertThat(laggards.getItems().get(0).getExternalId()).isEqualTo(WORKER);
        OrgTreeNode tree = new OrgsApi(admin).getOrgTree(INDUSTRY, null);
        assertThat(tree.getChildren()).extracting(OrgTreeNode::getCode).containsExactly(COUNTY);
        assertThat(new ProgressApi(admin).getWorkerRecords(WORKER, null).getModules()).isEqualTo(mine.getModules());
    }

    @Test
    void aGeneratedClientCallTheContractForbidsFails() {
        ApiClient worker = client(TestTokens.worker("gc-w2", UNION));
        ProgressBatch outOfRange = new ProgressBatch().events(List.of(new ProgressEventInput().eventId(UUID.randomUUID())
                .moduleId(1L).percent(101).secondsSpent(5).occurredAt(OffsetDateTime.now()).channel(Channel.APP)));
        assertThatThrownBy(() -> new ProgressApi(worker).syncProgress(outOfRange))
                .isInstanceOf(OpenApiValidationFilter.OpenApiValidationException.class)
                .hasMessageContaining("validation.request.body.schema.maximum");
    }
}
