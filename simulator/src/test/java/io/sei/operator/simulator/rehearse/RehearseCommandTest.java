package io.sei.operator.simulator.rehearse;

import static org.assertj.core.api.Assertions.assertThat;

import io.sei.operator.simulator.cli.SimLauncher;
import io.sei.operator.simulator.net.SimHttp;
import io.sei.operator.simulator.net.SimNet;
import io.sei.operator.simulator.proc.SimContext;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Bad input is one line on stderr and exit 2, before anything is started. */
class RehearseCommandTest {

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "hard-fork --replicas 0 | --replicas must be at least 1 (got 0)",
        "hard-fork --to nginx:1.25 | --to: 'nginx:1.25' is not a simulator image",
        "hard-fork --from sei-sim:latest | --from: the tag of 'sei-sim:latest' is not a version",
        "hard-fork --from sei-sim@sha256:abc | --from: image reference 'sei-sim@sha256:abc' is pinned by digest",
        "hard-fork --upgrade-height 8 | --upgrade-height 8 is too low",
        "hard-fork --from sei-sim:v6.4.0 | already has the upgrade v6.4.0",
        "hard-fork --upgrade-name latest | --upgrade-height/--upgrade-name:",
        "hard-fork --block-time-ms 0 | --block-time-ms must be positive",
        "signing-key-cutover --image sei-sim | --image: image reference 'sei-sim' has no tag",
        "signing-key-cutover --max-missed-blocks -1 | --max-missed-blocks must not be negative",
      })
  void badInputIsOneLineAndExitTwo(String args, String message) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    SimContext context =
        new SimContext(
            Map.of(),
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8),
            SimNet.IDENTITY,
            SimHttp.newClient());
    List<String> argv = new ArrayList<>(List.of("rehearse"));
    argv.addAll(List.of(args.split(" ")));

    int code = SimLauncher.create(argv, context).run();

    assertThat(code).isEqualTo(Rehearsal.BAD_INPUT);
    assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
    assertThat(err.toString(StandardCharsets.UTF_8).lines())
        .singleElement()
        .asString()
        .startsWith("rehearse: ")
        .contains(message);
  }
}
