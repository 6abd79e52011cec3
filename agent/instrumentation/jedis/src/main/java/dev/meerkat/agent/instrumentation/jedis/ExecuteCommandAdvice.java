package dev.meerkat.agent.instrumentation.jedis;

import dev.meerkat.agent.bootstrap.jedis.JedisBridge;
import dev.meerkat.agent.bootstrap.jedis.JedisHook;
import java.net.Socket;
import java.util.Iterator;
import net.bytebuddy.asm.Advice;
import redis.clients.jedis.CommandArguments;
import redis.clients.jedis.CommandObject;
import redis.clients.jedis.args.Rawable;

/** Inlined into {@code Connection.executeCommand(CommandObject)} (4.0+): write and reply. */
final class ExecuteCommandAdvice {
  private ExecuteCommandAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class)
  static Object enter(@Advice.Argument(0) CommandObject<?> command) {
    // The depth is incremented first, unconditionally, because exit always decrements it.
    if (JedisBridge.DEPTH.enter() != 0) {
      return null;
    }
    JedisHook hook = JedisBridge.hook;
    if (hook == null) {
      return null;
    }
    CommandArguments arguments = command.getArguments();
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
      hook.end(call, socket, error);
    }
  }
}
