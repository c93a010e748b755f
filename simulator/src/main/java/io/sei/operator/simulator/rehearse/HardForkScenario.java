package io.sei.operator.simulator.rehearse;

import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.sei.operator.api.Conditions;
import io.sei.operator.api.DeploymentPhase;
import io.sei.operator.api.FullNodeSpec;
import io.sei.operator.api.HardForkStrategy;
import io.sei.operator.api.PeerSource;
import io.sei.operator.api.S3Snapshot;
import io.sei.operator.api.SeiNode;
import io.sei.operator.api.SeiNodeDeployment;
import io.sei.operator.api.SeiNodeDeploymentSpec;
import io.sei.operator.api.SeiNodeDeploymentStatus;
import io.sei.operator.api.SeiNodeSpec;
import io.sei.operator.api.SeiNodeTemplate;
import io.sei.operator.api.SnapshotSource;
import io.sei.operator.api.StaticPeers;
import io.sei.operator.api.UpdateStrategy;
import io.sei.operator.api.UpdateStrategyType;
import io.sei.operator.simulator.chain.ChainConfig;
import io.sei.operator.simulator.chain.Upgrade;
import io.sei.operator.simulator.rehearse.Report.Crash;
import io.sei.operator.simulator.rehearse.Report.Expectation;
import io.sei.operator.simulator.rehearse.Report.NodeTimeline;
import io.sei.operator.simulator.version.SemVer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code rehearse hard-fork}: a SeiNodeDeployment of full nodes on the old image with a HardFork
 * strategy at the upgrade height; the template switched to the new image; the operator bootstraps
 * entrants on the old image to height H-1 from the chain's snapshots, starts them on the new image
 * (which applies the upgrade and carries the halted chain on), switches the Service to them and
 * tears the incumbents down.
 */
final class HardForkScenario implements Scenario {
  static final String DEPLOYMENT = "pacific";
  static final String CHAIN_ID = "pacific-1";

  /**
   * @param upgradeName the chain's upgrade: binaries whose version is at least this have its
   *     handler
   * @param addsStores the upgrade adds stores ({@code NAME@H+stores}): the new binary needs the old
   *     one's upgrade-info.json, so the HardFork strategy names the upgrade
   */
  record Settings(
      int replicas,
      String from,
      String to,
      String upgradeName,
      long upgradeHeight,
      boolean addsStores) {}

  private final Settings settings;
  private final long blockTimeMs;
  private final long snapshotInterval;
  private final SemVer toVersion;
  private String incumbentHash;
  private List<String> incumbents = List.of();

  /** Validates the input; an {@link IllegalArgumentException} is bad input, in one line. */
  HardForkScenario(Settings settings, long blockTimeMs, long snapshotInterval) {
    if (settings.replicas() < 1) {
      throw new IllegalArgumentException(
          "--replicas must be at least 1 (got " + settings.replicas() + ")");
    }
    SemVer fromVersion = Images.version("--from", settings.from());
    this.toVersion = Images.version("--to", settings.to());
    Upgrade upgrade;
    try {
      upgrade = Upgrade.parse(upgradeSpec(settings));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("--upgrade-height/--upgrade-name: " + e.getMessage());
    }
    if (settings.upgradeHeight() - 1 < snapshotInterval) {
      throw new IllegalArgumentException(
          "--upgrade-height "
              + settings.upgradeHeight()
              + " is too low: entrants restore a snapshot at or below "
              + (settings.upgradeHeight() - 1)
              + " and the chain takes its first at "
              + snapshotInterval
              + " (--snapshot-interval)");
    }
    if (upgrade.handledBy(fromVersion)) {
      throw new IllegalArgumentException(
          "--from "
              + settings.from()
              + " already has the upgrade "
              + upgrade.name()
              + ": a hard fork goes from a version without it (incumbents would panic BINARY"
              + " UPDATED BEFORE TRIGGER)");
    }
    this.settings = settings;
    this.blockTimeMs = blockTimeMs;
    this.snapshotInterval = snapshotInterval;
  }

  @Override
  public String name() {
    return "hard-fork";
  }

  @Override
  public Map<String, Object> parameters() {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("replicas", settings.replicas());
    p.put("from", settings.from());
    p.put("to", settings.to());
    p.put("upgradeName", settings.upgradeName());
    p.put("upgradeHeight", settings.upgradeHeight());
    p.put("upgradeAddsStores", settings.addsStores());
    p.put("toHasUpgrade", upgrade().handledBy(toVersion));
    return p;
  }

  private static String upgradeSpec(Settings settings) {
    return settings.upgradeName()
        + "@"
        + settings.upgradeHeight()
        + (settings.addsStores() ? "+stores" : "");
  }

  private Upgrade upgrade() {
    return Upgrade.parse(upgradeSpec(settings));
  }

  @Override
  public ChainConfig chain(String listen) {
    return new ChainConfig(listen, blockTimeMs, List.of(upgrade()), snapshotInterval, null);
  }

  @Override
  public String service() {
    return DEPLOYMENT;
  }

  @Override
  public int servingEndpoints() {
    return settings.replicas();
  }

  @Override
  public void setUp(Session s) throws RehearsalException {
    if (!upgrade().handledBy(toVersion)) {
      s.progress.line(
          "note: --to "
              + settings.to()
              + " lacks the upgrade "
              + settings.upgradeName()
              + ": its nodes will panic at height "
              + settings.upgradeHeight());
    }
    s.await(
        "the chain's first snapshot (height " + snapshotInterval + ")",
        s.timeout,
        () -> chainHeight(s),
        h -> h >= snapshotInterval,
        Session.neverFails());
    SeiNodeDeployment snd = new SeiNodeDeployment();
    snd.setMetadata(
        new ObjectMetaBuilder().withName(DEPLOYMENT).withNamespace(s.namespace).build());
    snd.setSpec(
        new SeiNodeDeploymentSpec()
            .withReplicas(settings.replicas())
            .withUpdateStrategy(strategy())
            .withTemplate(new SeiNodeTemplate().withSpec(template(s))));
    s.client.resource(snd).create();
    s.progress.line(
        "created SeiNodeDeployment "
            + DEPLOYMENT
            + ": "
            + settings.replicas()
            + " full node(s) on "
            + settings.from()
            + ", HardFork at height "
            + settings.upgradeHeight());
    SeiNodeDeployment ready =
        s.await(
            "SeiNodeDeployment " + DEPLOYMENT + " Ready",
            s.timeout,
            () -> deployment(s),
            d ->
                d.getStatus() != null
                    && d.getStatus().getPhase() == DeploymentPhase.Ready
                    && d.getStatus().getPlan() == null,
            d -> tooLate(s).or(() -> failed(d)).orElse(null));
    incumbentHash = ready.getStatus().getTemplateHash();
    incumbents = List.copyOf(ready.getStatus().getIncumbentNodes());
    Optional<RehearsalException> late = tooLate(s);
    if (late.isPresent()) {
      throw late.get();
    }
  }

  private SeiNodeSpec template(Session s) {
    return new SeiNodeSpec()
        .withChainId(CHAIN_ID)
        .withImage(settings.from())
        .withPeers(
            List.of(
                new PeerSource()
                    .withStaticPeers(new StaticPeers().withAddresses(List.of(s.chainPeer())))))
        .withFullNode(
            new FullNodeSpec()
                .withSnapshot(
                    new SnapshotSource()
                        .withS3(new S3Snapshot().withTargetHeight(settings.upgradeHeight() - 1))
                        .withTrustPeriod("168h")));
  }

  /** With stores added, the rollout names the upgrade, so entrants bootstrap into its stop. */
  private UpdateStrategy strategy() {
    HardForkStrategy hardFork = new HardForkStrategy().withHaltHeight(settings.upgradeHeight());
    if (settings.addsStores()) {
      hardFork.setUpgradeName(settings.upgradeName());
    }
    return new UpdateStrategy().withType(UpdateStrategyType.HardFork).withHardFork(hardFork);
  }

  /** Bad input found late: the chain reached the height before the upgrade could be rehearsed. */
  private Optional<RehearsalException> tooLate(Session s) {
    long height = chainHeight(s);
    if (height < settings.upgradeHeight() - 1) {
      return Optional.empty();
    }
    return Optional.of(
        new RehearsalException(
            RehearsalException.Kind.BAD_INPUT,
            "--upgrade-height "
                + settings.upgradeHeight()
                + " is not above the chain's current height "
                + height
                + " before the group was ready for the change ("
                + s.recorder.now() / 1000
                + " s into the rehearsal): raise --upgrade-height (the chain makes a block every "
                + blockTimeMs
                + " ms from the moment the operator is up) or --block-time-ms"));
  }

  private static Optional<RehearsalException> failed(SeiNodeDeployment d) {
    if (d.getStatus() == null
        || (d.getStatus().getPhase() != DeploymentPhase.Degraded
            && d.getStatus().getPhase() != DeploymentPhase.Failed)) {
      return Optional.empty();
    }
    String why =
        Recorder.condition(d.getStatus().getConditions(), Conditions.ROLLOUT_IN_PROGRESS)
            .map(Condition::getMessage)
            .orElse("no RolloutInProgress message");
    return Optional.of(
        Session.notMet(
            "SeiNodeDeployment " + DEPLOYMENT + " " + d.getStatus().getPhase() + ": " + why));
  }

  @Override
  public String change(Session s) {
    s.client
        .resources(SeiNodeDeployment.class)
        .inNamespace(s.namespace)
        .withName(DEPLOYMENT)
        .edit(
            d -> {
              d.getSpec().getTemplate().getSpec().setImage(settings.to());
              d.getSpec().setUpdateStrategy(strategy());
              return d;
            });
    return "SeiNodeDeployment "
        + DEPLOYMENT
        + " template image "
        + settings.from()
        + " -> "
        + settings.to()
        + " (HardFork, haltHeight "
        + settings.upgradeHeight()
        + ") at chain height "
        + chainHeight(s);
  }

  @Override
  public void awaitDone(Session s) throws RehearsalException {
    s.await(
        "the hard fork rollout of " + DEPLOYMENT,
        s.timeout,
        () -> deployment(s),
        d ->
            d.getStatus() != null
                && d.getStatus().getPhase() == DeploymentPhase.Ready
                && d.getStatus().getPlan() == null
                && !Objects.equals(d.getStatus().getTemplateHash(), incumbentHash),
        d -> failed(d).orElse(null));
  }

  @Override
  public void settle(Session s, long settleBlocks) throws RehearsalException {
    long target = Math.max(settings.upgradeHeight(), chainHeight(s)) + settleBlocks;
    s.await(
        "the chain at height " + target,
        s.timeout,
        () -> chainHeight(s),
        h -> h >= target,
        Session.neverFails());
  }

  @Override
  public String role(String node, boolean existedBeforeChange) {
    return existedBeforeChange ? "incumbent" : "entrant";
  }

  /**
   * Only the old seid stopping at the upgrade it lacks: an incumbent's, and — when the rollout
   * names the upgrade — an entrant's bootstrap pod's, which is how its bootstrap ends.
   */
  @Override
  public boolean expected(Crash crash, String role) {
    boolean stopsForTheUpgrade =
        crash.container().equals("seid")
            && crash
                .message()
                .contains(
                    "UPGRADE \""
                        + settings.upgradeName()
                        + "\" NEEDED at height: "
                        + settings.upgradeHeight());
    boolean bootstrap = crash.pod().startsWith(crash.node() + "-bootstrap-");
    return stopsForTheUpgrade && (role.equals("incumbent") || (settings.addsStores() && bootstrap));
  }

  @Override
  public List<Expectation> expectations(Session s, Recorder.Observations seen, String failure) {
    List<Expectation> list = new ArrayList<>();
    SeiNodeDeployment d = deployment(s);
    SeiNodeDeploymentStatus status = d == null ? null : d.getStatus();
    list.add(
        new Expectation(
            "rollout-complete",
            "SeiNodeDeployment " + DEPLOYMENT + " Ready on a new revision, plan finished",
            failure == null,
            failure == null
                ? "Ready on revision "
                    + status.getTemplateHash()
                    + " (was "
                    + incumbentHash
                    + "), nodes "
                    + String.join(", ", status.getIncumbentNodes())
                : failure));
    List<String> serving =
        status == null
            ? List.of()
            : Objects.requireNonNullElse(status.getIncumbentNodes(), List.of());
    List<String> wrong = new ArrayList<>();
    for (String name : serving) {
      SeiNode node =
          s.client.resources(SeiNode.class).inNamespace(s.namespace).withName(name).get();
      String image =
          node == null || node.getStatus() == null ? null : node.getStatus().getCurrentImage();
      if (!settings.to().equals(image)) {
        wrong.add(name + " runs " + image);
      }
    }
    boolean newImage = failure == null && wrong.isEmpty() && serving.size() == settings.replicas();
    list.add(
        new Expectation(
            "serving-new-image",
            settings.replicas()
                + " serving node(s), each with status.currentImage "
                + settings.to(),
            newImage,
            newImage
                ? String.join(", ", serving) + " run " + settings.to()
                : "serving: "
                    + (serving.isEmpty() ? "none" : String.join(", ", serving))
                    + (wrong.isEmpty() ? "" : "; " + String.join("; ", wrong))));
    List<String> left =
        incumbents.stream()
            .filter(
                n ->
                    s.client.resources(SeiNode.class).inNamespace(s.namespace).withName(n).get()
                        != null)
            .toList();
    list.add(
        new Expectation(
            "incumbents-torn-down",
            "the incumbents " + String.join(", ", incumbents) + " are deleted",
            left.isEmpty(),
            left.isEmpty() ? "all deleted" : "still there: " + String.join(", ", left)));
    Long switched = seen.selectorSwitchedAt().get(DEPLOYMENT);
    Long firstTeardown =
        seen.nodes().stream()
            .filter(n -> incumbents.contains(n.name()))
            .map(NodeTimeline::deletingAt)
            .filter(Objects::nonNull)
            .min(Long::compare)
            .orElse(null);
    boolean ordered = switched != null && firstTeardown != null && switched <= firstTeardown;
    list.add(
        new Expectation(
            "traffic-before-teardown",
            "the Service selects the entrants before any incumbent is deleted",
            ordered,
            switched == null
                ? "the Service's selector never changed"
                : firstTeardown == null
                    ? "selector switched at "
                        + Progress.seconds(switched)
                        + "; no incumbent was deleted"
                    : "selector switched at "
                        + Progress.seconds(switched)
                        + ", first incumbent deleted at "
                        + Progress.seconds(firstTeardown)));
    long finalHeight = seen.chain().finalHeight();
    boolean past = finalHeight >= settings.upgradeHeight();
    list.add(
        new Expectation(
            "chain-past-upgrade",
            "the chain produced the upgrade height " + settings.upgradeHeight() + " and beyond",
            past,
            "chain height " + finalHeight + (past ? "" : " (halted before the upgrade)")));
    return list;
  }

  private static long chainHeight(Session s) {
    return s.chainHeightNow();
  }

  private static SeiNodeDeployment deployment(Session s) {
    return s.client
        .resources(SeiNodeDeployment.class)
        .inNamespace(s.namespace)
        .withName(DEPLOYMENT)
        .get();
  }
}
