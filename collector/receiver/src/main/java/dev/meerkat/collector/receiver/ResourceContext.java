package dev.meerkat.collector.receiver;

/**
 * What every span of one OTLP {@code ResourceSpans} shares: its service and resource attributes.
 */
record ResourceContext(String service, KeyValues attributes) {}
