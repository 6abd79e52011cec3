package dev.meerkat.agent.tooling;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ContainerLimitsTest {
  /** What a container sees in /proc/self/cgroup with a cgroup namespace. */
  private static final Map<String, String> CONTAINER = Map.of("", "/");

  @Test
  void readsCgroupV2Limits() throws Exception {
    Path root = golden("v2");

    assertThat(ContainerLimits.cpuLimitCores(root, CONTAINER)).isEqualTo(1.5);
    assertThat(ContainerLimits.memoryLimitBytes(root, CONTAINER)).isEqualTo(536_870_912L);
  }

  @Test
  void readsCgroupV1Limits() throws Exception {
    Path root = golden("v1");

    assertThat(ContainerLimits.cpuLimitCores(root, Map.of())).isEqualTo(0.5);
    assertThat(ContainerLimits.memoryLimitBytes(root, Map.of())).isEqualTo(1_073_741_824L);
  }

  @Test
  void hasNoLimitWhenUnlimited() throws Exception {
    for (String name : new String[] {"v2-unlimited", "v1-unlimited"}) {
      Path root = golden(name);

      assertThat(ContainerLimits.cpuLimitCores(root, CONTAINER)).as(name).isNull();
      assertThat(ContainerLimits.memoryLimitBytes(root, CONTAINER)).as(name).isNull();
    }
  }

  @Test
  void hasNoLimitWhenNoCgroupFilesExist() throws Exception {
    Path root = golden("v2").resolve("absent");

    assertThat(ContainerLimits.cpuLimitCores(root, CONTAINER)).isNull();
    assertThat(ContainerLimits.memoryLimitBytes(root, CONTAINER)).isNull();
  }

  @Test
  void readsTheOwnCgroupOfAServiceOnAV2Host() throws Exception {
    Path root = golden("host-v2");
    Map<String, String> own = ContainerLimits.ownCgroups(root.resolve("proc-self-cgroup"));

    assertThat(own).isEqualTo(Map.of("", "/system.slice/app.service"));
    // The service's own files win over the root's (unlimited) ones.
    assertThat(ContainerLimits.cpuLimitCores(root, own)).isEqualTo(2.5);
    assertThat(ContainerLimits.memoryLimitBytes(root, own)).isNull();
  }

  @Test
  void readsTheOwnMemoryCgroupOnAV1Host() throws Exception {
    Path root = golden("host-v1");
    Map<String, String> own = ContainerLimits.ownCgroups(root.resolve("proc-self-cgroup"));

    assertThat(own)
        .isEqualTo(Map.of("", "/", "name=systemd", "/", "memory", "/process_api/abc", "cpu", "/"));
    assertThat(ContainerLimits.memoryLimitBytes(root, own)).isEqualTo(268_435_456L);
    assertThat(ContainerLimits.cpuLimitCores(root, own)).isNull();
  }

  private static Path golden(String name) throws URISyntaxException {
    return Paths.get(ContainerLimitsTest.class.getResource("/cgroup/" + name).toURI());
  }
}
