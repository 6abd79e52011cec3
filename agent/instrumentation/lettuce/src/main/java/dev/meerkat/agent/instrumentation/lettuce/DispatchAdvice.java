package dev.meerkat.agent.instrumentation.lettuce;

import dev.meerkat.agent.bootstrap.lettuce.LettuceBridge;
import dev.meerkat.agent.bootstrap.lettuce.LettuceHook;
import io.lettuce.core.protocol.CommandArgs;
import io.lettuce.core.protocol.RedisCommand;
import java.nio.ByteBuffer;
import net.bytebuddy.asm.Advice;

/**
 * Inlined into {@code AbstractRedisAsyncCommands.dispatch(RedisCommand)}, the one method every
 * async (and so every sync) command goes through: starts the span, which ends with the returned
 * future.
 */
final class DispatchAdvice {
  private DispatchAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class)
  static Object enter(
      @Advice.FieldValue("connection") Object connection,
      @Advice.Argument(0) RedisCommand<?, ?, ?> command) {
    LettuceHook hook = LettuceBridge.hook;
    if (hook == null || command == null) {
      return null;
    }
    CommandArgs<?, ?> arguments = command.getArgs();
    int count = arguments == null ? 0 : arguments.count();
    ByteBuffer firstKey = count == 0 ? null : arguments.getFirstEncodedKey();
    return hook.start(connection, command.getType().getBytes(), firstKey, count);
  }

  @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
  static void exit(
      @Advice.Enter Object call, @Advice.Return Object future, @Advice.Thrown Throwable error) {
    LettuceHook hook = LettuceBridge.hook;
    if (call != null && hook != null) {
      hook.end(call, future, error);
    }
  }
}
