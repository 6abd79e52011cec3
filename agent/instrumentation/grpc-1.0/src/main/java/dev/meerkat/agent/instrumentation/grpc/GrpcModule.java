package dev.meerkat.agent.instrumentation.grpc;

import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import dev.meerkat.agent.bootstrap.grpc.GrpcBridge;
import dev.meerkat.agent.tooling.InstrumentationContext;
import dev.meerkat.agent.tooling.InstrumentationModule;
import dev.meerkat.agent.tooling.LibraryCheck;
import dev.meerkat.agent.tooling.TypeInstrumentation;
import java.util.Arrays;
import java.util.List;

/**
 * CLIENT and SERVER spans and the {@code rpc.client.duration}/{@code rpc.server.duration}
 * histograms for grpc-java: the builders every channel and server is built with get a tracing
 * interceptor. The interceptors implement gRPC's interfaces, so they are defined in a class loader
 * whose parent is the application's gRPC class loader (see {@code HelperClassLoader}).
 */
public final class GrpcModule extends InstrumentationModule {
  private static final String PACKAGE = "dev.meerkat.agent.instrumentation.grpc.";

  public GrpcModule() {
    super("grpc");
  }

  @Override
  public String supportedVersions() {
    return "grpc-java 1.36+ (ManagedChannelImplBuilder and ServerImplBuilder)";
  }

  @Override
  public LibraryCheck libraryCheck() {
    return LibraryCheck.requires(
        "io.grpc.internal.ManagedChannelImplBuilder", "io.grpc.internal.ServerImplBuilder");
  }

  @Override
  public void activate(InstrumentationContext context) {
    GrpcBridge.hook = new GrpcTracer(context);
  }

  @Override
  public List<TypeInstrumentation> typeInstrumentations() {
    return Arrays.asList(
        TypeInstrumentation.forType(named("io.grpc.internal.ManagedChannelImplBuilder"))
            .advise(named("build").and(takesArguments(0)), PACKAGE + "ChannelBuildAdvice")
            .build(),
        TypeInstrumentation.forType(named("io.grpc.internal.ServerImplBuilder"))
            .advise(named("build").and(takesArguments(0)), PACKAGE + "ServerBuildAdvice")
            .build());
  }
}
