package dev.meerkat.agent.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meerkat.agent.testing.ChildJvm;
import java.io.IOException;
import java.util.Collections;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Relocation check: nothing the agent bundles can clash with an application's classes. */
class AgentJarContentIT {
  private static final String INST = "dev/meerkat/agent/inst/";

  @Test
  void containsOnlyMeerkatPackagesAndMetadata() throws IOException {
    List<String> names = entries();
    assertThat(names).allMatch(AgentJarContentIT::isOurs);
    // The nested entries, too, once the inst/ prefix is stripped.
    assertThat(names)
        .filteredOn(n -> n.startsWith(INST) && n.length() > INST.length())
        .extracting(n -> n.substring(INST.length()))
        .allMatch(AgentJarContentIT::isOurs);
  }

  @Test
  void onlyThePremainClassAndTheBridgeAreLoadableClasses() throws IOException {
    assertThat(entries())
        .filteredOn(n -> n.endsWith(".class"))
        .allMatch(
            n ->
                n.equals("dev/meerkat/agent/MeerkatAgent.class")
                    || n.startsWith("dev/meerkat/agent/bootstrap/"));
    assertThat(entries())
        .filteredOn(n -> n.startsWith(INST + "dev/meerkat/agent/shaded/"))
        .isNotEmpty();
  }

  /** Under dev/meerkat/ or META-INF/, or one of the directories leading there. */
  private static boolean isOurs(String name) {
    return name.startsWith("dev/meerkat/")
        || name.startsWith("META-INF/")
        || "dev/meerkat/".startsWith(name);
  }

  private static List<String> entries() throws IOException {
    try (JarFile jar = new JarFile(ChildJvm.AGENT_JAR.toFile())) {
      return Collections.list(jar.entries()).stream()
          .map(JarEntry::getName)
          .collect(Collectors.toList());
    }
  }
}
