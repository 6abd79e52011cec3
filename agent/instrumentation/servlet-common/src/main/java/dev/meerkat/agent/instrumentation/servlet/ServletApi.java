package dev.meerkat.agent.instrumentation.servlet;

import io.opentelemetry.context.propagation.TextMapGetter;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;

/**
 * The servlet API of one package ({@code javax.servlet.} or {@code jakarta.servlet.}) as method
 * handles. The agent class loader cannot see the application's servlet classes, so the handles are
 * looked up once per request class, from the {@code HttpServletRequest} interface that class
 * implements, and cached; per request they are plain {@code invokeExact} calls.
 */
final class ServletApi {
  private static final Handles NOT_HTTP = new Handles();

  private final String servletPackage;
  private final ClassValue<Handles> byRequestClass =
      new ClassValue<Handles>() {
        @Override
        protected Handles computeValue(Class<?> type) {
          Class<?> request = find(type, servletPackage + "http.HttpServletRequest");
          if (request == null) {
            return NOT_HTTP;
          }
          try {
            return new Handles(servletPackage, request);
          } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("servlet API not as expected: " + e, e);
          }
        }
      };

  /** {@code servletPackage} is "javax.servlet." or "jakarta.servlet.". */
  ServletApi(String servletPackage) {
    this.servletPackage = servletPackage;
  }

  String servletPackage() {
    return servletPackage;
  }

  /** The handles for this request's class, or null when it is not an HttpServletRequest. */
  Handles handles(Object request) {
    Handles handles = byRequestClass.get(request.getClass());
    return handles == NOT_HTTP ? null : handles;
  }

  /** The interface named {@code name} among {@code type}'s super types, or null. */
  static Class<?> find(Class<?> type, String name) {
    for (Class<?> c = type; c != null; c = c.getSuperclass()) {
      if (c.getName().equals(name)) {
        return c;
      }
      for (Class<?> i : c.getInterfaces()) {
        Class<?> found = find(i, name);
        if (found != null) {
          return found;
        }
      }
    }
    return null;
  }

  /** The handles of one servlet API copy; also the propagator's header getter. */
  static final class Handles implements TextMapGetter<Object> {
    final Class<?> responseType;
    final Class<?> asyncListenerType;
    private final MethodHandle method;
    private final MethodHandle scheme;
    private final MethodHandle requestUri;
    private final MethodHandle queryString;
    private final MethodHandle serverName;
    private final MethodHandle serverPort;
    private final MethodHandle remoteAddr;
    private final MethodHandle header;
    private final MethodHandle attribute;
    private final MethodHandle setAttribute;
    private final MethodHandle dispatcherType;
    private final MethodHandle asyncStarted;
    private final MethodHandle asyncContext;
    private final MethodHandle status;
    private final MethodHandle addListener;
    private final MethodHandle eventThrowable;
    private final MethodHandle eventAsyncContext;
    private final MethodHandle contextPath;

    /** Servlet 4.0+ only (null before): the mapping that chose the servlet. */
    private final MethodHandle mapping;

    private final MethodHandle mappingPattern;
    private final MethodHandle mappingMatch;

    private Handles() {
      responseType = null;
      asyncListenerType = null;
      method = scheme = requestUri = queryString = serverName = serverPort = remoteAddr = null;
      header = attribute = setAttribute = dispatcherType = asyncStarted = null;
      asyncContext = status = addListener = eventThrowable = eventAsyncContext = null;
      contextPath = mapping = mappingPattern = mappingMatch = null;
    }

    Handles(String servletPackage, Class<?> request) throws ReflectiveOperationException {
      ClassLoader loader = request.getClassLoader();
      responseType = Class.forName(servletPackage + "http.HttpServletResponse", false, loader);
      asyncListenerType = Class.forName(servletPackage + "AsyncListener", false, loader);
      Class<?> asyncContextType = Class.forName(servletPackage + "AsyncContext", false, loader);
      Class<?> asyncEventType = Class.forName(servletPackage + "AsyncEvent", false, loader);
      Class<?> dispatcherTypeType = Class.forName(servletPackage + "DispatcherType", false, loader);
      method = getter(request, "getMethod", String.class);
      scheme = getter(request, "getScheme", String.class);
      requestUri = getter(request, "getRequestURI", String.class);
      queryString = getter(request, "getQueryString", String.class);
      serverName = getter(request, "getServerName", String.class);
      serverPort = getter(request, "getServerPort", int.class);
      remoteAddr = getter(request, "getRemoteAddr", String.class);
      header =
          handle(request, "getHeader", MethodType.methodType(String.class, String.class))
              .asType(MethodType.methodType(String.class, Object.class, String.class));
      attribute =
          handle(request, "getAttribute", MethodType.methodType(Object.class, String.class))
              .asType(MethodType.methodType(Object.class, Object.class, String.class));
      setAttribute =
          handle(
                  request,
                  "setAttribute",
                  MethodType.methodType(void.class, String.class, Object.class))
              .asType(MethodType.methodType(void.class, Object.class, String.class, Object.class));
      dispatcherType = getter(request, "getDispatcherType", dispatcherTypeType, Object.class);
      asyncStarted = getter(request, "isAsyncStarted", boolean.class);
      asyncContext = getter(request, "getAsyncContext", asyncContextType, Object.class);
      status = getter(responseType, "getStatus", int.class);
      addListener =
          handle(
                  asyncContextType,
                  "addListener",
                  MethodType.methodType(void.class, asyncListenerType))
              .asType(MethodType.methodType(void.class, Object.class, Object.class));
      eventThrowable = getter(asyncEventType, "getThrowable", Throwable.class);
      eventAsyncContext = getter(asyncEventType, "getAsyncContext", asyncContextType, Object.class);
      contextPath = getter(request, "getContextPath", String.class);
      Class<?> mappingType = optionalClass(servletPackage + "http.HttpServletMapping", loader);
      if (mappingType == null) {
        mapping = mappingPattern = mappingMatch = null;
      } else {
        Class<?> matchType = Class.forName(servletPackage + "http.MappingMatch", false, loader);
        mapping = getter(request, "getHttpServletMapping", mappingType, Object.class);
        mappingPattern = getter(mappingType, "getPattern", String.class);
        mappingMatch = getter(mappingType, "getMappingMatch", matchType, Object.class);
      }
    }

    private static Class<?> optionalClass(String name, ClassLoader loader) {
      try {
        return Class.forName(name, false, loader);
      } catch (ClassNotFoundException e) {
        return null;
      }
    }

    private static MethodHandle handle(Class<?> type, String name, MethodType methodType)
        throws ReflectiveOperationException {
      return MethodHandles.publicLookup().findVirtual(type, name, methodType);
    }

    private static MethodHandle getter(Class<?> type, String name, Class<?> returned)
        throws ReflectiveOperationException {
      return getter(type, name, returned, returned);
    }

    private static MethodHandle getter(
        Class<?> type, String name, Class<?> returned, Class<?> seenAs)
        throws ReflectiveOperationException {
      return handle(type, name, MethodType.methodType(returned))
          .asType(MethodType.methodType(seenAs, Object.class));
    }

    String method(Object request) throws Throwable {
      return (String) method.invokeExact(request);
    }

    String scheme(Object request) throws Throwable {
      return (String) scheme.invokeExact(request);
    }

    String requestUri(Object request) throws Throwable {
      return (String) requestUri.invokeExact(request);
    }

    String queryString(Object request) throws Throwable {
      return (String) queryString.invokeExact(request);
    }

    String serverName(Object request) throws Throwable {
      return (String) serverName.invokeExact(request);
    }

    int serverPort(Object request) throws Throwable {
      return (int) serverPort.invokeExact(request);
    }

    String remoteAddr(Object request) throws Throwable {
      return (String) remoteAddr.invokeExact(request);
    }

    String header(Object request, String name) throws Throwable {
      return (String) header.invokeExact(request, name);
    }

    Object attribute(Object request, String name) throws Throwable {
      return (Object) attribute.invokeExact(request, name);
    }

    void setAttribute(Object request, String name, Object value) throws Throwable {
      setAttribute.invokeExact(request, name, value);
    }

    /** The DispatcherType's name: REQUEST, FORWARD, INCLUDE, ASYNC or ERROR. */
    String dispatcherType(Object request) throws Throwable {
      return String.valueOf((Object) dispatcherType.invokeExact(request));
    }

    boolean isAsyncStarted(Object request) throws Throwable {
      return (boolean) asyncStarted.invokeExact(request);
    }

    Object asyncContext(Object request) throws Throwable {
      return (Object) asyncContext.invokeExact(request);
    }

    int status(Object response) throws Throwable {
      return (int) status.invokeExact(response);
    }

    void addListener(Object asyncContext, Object listener) throws Throwable {
      addListener.invokeExact(asyncContext, listener);
    }

    Throwable eventThrowable(Object event) throws Throwable {
      return (Throwable) eventThrowable.invokeExact(event);
    }

    Object eventAsyncContext(Object event) throws Throwable {
      return (Object) eventAsyncContext.invokeExact(event);
    }

    String contextPath(Object request) throws Throwable {
      return (String) contextPath.invokeExact(request);
    }

    /**
     * The servlet mapping's pattern and how it matched ({@code "EXACT /hello"}, {@code "PATH
     * /api/*"}, {@code "DEFAULT /"}...), or null before Servlet 4.0 or when the container has none.
     */
    String[] mapping(Object request) throws Throwable {
      if (mapping == null) {
        return null;
      }
      Object servletMapping = (Object) mapping.invokeExact(request);
      if (servletMapping == null) {
        return null;
      }
      Object match = (Object) mappingMatch.invokeExact(servletMapping);
      return new String[] {
        String.valueOf(match), (String) mappingPattern.invokeExact(servletMapping)
      };
    }

    @Override
    public String get(Object request, String key) {
      try {
        return request == null ? null : header(request, key);
      } catch (Throwable e) {
        throw new IllegalStateException("reading header " + key + ": " + e, e);
      }
    }
  }
}
