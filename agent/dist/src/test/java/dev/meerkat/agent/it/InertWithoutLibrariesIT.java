package dev.meerkat.agent.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meerkat.agent.testing.ChildJvm;
import dev.meerkat.agent.testing.TestJdks;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every instrumentation in the jar is loaded into a JVM that has none of the libraries (only the
 * JDK): nothing but JDK classes is transformed, and nothing is logged above DEBUG except the one
 * start line.
 */
class InertWithoutLibrariesIT {
  private static final Duration TIMEOUT = Duration.ofSeconds(30);
  private static final String TEST_CLASSES = System.getProperty("meerkat.test.classes");
  private static final Pattern INSTRUMENTED =
      Pattern.compile("\\[meerkat-agent] DEBUG Instrumented (\\S+) \\[(.*)]");

  static List<Path> jdks() {
    return TestJdks.homes();
  }

  @ParameterizedTest
  @MethodSource("jdks")
  void everyInstrumentationStaysInertAndQuietWithoutItsLibrary(Path jdk) throws Exception {
    List<String> modules = modulesInJar();
    try (ChildJvm app =
        ChildJvm.start(
            jdk,
            List.of(
                "-Dmeerkat.agent.log.level=debug",
                "-Dotel.traces.exporter=none",
                "-Dotel.metrics.exporter=none",
                "-Dsun.net.httpserver.nodelay=true"),
            TEST_CLASSES,
            TestApp.class.getName())) {
      int port = app.awaitReadyPort(TIMEOUT);
      HttpRequest request =
          HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/front/java")).build();
      assertThat(
              HttpClient.newHttpClient()
                  .send(request, HttpResponse.BodyHandlers.discarding())
                  .statusCode())
          .isEqualTo(200);
      app.stop();

      List<String> agentLines =
          app.stderr().stream()
              .filter(l -> l.startsWith("[meerkat-agent]"))
              .collect(Collectors.toList());
      assertThat(agentLines)
          .filteredOn(l -> !l.startsWith("[meerkat-agent] DEBUG"))
          .hasSize(1)
          .allMatch(l -> l.startsWith("[meerkat-agent] INFO Meerkat agent 0.1.0-SNAPSHOT started"));
      String startLine =
          agentLines.stream().filter(l -> l.contains(" INFO ")).findFirst().orElseThrow();
      assertThat(startLine).contains("instrumentations=[");
      for (String module : modules) {
        // Activated, or skipped for this Java version: either way one DEBUG line names it.
        assertThat(agentLines)
            .as("DEBUG lines naming %s", module)
            .filteredOn(l -> l.startsWith("[meerkat-agent] DEBUG") && l.contains(module))
            .hasSize(1);
      }
      for (String line : agentLines) {
        Matcher instrumented = INSTRUMENTED.matcher(line);
        if (instrumented.matches()) {
          assertThat(instrumented.group(1)).matches("(java|javax|jdk|sun|com\\.sun)\\..*");
        }
      }
      assertThat(app.stderrWithoutCdsNotice())
          .filteredOn(l -> !l.startsWith("[meerkat-agent]"))
          .isEmpty();
    }
  }

  /** The module classes listed in the agent jar's service file. */
  private static List<String> modulesInJar() throws IOException {
    try (JarFile jar = new JarFile(ChildJvm.AGENT_JAR.toFile());
        BufferedReader reader =
            new BufferedReader(
                new InputStreamReader(
                    jar.getInputStream(
                        jar.getJarEntry(
                            "dev/meerkat/agent/inst/META-INF/services/"
                                + "dev.meerkat.agent.tooling.InstrumentationModule")),
                    StandardCharsets.UTF_8))) {
      List<String> classes =
          reader.lines().map(String::trim).filter(l -> !l.isEmpty()).collect(Collectors.toList());
      assertThat(classes).hasSizeGreaterThanOrEqualTo(3);
      return classes;
    }
  }
}
