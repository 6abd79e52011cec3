package dev.meerkat.agent.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CallDepthTest {
  private final CallDepth depth = new CallDepth();

  @Test
  void onlyTheOutermostCallSeesZero() {
    assertThat(depth.enter()).isZero();
    assertThat(depth.enter()).isEqualTo(1);
    depth.exit();
    depth.exit();
    assertThat(depth.enter()).isZero();
  }

  @Test
  void anUnmatchedExitDoesNotDisableTheNextOutermostCall() {
    depth.exit();
    assertThat(depth.enter()).isZero();
  }

  @Test
  void isPerThread() throws InterruptedException {
    depth.enter();
    int[] seen = new int[1];
    Thread other = new Thread(() -> seen[0] = depth.enter());
    other.start();
    other.join();
    assertThat(seen[0]).isZero();
  }
}
