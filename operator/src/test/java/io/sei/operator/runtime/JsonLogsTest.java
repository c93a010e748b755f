package io.sei.operator.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.core.OutputStreamAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The operator jar's log configuration writes one JSON object a line, with the MDC ids. */
class JsonLogsTest {

  @Test
  void aLogLineIsJsonWithTheFormattedMessageAndTheNodePlanAndTaskIds() throws Exception {
    LoggerContext context = new LoggerContext();
    JoranConfigurator config = new JoranConfigurator();
    config.setContext(context);
    config.doConfigure(JsonLogsTest.class.getResource("/logback.xml"));
    Logger logger = context.getLogger("io.sei.operator.plan.PlanExecutor");
    @SuppressWarnings("unchecked")
    OutputStreamAppender<ILoggingEvent> appender =
        (OutputStreamAppender<ILoggingEvent>)
            context.getLogger(Logger.ROOT_LOGGER_NAME).getAppender("json");
    LoggingEvent event =
        new LoggingEvent(
            Logger.class.getName(),
            logger,
            Level.WARN,
            "task {} waits",
            null,
            new Object[] {"config-apply"});
    event.setMDCPropertyMap(
        Map.of(
            "resource.namespace",
            "sei",
            "resource.name",
            "rpc-0",
            "plan",
            "plan-1",
            "task",
            "task-7"));

    String line = new String(appender.getEncoder().encode(event), StandardCharsets.UTF_8);
    context.stop();

    assertThat(line).endsWith("\n").doesNotContain("\n{");
    JsonNode json = new ObjectMapper().readTree(line);
    assertThat(json.path("level").asText()).isEqualTo("WARN");
    assertThat(json.path("loggerName").asText()).isEqualTo("io.sei.operator.plan.PlanExecutor");
    assertThat(json.path("formattedMessage").asText()).isEqualTo("task config-apply waits");
    assertThat(json.path("mdc").path("resource.name").asText()).isEqualTo("rpc-0");
    assertThat(json.path("mdc").path("plan").asText()).isEqualTo("plan-1");
    assertThat(json.path("mdc").path("task").asText()).isEqualTo("task-7");
  }
}
