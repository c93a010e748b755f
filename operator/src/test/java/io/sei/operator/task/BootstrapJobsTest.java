package io.sei.operator.task;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BootstrapJobsTest {

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "SEID start version=v1\\nSEID node=a height=20\\npanic: simulated crash at height 21\\ngoroutine 1 [running]:"
            + " | panic: simulated crash at height 21",
        "SEID start version=v1\\nERROR halt height 5 is behind the data: the node has already committed height 9"
            + " | ERROR halt height 5 is behind the data: the node has already committed height 9",
        "SEID start version=v1\\nsomething else went wrong | something else went wrong"
      })
  void theReasonIsThePanicOrErrorLineElseTheLastLine(String message, String reason) {
    assertThat(BootstrapJobs.reason(message.replace("\\n", "\n"))).isEqualTo(reason);
  }
}
