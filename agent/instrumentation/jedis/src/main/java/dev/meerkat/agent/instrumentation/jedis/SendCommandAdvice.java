package dev.meerkat.agent.instrumentation.jedis;

import dev.meerkat.agent.bootstrap.jedis.JedisBridge;
import dev.meerkat.agent.bootstrap.jedis.JedisHook;
import java.net.Socket;
import net.bytebuddy.asm.Advice;
import redis.clients.jedis.commands.ProtocolCommand;

/** Inlined into {@code Connection.sendCommand(ProtocolCommand, byte[]...)} (3.0+). */
final class SendCommandAdvice {
  private SendCommandAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class)
  static Object enter(
      @Advice.Argument(0) ProtocolCommand command, @Advice.Argument(1) byte[][] arguments) {
    // The depth is incremented first, unconditionally, because exit always decrements it.
    if (JedisBridge.DEPTH.enter() != 0) {
      return null;
    }
    JedisHook hook = JedisBridge.hook;
    if (hook == null) {
      return null;
    }
    int count = arguments == null ? 0 : arguments.length;
    return hook.start(command.getRaw(), count > 0 ? arguments[0] : null, count);
  }

  @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
  static void exit(
      @Advice.Enter Object call,
      @Advice.FieldValue("socket") Socket socket,
      @Advice.Thrown Throwable error) {
    JedisBridge.DEPTH.exit();
    JedisHook hook = JedisBridge.hook;
    if (call != null && hook != null) {
      hook.sent(call, socket, error);
    }
  }
}
