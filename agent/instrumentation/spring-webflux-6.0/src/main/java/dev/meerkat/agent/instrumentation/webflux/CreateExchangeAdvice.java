package dev.meerkat.agent.instrumentation.webflux;

import dev.meerkat.agent.bootstrap.webflux.WebFluxBridge;
import dev.meerkat.agent.bootstrap.webflux.WebFluxHook;
import net.bytebuddy.asm.Advice;

/**
 * Inlined into {@code HttpWebHandlerAdapter.createExchange}, which {@code handle} calls while the
 * call's context is current: keeps the exchange, whose attributes name the route at the end.
 */
final class CreateExchangeAdvice {
  private CreateExchangeAdvice() {}

  @Advice.OnMethodExit(suppress = Throwable.class)
  static void exit(@Advice.Return Object exchange) {
    WebFluxHook hook = WebFluxBridge.hook;
    if (hook != null && exchange != null) {
      hook.exchangeCreated(exchange);
    }
  }
}
