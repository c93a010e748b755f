package io.sei.operator.e2e.steps;

import io.cucumber.java.Scenario;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.sei.operator.api.SeiNode;
import io.sei.operator.api.SeiNodeDeployment;
import io.sei.operator.e2e.backend.ClusterBackend;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * What a failed scenario's report carries, collected before cleanup: every SeiNode and
 * SeiNodeDeployment (YAML, status with its plan), the namespace's events, each pod's status and the
 * last lines of each of its containers, and the operator's own events and log lines.
 */
final class Diagnostics {
  static final int LOG_LINES = 80;
  static final int OPERATOR_LOG_LINES = 300;
  private static final String TEXT = "text/plain";
  private static final String OPERATOR = "sei-operator";

  private final ScenarioSpace space;

  Diagnostics(ScenarioSpace space) {
    this.space = space;
  }

  void attachTo(Scenario scenario, ClusterBackend.LogCursor operatorLog) {
    String ns = space.namespace();
    attach(
        scenario,
        "SeiNodes (YAML)",
        yaml(space.client().resources(SeiNode.class).inNamespace(ns).list().getItems()));
    attach(
        scenario,
        "SeiNodeDeployments (YAML)",
        yaml(space.client().resources(SeiNodeDeployment.class).inNamespace(ns).list().getItems()));
    List<Event> events =
        space.client().v1().events().inNamespace(ns).list().getItems().stream()
            .sorted(
                Comparator.comparing(
                    Diagnostics::time, Comparator.nullsFirst(Comparator.naturalOrder())))
            .toList();
    attach(scenario, "events of " + ns, lines(events.stream().map(Diagnostics::describe)));
    attach(
        scenario,
        "events by the operator",
        lines(events.stream().filter(Diagnostics::byOperator).map(Diagnostics::describe)));
    List<Pod> pods = space.client().pods().inNamespace(ns).list().getItems();
    attach(scenario, "pod statuses", yaml(pods.stream().map(Diagnostics::statusOnly).toList()));
    for (Pod pod : pods) {
      containers(pod)
          .forEach(
              container ->
                  attach(
                      scenario,
                      "log " + pod.getMetadata().getName() + "/" + container,
                      lines(
                          space
                              .backend()
                              .containerLog(ns, pod.getMetadata().getName(), container, LOG_LINES)
                              .stream())));
    }
    attach(scenario, "operator log", lines(operatorLog.linesSince(OPERATOR_LOG_LINES).stream()));
  }

  private static void attach(Scenario scenario, String name, String text) {
    scenario.attach(text.isEmpty() ? "(none)" : text, TEXT, name);
  }

  private static String yaml(List<? extends HasMetadata> objects) {
    return objects.stream().map(Serialization::asYaml).collect(Collectors.joining());
  }

  private static String lines(Stream<String> lines) {
    return lines.collect(Collectors.joining("\n"));
  }

  private static Stream<String> containers(Pod pod) {
    return Stream.concat(
            pod.getSpec().getInitContainers().stream(), pod.getSpec().getContainers().stream())
        .map(c -> c.getName());
  }

  /** The pod's name, labels and status: what a reader needs to see why it is not serving. */
  private static Pod statusOnly(Pod pod) {
    Pod copy = new Pod();
    copy.setMetadata(pod.getMetadata());
    copy.getMetadata().setManagedFields(null);
    copy.setStatus(pod.getStatus());
    return copy;
  }

  private static String time(Event e) {
    return Stream.of(
            e.getLastTimestamp(),
            e.getEventTime() == null ? null : e.getEventTime().getTime(),
            e.getFirstTimestamp())
        .filter(Objects::nonNull)
        .findFirst()
        .orElse(null);
  }

  private static boolean byOperator(Event e) {
    return (e.getSource() != null && OPERATOR.equals(e.getSource().getComponent()))
        || OPERATOR.equals(e.getReportingComponent());
  }

  private static String describe(Event e) {
    return String.format(
        "%s %s %s %s/%s: %s",
        time(e),
        e.getType(),
        e.getReason(),
        e.getInvolvedObject().getKind(),
        e.getInvolvedObject().getName(),
        e.getMessage());
  }
}
