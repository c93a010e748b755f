package io.sei.operator.simulator.rehearse;

import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.sei.operator.api.Conditions;
import io.sei.operator.api.KeySource;
import io.sei.operator.api.NodePhase;
import io.sei.operator.api.PeerSource;
import io.sei.operator.api.SecretKeySource;
import io.sei.operator.api.SeiNode;
import io.sei.operator.api.SeiNodeSpec;
import io.sei.operator.api.SeiNodeStatus;
import io.sei.operator.api.StaticPeers;
import io.sei.operator.api.ValidatorSpec;
import io.sei.operator.simulator.chain.ChainConfig;
import io.sei.operator.simulator.rehearse.Report.Crash;
import io.sei.operator.simulator.rehearse.Report.Expectation;
import io.sei.operator.simulator.rehearse.Report.NodeTimeline;
import io.sei.operator.simulator.rehearse.Report.Signing;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code rehearse signing-key-cutover}: a validator SeiNode running as an observer (no signing
 * key); then a signing key and a node key are put into Secrets and patched into {@code
 * spec.validator}: one node-update plan, exactly one pod cycle, the key mounted, the node signs.
 */
final class SigningKeyCutoverScenario implements Scenario {
  static final String NODE = "validator";
  static final String SIGNING_SECRET = NODE + "-signing-key";
  static final String NODE_KEY_SECRET = NODE + "-node-key";
  static final String CHAIN_ID = "pacific-1";

  private final String image;
  private final long maxMissedBlocks;
  private final long blockTimeMs;
  private final long snapshotInterval;
  private String address;

  SigningKeyCutoverScenario(
      String image, long maxMissedBlocks, long blockTimeMs, long snapshotInterval) {
    Images.version("--image", image);
    if (maxMissedBlocks < 0) {
      throw new IllegalArgumentException("--max-missed-blocks must not be negative");
    }
    this.image = image;
    this.maxMissedBlocks = maxMissedBlocks;
    this.blockTimeMs = blockTimeMs;
    this.snapshotInterval = snapshotInterval;
  }

  @Override
  public String name() {
    return "signing-key-cutover";
  }

  @Override
  public Map<String, Object> parameters() {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("image", image);
    p.put("maxMissedBlocks", maxMissedBlocks);
    return p;
  }

  @Override
  public ChainConfig chain(String listen) {
    return new ChainConfig(listen, blockTimeMs, List.of(), snapshotInterval, null);
  }

  @Override
  public String service() {
    return NODE;
  }

  @Override
  public int servingEndpoints() {
    return 1;
  }

  @Override
  public void setUp(Session s) throws RehearsalException {
    SeiNode node = new SeiNode();
    node.setMetadata(new ObjectMetaBuilder().withName(NODE).withNamespace(s.namespace).build());
    node.setSpec(
        new SeiNodeSpec()
            .withChainId(CHAIN_ID)
            .withImage(image)
            .withPeers(
                List.of(
                    new PeerSource()
                        .withStaticPeers(new StaticPeers().withAddresses(List.of(s.chainPeer())))))
            .withValidator(new ValidatorSpec()));
    s.client.resource(node).create();
    s.progress.line(
        "created SeiNode " + NODE + ": a validator on " + image + " without keys (observer)");
    s.await(
        "SeiNode " + NODE + " Running",
        s.timeout,
        () -> node(s),
        n -> n.getStatus() != null && n.getStatus().getPhase() == NodePhase.Running,
        n ->
            n.getStatus() != null && n.getStatus().getPhase() == NodePhase.Failed
                ? Session.notMet("SeiNode " + NODE + " Failed before the cutover")
                : null);
  }

  @Override
  public String change(Session s) {
    ValidatorKeys keys = ValidatorKeys.generate();
    address = keys.address();
    secret(s, SIGNING_SECRET, ValidatorKeys.SIGNING_KEY_FILE, keys.signingKeyJson());
    secret(s, NODE_KEY_SECRET, ValidatorKeys.NODE_KEY_FILE, keys.nodeKeyJson());
    s.recorder.watchSigner(NODE, address);
    s.client
        .resources(SeiNode.class)
        .inNamespace(s.namespace)
        .withName(NODE)
        .edit(
            n -> {
              n.getSpec()
                  .getValidator()
                  .withSigningKey(key(SIGNING_SECRET))
                  .withNodeKey(key(NODE_KEY_SECRET));
              return n;
            });
    return "Secrets "
        + SIGNING_SECRET
        + " (validator address "
        + address
        + ") and "
        + NODE_KEY_SECRET
        + " created; spec.validator.signingKey and nodeKey patched into SeiNode "
        + NODE;
  }

  private static KeySource key(String secret) {
    return new KeySource().withSecret(new SecretKeySource().withSecretName(secret));
  }

  private static void secret(Session s, String name, String file, String content) {
    s.client
        .secrets()
        .inNamespace(s.namespace)
        .resource(
            new SecretBuilder()
                .withNewMetadata()
                .withName(name)
                .endMetadata()
                .withStringData(Map.of(file, content))
                .build())
        .create();
  }

  @Override
  public void awaitDone(Session s) throws RehearsalException {
    s.await(
        "the signing-key cutover of " + NODE,
        s.timeout,
        () -> node(s),
        n ->
            n.getStatus() != null
                && n.getStatus().getPlan() == null
                && SIGNING_SECRET.equals(n.getStatus().getSigningKeyMountedSecret())
                && reason(n.getStatus(), Conditions.NODE_UPDATE_IN_PROGRESS)
                    .filter(Conditions.REASON_UPDATE_COMPLETE::equals)
                    .isPresent(),
        n -> {
          if (n.getStatus() == null) {
            return null;
          }
          Optional<Condition> key = condition(n.getStatus(), Conditions.SIGNING_KEY_READY);
          if (key.filter(c -> Conditions.REASON_SIGNING_KEY_INVALID.equals(c.getReason()))
              .isPresent()) {
            return Session.notMet("signing key invalid: " + key.get().getMessage());
          }
          if (n.getStatus().getPlan() == null
              && reason(n.getStatus(), Conditions.NODE_UPDATE_IN_PROGRESS)
                  .filter(Conditions.REASON_UPDATE_FAILED::equals)
                  .isPresent()) {
            return Session.notMet(
                "node update failed: "
                    + condition(n.getStatus(), Conditions.NODE_UPDATE_IN_PROGRESS)
                        .map(Condition::getMessage)
                        .orElse(""));
          }
          return null;
        });
  }

  @Override
  public void settle(Session s, long settleBlocks) throws RehearsalException {
    s.await(
        NODE + " signing " + settleBlocks + " blocks",
        s.timeout,
        () -> signatures(s),
        count -> count >= Math.max(1, settleBlocks),
        Session.neverFails());
  }

  private long signatures(Session s) {
    return s.chainNow("/signatures?address=" + address).path("count").asLong();
  }

  @Override
  public String role(String node, boolean existedBeforeChange) {
    return "validator";
  }

  @Override
  public boolean expected(Crash crash, String role) {
    return false;
  }

  @Override
  public List<Expectation> expectations(Session s, Recorder.Observations seen, String failure) {
    List<Expectation> list = new ArrayList<>();
    SeiNode node = node(s);
    SeiNodeStatus status = node == null ? null : node.getStatus();
    list.add(
        new Expectation(
            "cutover-complete",
            "one node-update plan finished: NodeUpdateInProgress=False/UpdateComplete, phase Running",
            failure == null && status != null && status.getPhase() == NodePhase.Running,
            failure != null ? failure : "phase " + (status == null ? "?" : status.getPhase())));
    Optional<Condition> keyReady =
        status == null ? Optional.empty() : condition(status, Conditions.SIGNING_KEY_READY);
    boolean ready =
        keyReady.filter(c -> Conditions.TRUE.equals(c.getStatus())).isPresent()
            && SIGNING_SECRET.equals(status.getSigningKeyMountedSecret());
    list.add(
        new Expectation(
            "signing-key-ready",
            "SigningKeyReady=True and status.signingKeyMountedSecret=" + SIGNING_SECRET,
            ready,
            "SigningKeyReady="
                + keyReady.map(c -> c.getStatus() + "/" + c.getReason()).orElse("absent")
                + ", signingKeyMountedSecret="
                + (status == null ? null : status.getSigningKeyMountedSecret())));
    int cycles =
        seen.nodes().stream()
            .filter(n -> n.name().equals(NODE))
            .mapToInt(NodeTimeline::podCycles)
            .sum();
    list.add(
        new Expectation(
            "one-pod-cycle",
            "exactly one pod cycle (one new production pod)",
            cycles == 1,
            cycles + " pod cycle(s)"));
    Optional<Signing> signing =
        seen.signing().stream().filter(x -> x.address().equals(address)).findFirst();
    long signed = signing.map(Signing::signed).orElse(0L);
    list.add(
        new Expectation(
            "node-signs",
            "the chain records signatures of the new key",
            signed > 0,
            signed
                + " block(s) signed"
                + signing
                    .filter(x -> x.firstSignedHeight() != null)
                    .map(x -> ", heights " + x.firstSignedHeight() + ".." + x.lastSignedHeight())
                    .orElse("")));
    long missed = signing.map(Signing::missed).orElse(0L);
    list.add(
        new Expectation(
            "missed-blocks",
            "at most " + maxMissedBlocks + " block(s) missed after the first signature",
            signed > 0 && missed <= maxMissedBlocks,
            missed + " missed"));
    return list;
  }

  private static SeiNode node(Session s) {
    return s.client.resources(SeiNode.class).inNamespace(s.namespace).withName(NODE).get();
  }

  private static Optional<Condition> condition(SeiNodeStatus status, String type) {
    return Recorder.condition(status.getConditions(), type);
  }

  private static Optional<String> reason(SeiNodeStatus status, String type) {
    return condition(status, type).map(Condition::getReason);
  }
}
