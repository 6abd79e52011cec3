package dev.meerkat.agent.instrumentation.kafkaclients;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Proxy;

/**
 * Makes proxies of Kafka's {@code Callback} interface, keeping the proxy class's constructor of the
 * last interface seen (an application normally has one Kafka): looking the proxy class up costs
 * more than a send.
 */
final class CallbackProxies {
  private volatile Entry last;

  Object create(Class<?> callbackType, InvocationHandler handler)
      throws ReflectiveOperationException {
    Entry entry = last;
    if (entry == null || entry.callbackType != callbackType) {
      Class<?> proxyClass =
          Proxy.newProxyInstance(
                  callbackType.getClassLoader(), new Class<?>[] {callbackType}, handler)
              .getClass();
      entry = new Entry(callbackType, proxyClass.getConstructor(InvocationHandler.class));
      last = entry;
    }
    return entry.constructor.newInstance(handler);
  }

  private static final class Entry {
    final Class<?> callbackType;
    final Constructor<?> constructor;

    Entry(Class<?> callbackType, Constructor<?> constructor) {
      this.callbackType = callbackType;
      this.constructor = constructor;
    }
  }
}
