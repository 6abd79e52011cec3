package dev.meerkat.collector.receiver;

import dev.meerkat.collector.pipeline.BatchRecordProcessor;
import dev.meerkat.store.model.LogRecord;
import io.grpc.ServerServiceDefinition;
import io.opentelemetry.proto.collector.logs.v1.LogsServiceGrpc;
import java.time.Clock;

/** OTLP/gRPC logs service ({@code opentelemetry.proto.collector.logs.v1.LogsService}). */
public final class OtlpGrpcLogService implements OtlpGrpcService {

  private final OtlpGrpcReceiver<LogRecord> receiver;

  private OtlpGrpcLogService(
      BatchRecordProcessor<LogRecord> processor, IngestLimiter limiter, Clock clock) {
    this.receiver = new OtlpGrpcReceiver<>(new OtlpLogIngest(processor, limiter, clock));
  }

  public static OtlpGrpcLogService create(
      BatchRecordProcessor<LogRecord> processor, IngestLimiter limiter, Clock clock) {
    return new OtlpGrpcLogService(processor, limiter, clock);
  }

  @Override
  public ServerServiceDefinition definition() {
    return receiver.bind(LogsServiceGrpc.getExportMethod());
  }

  @Override
  public OtlpReceiverCounts counts() {
    return receiver.counts();
  }
}
