package dev.meerkat.agent.tooling;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ConnectException;
import java.nio.charset.StandardCharsets;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

class SdkLogHandlerTest {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();

  @Test
  void printsTheFirstWarningWithoutStackTraceAndSuppressesTheRestOfTheMinute() {
    SdkLogHandler.install(new AgentLogger(AgentLogger.Level.INFO, printStream()));
    Logger sdkLogger = Logger.getLogger(SdkLogHandler.NAMESPACE + ".io.opentelemetry.Exporter");

    for (int i = 0; i < 3; i++) {
      sdkLogger.log(Level.SEVERE, "Failed to export spans.", new ConnectException("refused"));
    }
    sdkLogger.info("not shown at INFO: SDK info goes to DEBUG");

    assertThat(output())
        .isEqualTo("[meerkat-agent] WARN Failed to export spans. [java.net.ConnectException]\n");
  }

  @Test
  void doesNotConfigureLoggersOutsideTheAgentNamespace() throws IOException {
    SdkLogHandler.install(new AgentLogger(AgentLogger.Level.INFO, printStream()));

    assertThat(Logger.getLogger("com.example.app").getHandlers()).isEmpty();
    assertThat(Logger.getLogger(SdkLogHandler.NAMESPACE).getUseParentHandlers()).isFalse();
  }

  private PrintStream printStream() {
    return new PrintStream(out, true, StandardCharsets.UTF_8);
  }

  private String output() {
    return out.toString(StandardCharsets.UTF_8).replace(System.lineSeparator(), "\n");
  }
}
