package dev.meerkat.agent.tooling;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.nio.file.Paths;
import org.junit.jupiter.api.Test;

class ContainerLimitsTest {
  @Test
  void readsCgroupV2Limits() throws Exception {
    Path root = golden("v2");

    assertThat(ContainerLimits.cpuLimitCores(root)).isEqualTo(1.5);
    assertThat(ContainerLimits.memoryLimitBytes(root)).isEqualTo(536_870_912L);
  }

  @Test
  void readsCgroupV1Limits() throws Exception {
    Path root = golden("v1");

    assertThat(ContainerLimits.cpuLimitCores(root)).isEqualTo(0.5);
    assertThat(ContainerLimits.memoryLimitBytes(root)).isEqualTo(1_073_741_824L);
  }

  @Test
  void hasNoLimitWhenUnlimited() throws Exception {
    for (String name : new String[] {"v2-unlimited", "v1-unlimited"}) {
      Path root = golden(name);

      assertThat(ContainerLimits.cpuLimitCores(root)).as(name).isNull();
      assertThat(ContainerLimits.memoryLimitBytes(root)).as(name).isNull();
    }
  }

  @Test
  void hasNoLimitWhenNoCgroupFilesExist() throws Exception {
    Path root = golden("v2").resolve("absent");

    assertThat(ContainerLimits.cpuLimitCores(root)).isNull();
    assertThat(ContainerLimits.memoryLimitBytes(root)).isNull();
  }

  private static Path golden(String name) throws URISyntaxException {
    return Paths.get(ContainerLimitsTest.class.getResource("/cgroup/" + name).toURI());
  }
}
