package io.sei.operator.deploy;

import static io.sei.operator.deploy.DeployFiles.CHART;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBinding;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.sei.operator.config.ConfigOption;
import io.sei.operator.config.NodeAccess;
import io.sei.operator.config.PlatformConfig;
import io.sei.operator.testing.Fixtures;
import io.sei.operator.testing.RepoFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The Helm chart and the plain manifests say the same thing, and agree with the code. */
class ChartAndManifestsTest {

  static Stream<String> crdFiles() throws IOException {
    try (Stream<Path> files = Files.list(RepoFiles.root().resolve("deploy/crds"))) {
      return files.map(p -> p.getFileName().toString()).sorted().toList().stream();
    }
  }

  @ParameterizedTest
  @MethodSource("crdFiles")
  void theChartsCrdIsACopyOfDeployCrds(String file) {
    RepoFiles.assertCommittedCopy(CHART + "crds/" + file, RepoFiles.read("deploy/crds/" + file));
  }

  @Test
  void theChartCarriesNoOtherCrd() throws IOException {
    try (Stream<Path> files = Files.list(RepoFiles.root().resolve(CHART + "crds"))) {
      assertThat(files.map(p -> p.getFileName().toString())).hasSameElementsAs(crdFiles().toList());
    }
  }

  /** Set by the chart from its own values, not from {@code config}. */
  private static final Set<String> SET_BY_THE_CHART =
      Set.of(
          PlatformConfig.WATCH_NAMESPACES.variable(), PlatformConfig.OPERATOR_NAMESPACE.variable());

  @Test
  void theChartsRolesIncludeTheRulesFiles() {
    assertThat(RepoFiles.read(CHART + "templates/clusterrole.yaml"))
        .contains(
            "rules:\n{{ .Files.Get \"files/node-proxy-binding-rules.yaml\" }}\n"
                + "{{- if not .Values.watchNamespaces }}\n"
                + "{{ .Files.Get \"files/clusterrole-rules.yaml\" }}\n"
                + "{{- end }}");
    assertThat(RepoFiles.read(CHART + "templates/namespaced-roles.yaml"))
        .contains("{{- range .Values.watchNamespaces }}")
        .contains("rules:\n{{ $.Files.Get \"files/clusterrole-rules.yaml\" }}");
    assertThat(RepoFiles.read(CHART + "templates/node-proxy.yaml"))
        .contains("rules:\n{{ .Files.Get \"files/node-proxy-rules.yaml\" }}");
    assertThat(RepoFiles.read(CHART + "templates/leader-election-role.yaml"))
        .contains("rules:\n{{ .Files.Get \"files/leader-election-rules.yaml\" }}");
  }

  @Test
  void theManifestsClusterRoleHasTheChartsRules() {
    List<PolicyRule> expected =
        new ArrayList<>(DeployFiles.chartRules("files/node-proxy-binding-rules.yaml"));
    expected.addAll(DeployFiles.chartRules("files/clusterrole-rules.yaml"));
    assertThat(DeployFiles.manifest(ClusterRole.class, "sei-operator").getRules())
        .isEqualTo(expected);
    assertThat(DeployFiles.manifest(ClusterRole.class, NodeAccess.PROXY_ROLE).getRules())
        .isEqualTo(DeployFiles.chartRules("files/node-proxy-rules.yaml"));
  }

  @Test
  void theNodeProxyBindingComesWithoutSubjectsForTheOperatorToAdd() {
    ClusterRoleBinding binding =
        DeployFiles.manifest(ClusterRoleBinding.class, NodeAccess.PROXY_ROLE);
    assertThat(binding.getRoleRef().getName()).isEqualTo(NodeAccess.PROXY_ROLE);
    assertThat(binding.getSubjects()).isNullOrEmpty();
    assertThat(RepoFiles.read(CHART + "templates/node-proxy.yaml")).doesNotContain("subjects:");
  }

  @Test
  void aNodesProxyMayOnlyReviewTokensAndAccess() {
    assertThat(DeployFiles.chartRules("files/node-proxy-rules.yaml"))
        .extracting(r -> r.getApiGroups(), r -> r.getResources(), r -> r.getVerbs())
        .containsExactly(
            tuple(List.of("authentication.k8s.io"), List.of("tokenreviews"), List.of("create")),
            tuple(
                List.of("authorization.k8s.io"),
                List.of("subjectaccessreviews"),
                List.of("create")));
  }

  @Test
  void theOperatorsClusterScopedRightsAreLimitedToTheNodeProxyBinding() {
    assertThat(DeployFiles.chartRules("files/node-proxy-binding-rules.yaml"))
        .allSatisfy(r -> assertThat(r.getResourceNames()).containsExactly(NodeAccess.PROXY_ROLE))
        .extracting(r -> r.getResources(), r -> r.getVerbs())
        .containsExactly(
            tuple(List.of("clusterrolebindings"), List.of("get", "update")),
            tuple(List.of("clusterroles"), List.of("bind")));
  }

  @Test
  void theManifestsLeaderElectionRoleHasTheChartsRules() {
    assertThat(DeployFiles.manifest(Role.class).getRules())
        .isEqualTo(DeployFiles.chartRules("files/leader-election-rules.yaml"));
  }

  @Test
  void theManifestsEnvironmentIsTheChartsConfig() {
    Map<String, String> env =
        operator().getEnv().stream()
            .filter(e -> !SET_BY_THE_CHART.contains(e.getName()))
            .collect(
                Collectors.toMap(
                    EnvVar::getName, EnvVar::getValue, (a, b) -> a, LinkedHashMap::new));
    assertThat(env).isEqualTo(DeployFiles.chartConfig());
    Map<String, EnvVar> chartSet =
        operator().getEnv().stream()
            .filter(e -> SET_BY_THE_CHART.contains(e.getName()))
            .collect(Collectors.toMap(EnvVar::getName, e -> e));
    assertThat(chartSet.get(PlatformConfig.WATCH_NAMESPACES.variable()).getValue()).isEmpty();
    assertThat(
            chartSet
                .get(PlatformConfig.OPERATOR_NAMESPACE.variable())
                .getValueFrom()
                .getFieldRef()
                .getFieldPath())
        .isEqualTo("metadata.namespace");
    assertThat(RepoFiles.read(CHART + "templates/deployment.yaml"))
        .contains("value: {{ join \",\" .Values.watchNamespaces | quote }}");
  }

  @Test
  void theManifestsRunTheChartsImage() {
    @SuppressWarnings("unchecked")
    Map<String, String> image = (Map<String, String>) DeployFiles.values().get("image");
    assertThat(operator().getImage()).isEqualTo(image.get("repository") + ":" + image.get("tag"));
  }

  @Test
  void theChartConfiguresEveryPlatformOptionWithTheCodesDefault() {
    Map<String, String> config = DeployFiles.chartConfig();
    assertThat(config.keySet())
        .hasSameElementsAs(
            PlatformConfig.OPTIONS.stream()
                .map(ConfigOption::variable)
                .filter(v -> !SET_BY_THE_CHART.contains(v))
                .toList());
    PlatformConfig.OPTIONS.stream()
        .filter(o -> !o.isRequired())
        .filter(o -> !SET_BY_THE_CHART.contains(o.variable()))
        .forEach(
            o -> assertThat(config.get(o.variable())).as(o.variable()).isEqualTo(o.defaultValue()));
  }

  @Test
  void theChartsDefaultConfigIsValidOnceTheBucketsAreSet() {
    assertThatThrownBy(() -> PlatformConfig.fromEnvironment(DeployFiles.chartConfig()))
        .hasMessageStartingWith("SEI_GENESIS_BUCKET is required");
    Map<String, String> config = new HashMap<>(DeployFiles.chartConfig());
    // The chart leaves the bucket settings empty: the operator must be told them.
    Fixtures.REQUIRED_ENV.forEach(
        (variable, value) ->
            config.merge(variable, value, (chart, given) -> chart.isBlank() ? given : chart));
    assertThat(PlatformConfig.fromEnvironment(config).kubeRbacProxyImage())
        .isEqualTo("quay.io/brancz/kube-rbac-proxy:v0.19.1");
  }

  @Test
  void theOperatorServesMetricsAndHealthOnTheirPorts() {
    Container operator = operator();
    assertThat(operator.getPorts())
        .extracting(ContainerPort::getName, ContainerPort::getContainerPort)
        .containsExactly(tuple("metrics", 8080), tuple("health", 8081));
    assertThat(operator.getLivenessProbe().getHttpGet().getPath()).isEqualTo("/healthz");
    assertThat(operator.getLivenessProbe().getHttpGet().getPort().getStrVal()).isEqualTo("health");
    assertThat(operator.getReadinessProbe().getHttpGet().getPath()).isEqualTo("/readyz");
    assertThat(operator.getReadinessProbe().getHttpGet().getPort().getStrVal()).isEqualTo("health");
    Service metrics = DeployFiles.manifest(Service.class);
    assertThat(metrics.getSpec().getPorts())
        .extracting(p -> p.getPort(), p -> p.getTargetPort().getStrVal())
        .containsExactly(tuple(8080, "metrics"));
  }

  @Test
  void theOperatorMayCreateAndGetSeiNodeTasksForTheProxysAccessReview() {
    assertThat(verbs("sei.io", "seinodetasks")).containsExactlyInAnyOrder("create", "get");
  }

  @Test
  void theOperatorOnlyGetsSecretsAndOnlyReadsOrDeletesPods() {
    assertThat(verbs("", "secrets")).containsExactly("get");
    assertThat(verbs("", "pods")).containsExactlyInAnyOrder("get", "list", "delete");
  }

  @Test
  void theClusterRoleNamesEveryGroupResourceAndVerb() {
    assertThat(DeployFiles.chartRules("files/clusterrole-rules.yaml"))
        .allSatisfy(
            rule -> {
              assertThat(rule.getApiGroups()).doesNotContain("*");
              assertThat(rule.getResources()).doesNotContain("*");
              assertThat(rule.getVerbs()).doesNotContain("*");
            });
  }

  private static Container operator() {
    return DeployFiles.manifest(Deployment.class)
        .getSpec()
        .getTemplate()
        .getSpec()
        .getContainers()
        .get(0);
  }

  private static List<String> verbs(String group, String resource) {
    return DeployFiles.chartRules("files/clusterrole-rules.yaml").stream()
        .filter(r -> r.getApiGroups().contains(group) && r.getResources().contains(resource))
        .flatMap(r -> r.getVerbs().stream())
        .toList();
  }
}
