package dev.meerkat.agent.instrumentation.jedis;

import dev.meerkat.agent.bootstrap.jedis.JedisBridge;
import dev.meerkat.agent.bootstrap.jedis.JedisHook;
import java.net.Socket;
import java.util.Iterator;
import net.bytebuddy.asm.Advice;
import redis.clients.jedis.CommandArguments;
import redis.clients.jedis.args.Rawable;

/**
 * Inlined into {@code Connection.sendCommand(CommandArguments)} (4.0+): pipelined and raw commands.
 */
final class SendArgumentsAdvice {
  private SendArgumentsAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class)
  static Object enter(@Advice.Argument(0) CommandArguments command) {
    // The depth is incremented first, unconditionally, because exit always decrements it.
    if (JedisBridge.DEPTH.enter() != 0) {
      return null;
    }
    JedisHook hook = JedisBridge.hook;
    if (hook == null) {
      return null;
    }
    CommandArguments arguments = command;
    // The command itself is the first of the arguments.
    Iterator<Rawable> raw = arguments.iterator();
    byte[] name = raw.next().getRaw();
    byte[] first = raw.hasNext() ? raw.next().getRaw() : null;
    return hook.start(name, first, arguments.size() - 1);
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
