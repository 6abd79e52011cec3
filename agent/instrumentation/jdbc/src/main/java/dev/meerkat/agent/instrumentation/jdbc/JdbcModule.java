package dev.meerkat.agent.instrumentation.jdbc;

import static net.bytebuddy.matcher.ElementMatchers.isAbstract;
import static net.bytebuddy.matcher.ElementMatchers.isPublic;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.namedOneOf;
import static net.bytebuddy.matcher.ElementMatchers.not;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import dev.meerkat.agent.bootstrap.jdbc.JdbcBridge;
import dev.meerkat.agent.tooling.InstrumentationContext;
import dev.meerkat.agent.tooling.InstrumentationModule;
import dev.meerkat.agent.tooling.TypeInstrumentation;
import java.util.Arrays;
import java.util.List;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * CLIENT spans for any JDBC driver, pools included, through the {@code java.sql} interfaces their
 * classes implement. Matching by super type walks every loaded class's hierarchy, the costliest
 * matcher in the agent; the cheap checks (not an interface, not a JDK class) run first. JDK classes
 * are left out: no JDK class executes SQL, and JDK dynamic proxies (Spring's connection proxies)
 * delegate to a driver's statement that is traced.
 */
public final class JdbcModule extends InstrumentationModule {
  private static final String PACKAGE = "dev.meerkat.agent.instrumentation.jdbc.";
  private static final String[] EXECUTE = {
    "execute", "executeQuery", "executeUpdate", "executeLargeUpdate"
  };

  public JdbcModule() {
    super("jdbc");
  }

  @Override
  public String supportedVersions() {
    return "JDBC 4.x drivers and pools (java.sql), Java 8+";
  }

  @Override
  public void activate(InstrumentationContext context) {
    JdbcBridge.hook = new JdbcTracer(context);
  }

  @Override
  public List<TypeInstrumentation> typeInstrumentations() {
    return Arrays.asList(
        TypeInstrumentation.forType(
                new ImplementsAny(
                    "java.sql.Statement",
                    "java.sql.PreparedStatement",
                    "java.sql.CallableStatement"))
            .advise(
                implemented(namedOneOf(EXECUTE)).and(takesArgument(0, String.class)),
                PACKAGE + "StatementAdvice")
            .advise(
                implemented(namedOneOf(EXECUTE)).and(takesArguments(0)),
                PACKAGE + "PreparedStatementAdvice",
                PACKAGE + "StatementAdvice")
            .advise(
                implemented(namedOneOf("executeBatch", "executeLargeBatch")).and(takesArguments(0)),
                PACKAGE + "BatchAdvice",
                PACKAGE + "StatementAdvice")
            .advise(
                implemented(named("addBatch"))
                    .and(takesArguments(1))
                    .and(takesArgument(0, String.class)),
                PACKAGE + "AddBatchAdvice")
            .advise(
                implemented(named("addBatch")).and(takesArguments(0)),
                PACKAGE + "AddPreparedBatchAdvice",
                PACKAGE + "AddBatchAdvice")
            .advise(
                implemented(named("clearBatch")).and(takesArguments(0)),
                PACKAGE + "ClearBatchAdvice",
                PACKAGE + "AddBatchAdvice")
            .build(),
        TypeInstrumentation.forType(new ImplementsAny("java.sql.Connection"))
            .advise(
                implemented(namedOneOf("prepareStatement", "prepareCall"))
                    .and(takesArgument(0, String.class)),
                PACKAGE + "PrepareAdvice")
            .build());
  }

  private static ElementMatcher.Junction<MethodDescription> implemented(
      ElementMatcher<? super MethodDescription> name) {
    return isPublic().and(not(isAbstract())).and(name);
  }
}
