package dev.meerkat.agent.instrumentation.springwebmvc;

import dev.meerkat.agent.bootstrap.springwebmvc.RouteHook;
import dev.meerkat.agent.bootstrap.springwebmvc.SpringWebMvcBridge;
import net.bytebuddy.asm.Advice;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.servlet.HandlerExecutionChain;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.resource.ResourceHttpRequestHandler;

/**
 * Exit of {@code DispatcherServlet.getHandler(request)}: once a handler is found, the mapping has
 * stored the pattern that matched in the request. It is read through {@code RequestContextHolder}
 * (set by {@code FrameworkServlet} before dispatching), whose API names no servlet type, so this
 * advice serves javax and jakarta Spring alike. The static-resource handler's catch-all pattern
 * ({@code /**}) says nothing about the request and would name every 404 alike: it is not used.
 */
final class GetHandlerAdvice {
  private GetHandlerAdvice() {}

  @Advice.OnMethodExit(suppress = Throwable.class)
  static void exit(@Advice.Return HandlerExecutionChain chain) {
    RouteHook hook = SpringWebMvcBridge.hook;
    if (hook == null || chain == null || chain.getHandler() instanceof ResourceHttpRequestHandler) {
      return;
    }
    RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
    if (attributes != null) {
      hook.route(
          attributes.getAttribute(
              HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE, RequestAttributes.SCOPE_REQUEST));
    }
  }
}
