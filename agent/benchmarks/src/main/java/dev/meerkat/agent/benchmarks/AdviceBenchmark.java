package dev.meerkat.agent.benchmarks;

import static net.bytebuddy.matcher.ElementMatchers.named;

import dev.meerkat.agent.bootstrap.CallDepth;
import java.util.concurrent.TimeUnit;
import net.bytebuddy.ByteBuddy;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.dynamic.loading.ClassLoadingStrategy;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Advice entry/exit on a method, as the agent inlines it: the re-entry guard ({@link CallDepth})
 * and a read of the module's volatile hook, here with no hook installed (a module that is loaded
 * but inert), compared with the same method without advice. Byte Buddy applies the advice the way
 * the agent's transformer does, to a class defined in its own class loader.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class AdviceBenchmark {
  private Computation plain;
  private Computation advised;

  @Setup
  public void setUp() throws ReflectiveOperationException {
    plain = new Work();
    // A second Work, defined child-first, so it implements this loader's Computation.
    Class<? extends Computation> type =
        new ByteBuddy()
            .redefine(Work.class)
            .visit(Advice.to(GuardAdvice.class).on(named("compute")))
            .make()
            .load(AdviceBenchmark.class.getClassLoader(), ClassLoadingStrategy.Default.CHILD_FIRST)
            .getLoaded()
            .asSubclass(Computation.class);
    advised = type.getDeclaredConstructor().newInstance();
  }

  @Benchmark
  public long withoutAdvice() {
    return plain.compute(42);
  }

  @Benchmark
  public long withAdvice() {
    return advised.compute(42);
  }

  /** What the benchmark calls, so both versions of {@link Work} are called the same way. */
  public interface Computation {
    long compute(long x);
  }

  /** The instrumented method. */
  public static class Work implements Computation {
    @Override
    public long compute(long x) {
      return x * 31 + 7;
    }
  }

  /** The shape of every Meerkat advice: depth guard, volatile hook read, suppressed errors. */
  public static final class GuardAdvice {
    public static final CallDepth DEPTH = new CallDepth();
    public static volatile Object hook;

    private GuardAdvice() {}

    @Advice.OnMethodEnter(suppress = Throwable.class)
    public static boolean enter() {
      if (DEPTH.enter() != 0) {
        return false;
      }
      return hook != null;
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    public static void exit(@Advice.Enter boolean traced) {
      DEPTH.exit();
    }
  }
}
