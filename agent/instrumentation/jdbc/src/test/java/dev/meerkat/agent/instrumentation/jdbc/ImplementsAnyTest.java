package dev.meerkat.agent.instrumentation.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.Serializable;
import java.lang.reflect.Proxy;
import java.sql.CallableStatement;
import java.sql.PreparedStatement;
import java.sql.Statement;
import net.bytebuddy.description.type.TypeDescription;
import org.junit.jupiter.api.Test;

class ImplementsAnyTest {
  private final ImplementsAny statements =
      new ImplementsAny(
          "java.sql.Statement", "java.sql.PreparedStatement", "java.sql.CallableStatement");

  /** A driver's statement, a pool's proxy hierarchy, an interface of the application's own. */
  abstract static class DriverStatement implements Statement {}

  abstract static class ProxyStatement implements Serializable, Statement {}

  abstract static class ProxyPreparedStatement extends ProxyStatement {}

  abstract static class GeneratedProxy extends ProxyPreparedStatement
      implements Comparable<Object> {}

  interface OwnStatement extends CallableStatement {}

  abstract static class OwnStatementImpl implements Runnable, OwnStatement {}

  abstract static class NotAStatement implements Serializable, Runnable {}

  abstract static class SubOfNotAStatement extends NotAStatement {}

  @Test
  void matchesClassesImplementingATargetAtAnyDepth() {
    assertThat(matches(DriverStatement.class)).isTrue();
    assertThat(matches(ProxyStatement.class)).isTrue();
    assertThat(matches(ProxyPreparedStatement.class)).isTrue();
    assertThat(matches(GeneratedProxy.class)).isTrue();
    assertThat(matches(OwnStatementImpl.class)).isTrue();
  }

  @Test
  void skipsOtherClassesInterfacesAndJdkTypes() {
    assertThat(matches(NotAStatement.class)).isFalse();
    assertThat(matches(SubOfNotAStatement.class)).isFalse();
    assertThat(matches(Object.class)).isFalse();
    assertThat(matches(OwnStatement.class)).isFalse();
    assertThat(matches(PreparedStatement.class)).isFalse();
    Object proxy =
        Proxy.newProxyInstance(
            getClass().getClassLoader(), new Class<?>[] {Statement.class}, (p, m, a) -> null);
    assertThat(proxy.getClass().getName()).startsWith("jdk.proxy");
    assertThat(matches(proxy.getClass())).isFalse();
    assertThat(new ImplementsAny("java.sql.Connection").matches(of(DriverStatement.class)))
        .isFalse();
  }

  private boolean matches(Class<?> type) {
    return statements.matches(of(type));
  }

  private static TypeDescription of(Class<?> type) {
    return TypeDescription.ForLoadedType.of(type);
  }
}
