package dev.meerkat.dashboard.api;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Refuses query parameters an endpoint does not take: a misspelt filter ({@code servce=checkout})
 * would otherwise be ignored silently and answer with everything.
 */
final class KnownParameters implements HandlerInterceptor {

  @Override
  public boolean preHandle(
      HttpServletRequest request, HttpServletResponse response, Object handler) {
    if (!(handler instanceof HandlerMethod method)
        || method.getBeanType().getPackage() != KnownParameters.class.getPackage()) {
      return true;
    }
    Set<String> known = new TreeSet<>();
    for (MethodParameter parameter : method.getMethodParameters()) {
      RequestParam query = parameter.getParameterAnnotation(RequestParam.class);
      if (query != null) {
        known.add(query.name());
      }
    }
    for (String name : request.getParameterMap().keySet()) {
      if (!known.contains(name)) {
        throw new BadParameterException(
            "unknown parameter '"
                + name
                + "'; "
                + (known.isEmpty()
                    ? "this endpoint takes none"
                    : "this endpoint takes " + String.join(", ", known)));
      }
    }
    return true;
  }
}
