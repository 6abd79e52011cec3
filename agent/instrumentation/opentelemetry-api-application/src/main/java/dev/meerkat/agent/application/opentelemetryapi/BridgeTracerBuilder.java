package dev.meerkat.agent.application.opentelemetryapi;

import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.TracerBuilder;

final class BridgeTracerBuilder implements TracerBuilder {
  private final String name;
  private String version;
  private String schemaUrl;

  BridgeTracerBuilder(String name) {
    this.name = name;
  }

  @Override
  public TracerBuilder setSchemaUrl(String schemaUrl) {
    this.schemaUrl = schemaUrl;
    return this;
  }

  @Override
  public TracerBuilder setInstrumentationVersion(String instrumentationScopeVersion) {
    this.version = instrumentationScopeVersion;
    return this;
  }

  @Override
  public Tracer build() {
    return BridgeTracerProvider.tracer(name, version, schemaUrl);
  }
}
