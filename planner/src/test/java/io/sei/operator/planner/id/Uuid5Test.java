package io.sei.operator.planner.id;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;

class Uuid5Test {
  private static final UUID DNS = UUID.fromString("6ba7b810-9dad-11d1-80b4-00c04fd430c8");

  @Test
  void matchesTheRfc4122VectorForWwwExampleCom() {
    assertThat(Uuid5.of(DNS, "www.example.com"))
        .isEqualTo(UUID.fromString("2ed6657d-e927-568b-95e1-2665a8aea6a2"));
  }

  @Test
  void isVersion5WithTheIetfVariant() {
    UUID id = Uuid5.of(DNS, "anything");
    assertThat(id.version()).isEqualTo(5);
    assertThat(id.variant()).isEqualTo(2);
  }

  @Test
  void taskIdHashesPlanIdTypeAndIndexInTheFixedNamespace() {
    assertThat(TaskIds.taskId("plan-1", "mark-ready", 0))
        .isEqualTo("29d4b917-d210-5143-968b-469fb0d54482");
  }

  @Test
  void taskIdDiffersByIndex() {
    assertThat(TaskIds.taskId("plan-1", "mark-ready", 0))
        .isNotEqualTo(TaskIds.taskId("plan-1", "mark-ready", 1));
  }
}
