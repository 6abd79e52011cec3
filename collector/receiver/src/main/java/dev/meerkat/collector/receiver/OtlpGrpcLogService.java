package dev.meerkat.collector.receiver;

import dev.meerkat.collector.pipeline.BatchRecordProcessor;
import dev.meerkat.store.model.LogRecord;
import io.grpc.ServerServiceDefinition;
import io.grpc.stub.StreamObserver;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceRequest;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceResponse;
import io.opentelemetry.proto.collector.logs.v1.LogsServiceGrpc;
import java.time.Clock;

/** OTLP/gRPC logs service ({@code opentelemetry.proto.collector.logs.v1.LogsService}). */
public final class OtlpGrpcLogService extends LogsServiceGrpc.LogsServiceImplBase
    implements OtlpGrpcService {

  private final OtlpGrpcReceiver<ExportLogsServiceRequest, ExportLogsServiceResponse> receiver;

  private OtlpGrpcLogService(
      BatchRecordProcessor<LogRecord> processor, IngestLimiter limiter, Clock clock) {
    this.receiver = new OtlpGrpcReceiver<>(new OtlpLogIngest(processor, limiter, clock));
  }

  public static OtlpGrpcLogService create(
      BatchRecordProcessor<LogRecord> processor, IngestLimiter limiter, Clock clock) {
    return new OtlpGrpcLogService(processor, limiter, clock);
  }

  @Override
  public void export(
      ExportLogsServiceRequest request, StreamObserver<ExportLogsServiceResponse> responses) {
    receiver.export(request, responses);
  }

  @Override
  public ServerServiceDefinition definition() {
    return receiver.bind(bindService());
  }

  @Override
  public OtlpReceiverCounts counts() {
    return receiver.counts();
  }
}
