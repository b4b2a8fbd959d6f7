package cn.qhzgh.study.deploy;

import cn.qhzgh.study.security.JwtConfigCheck;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Parses every manifest under k8s/ with the fabric8 model and checks it against the app's own configuration. */
class KubernetesManifestsTest {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Path K8S = Path.of("k8s");
    private static final Map<String, Class<? extends HasMetadata>> KINDS = Map.of(
            "Deployment", Deployment.class, "Service", Service.class, "ConfigMap", ConfigMap.class,
            "Secret", Secret.class, "HorizontalPodAutoscaler", HorizontalPodAutoscaler.class,
            "PodDisruptionBudget", PodDisruptionBudget.class, "NetworkPolicy", NetworkPolicy.class);

    private static List<Path> manifests() throws IOException {
        try (Stream<Path> files = Files.walk(K8S)) {
            return files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList();
        }
    }

    private static <T> T parse(Path file, Class<T> type) throws IOException {
        return YAML.readValue(file.toFile(), type);
    }

    @Test
    void everyManifestParsesWithoutUnknownFieldsAndEveryKustomizationReferenceExists() throws IOException {
        List<String> problems = new ArrayList<>();
        for (Path file : manifests()) {
            JsonNode tree = YAML.readTree(file.toFile());
            String kind = tree.path("kind").asText();
            if (kind.equals("Kustomization")) {
                for (String field : List.of("resources", "patches")) {
                    tree.path(field).forEach(entry -> {
                        String ref = entry.isTextual() ? entry.asText() : entry.path("path").asText();
                        if (!Files.exists(file.getParent().resolve(ref))) {
                            problems.add(file + ": " + field + " names missing " + ref);
                        }
                    });
                }
                continue;
            }
            Class<? extends HasMetadata> type = KINDS.get(kind);
            if (type == null) {
                problems.add(file + ": unexpected kind " + kind);
                continue;
            }
            ManifestWalker.collectUnknownFields(parse(file, type), file + ":" + kind, problems);
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void deploymentMatchesTheAppsHealthPortAndSecurityBaseline() throws IOException {
        Deployment deployment = parse(K8S.resolve("base/deployment.yaml"), Deployment.class);
        assertThat(deployment.getSpec().getReplicas()).isGreaterThanOrEqualTo(2);
        Container app = deployment.getSpec().getTemplate().getSpec().getContainers().get(0);
        int port = Integer.parseInt(appProperties().getProperty("quarkus.http.port"));
        assertThat(app.getPorts()).anySatisfy(p -> {
            assertThat(p.getName()).isEqualTo("http");
            assertThat(p.getContainerPort()).isEqualTo(port);
        });
        int management = Integer.parseInt(appProperties().getProperty("quarkus.management.port"));
        assertThat(app.getPorts()).anySatisfy(p -> {
            assertThat(p.getName()).isEqualTo("management");
            assertThat(p.getContainerPort()).isEqualTo(management);
        });
        assertThat(deployment.getSpec().getTemplate().getMetadata().getAnnotations())
                .containsEntry("prometheus.io/port", String.valueOf(management))
                .containsEntry("prometheus.io/path", "/q/metrics");
        assertProbe(app.getStartupProbe(), "/q/health/started");
        assertProbe(app.getReadinessProbe(), "/q/health/ready");
        assertProbe(app.getLivenessProbe(), "/q/health/live");
        assertThat(app.getResources().getRequests()).containsKeys("cpu", "memory");
        assertThat(app.getSecurityContext().getRunAsNonRoot()).isTrue();
        assertThat(app.getSecurityContext().getReadOnlyRootFilesystem()).isTrue();
        assertThat(app.getSecurityContext().getAllowPrivilegeEscalation()).isFalse();
        assertThat(app.getSecurityContext().getCapabilities().getDrop()).contains("ALL");
        assertThat(app.getVolumeMounts()).anySatisfy(m -> assertThat(m.getMountPath()).isEqualTo("/tmp"));
        ConfigMap config = parse(K8S.resolve("base/configmap.yaml"), ConfigMap.class);
        assertThat(config.getData()).containsEntry("QUARKUS_HTTP_PORT", String.valueOf(port))
                .containsEntry("QUARKUS_MANAGEMENT_PORT", String.valueOf(management));
    }

    @Test
    void podsHaveAMemoryLimitButNoCpuQuotaAndTheJvmIsToldItsProcessors() throws IOException {
        for (String file : List.of("base/deployment.yaml", "overlays/dev/deployment-patch.yaml",
                "overlays/prod/deployment-patch.yaml")) {
            Container app = parse(K8S.resolve(file), Deployment.class).getSpec().getTemplate().getSpec()
                    .getContainers().get(0);
            assertThat(app.getResources().getLimits()).as(file).containsOnlyKeys("memory");
            assertThat(app.getResources().getRequests()).as(file).containsKeys("cpu", "memory")
                    .containsEntry("memory", app.getResources().getLimits().get("memory"));
        }
        ConfigMap config = parse(K8S.resolve("base/configmap.yaml"), ConfigMap.class);
        assertThat(config.getData().get("JDK_JAVA_OPTIONS")).matches("-XX:ActiveProcessorCount=[1-9][0-9]*");
        assertThat(Files.readString(Path.of("Dockerfile"))).as("the java launcher reads JDK_JAVA_OPTIONS")
                .containsPattern("(?m)^ENTRYPOINT \\[\"java\", ");
    }

    @Test
    void theManagementPortIsNeitherAServicePortNorOpenToIngress() throws IOException {
        Properties app = appProperties();
        assertThat(app.getProperty("quarkus.management.enabled")).isEqualTo("true");
        int management = Integer.parseInt(app.getProperty("quarkus.management.port"));
        int http = Integer.parseInt(app.getProperty("quarkus.http.port"));
        assertThat(management).isNotEqualTo(http);
        Service service = parse(K8S.resolve("base/service.yaml"), Service.class);
        assertThat(service.getSpec().getPorts()).allSatisfy(p -> {
            assertThat(p.getPort()).isNotEqualTo(management);
            assertThat(String.valueOf(p.getTargetPort().getValue())).isNotIn("management", String.valueOf(management));
        });
        NetworkPolicy policy = parse(K8S.resolve("base/networkpolicy.yaml"), NetworkPolicy.class);
        assertThat(policy.getSpec().getIngress()).filteredOn(rule -> rule.getPorts().stream()
                .anyMatch(p -> p.getPort().getIntVal() == management)).singleElement().satisfies(rule ->
                assertThat(rule.getFrom()).singleElement().satisfies(peer -> {
                    assertThat(peer.getIpBlock()).isNull();
                    assertThat(peer.getNamespaceSelector().getMatchLabels())
                            .containsEntry("kubernetes.io/metadata.name", "monitoring");
                }));
    }

    @Test
    void everyRequiredSettingComesFromTheConfigMapOrTheSecret() throws IOException {
        Deployment deployment = parse(K8S.resolve("base/deployment.yaml"), Deployment.class);
        Container app = deployment.getSpec().getTemplate().getSpec().getContainers().get(0);
        ConfigMap config = parse(K8S.resolve("base/configmap.yaml"), ConfigMap.class);
        Secret secret = parse(K8S.resolve("base/secret.yaml"), Secret.class);
        Set<String> provided = new HashSet<>(config.getData().keySet());
        for (EnvVar env : app.getEnv()) {
            String key = env.getValueFrom().getSecretKeyRef().getKey();
            boolean inSecret = (secret.getStringData() != null && secret.getStringData().containsKey(key))
                    || (secret.getData() != null && secret.getData().containsKey(key));
            if (inSecret) {
                provided.add(env.getName());
            }
        }
        List<String> required = new ArrayList<>(List.of("QUARKUS_DATASOURCE_JDBC_URL", "QUARKUS_DATASOURCE_USERNAME",
                "QUARKUS_DATASOURCE_PASSWORD"));
        JwtConfigCheck.REQUIRED.forEach(key -> required.add(JwtConfigCheck.envName(key)));
        assertThat(provided).containsAll(required);
    }

    @Test
    void autoscalingDisruptionBudgetAndNetworkPolicyAreInPlace() throws IOException {
        HorizontalPodAutoscaler hpa = parse(K8S.resolve("base/hpa.yaml"), HorizontalPodAutoscaler.class);
        assertThat(hpa.getSpec().getMetrics()).anySatisfy(m -> assertThat(m.getResource().getName()).isEqualTo("cpu"));
        assertThat(parse(K8S.resolve("base/pdb.yaml"), PodDisruptionBudget.class).getSpec()).isNotNull();
        NetworkPolicy policy = parse(K8S.resolve("base/networkpolicy.yaml"), NetworkPolicy.class);
        assertThat(policy.getSpec().getPolicyTypes()).containsExactlyInAnyOrder("Ingress", "Egress");
        assertThat(policy.getSpec().getIngress().stream().flatMap(r -> r.getPorts().stream())
                .map(p -> p.getPort().getIntVal())).containsExactlyInAnyOrder(8080, 9000);
        assertThat(policy.getSpec().getEgress().stream().flatMap(r -> r.getPorts().stream())
                .map(p -> p.getPort().getIntVal())).containsOnly(3306, 53);
    }

    @Test
    void aMisspeltFieldIsCaught() throws IOException {
        Deployment typo = YAML.readValue("""
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: x}
                spec:
                  replicas: 2
                  template:
                    spec:
                      containers:
                        - name: x
                          readinesProbe: {httpGet: {path: /q/health/ready, port: http}}
                """, Deployment.class);
        List<String> unknown = new ArrayList<>();
        ManifestWalker.collectUnknownFields(typo, "typo", unknown);
        assertThat(unknown).singleElement().asString().endsWith("containers[0].readinesProbe");
    }

    private static void assertProbe(Probe probe, String path) {
        assertThat(probe.getHttpGet().getPath()).isEqualTo(path);
        assertThat(probe.getHttpGet().getPort().getStrVal()).isEqualTo("http");
    }

    private static Properties appProperties() throws IOException {
        Properties properties = new Properties();
        try (var in = Files.newBufferedReader(Path.of("src/main/resources/application.properties"))) {
            properties.load(in);
        }
        return properties;
    }
}
