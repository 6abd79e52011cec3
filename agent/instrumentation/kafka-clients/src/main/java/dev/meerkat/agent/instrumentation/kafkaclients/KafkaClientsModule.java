package dev.meerkat.agent.instrumentation.kafkaclients;

import static net.bytebuddy.matcher.ElementMatchers.isConstructor;
import static net.bytebuddy.matcher.ElementMatchers.isPublic;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import dev.meerkat.agent.bootstrap.kafkaclients.KafkaBridge;
import dev.meerkat.agent.tooling.InstrumentationContext;
import dev.meerkat.agent.tooling.InstrumentationModule;
import dev.meerkat.agent.tooling.LibraryCheck;
import dev.meerkat.agent.tooling.TypeInstrumentation;
import java.util.Arrays;
import java.util.List;

/**
 * Apache Kafka clients 2.x to 4.x: a PRODUCER span per {@code KafkaProducer.send} (trace context
 * injected into the record's headers, ended when the broker acknowledges the record), and a
 * CONSUMER {@code process} span per record the application takes from the {@code ConsumerRecords} a
 * poll returned, child of the producer span found in the record's headers.
 */
public final class KafkaClientsModule extends InstrumentationModule {
  private static final String PACKAGE = "dev.meerkat.agent.instrumentation.kafkaclients.";

  public KafkaClientsModule() {
    super("kafka-clients");
  }

  @Override
  public String supportedVersions() {
    return "org.apache.kafka:kafka-clients 2.0 - 4.x";
  }

  @Override
  public LibraryCheck libraryCheck() {
    // Record headers (0.11+) carry the trace context.
    return LibraryCheck.requires(
        "org.apache.kafka.clients.producer.KafkaProducer",
        "org.apache.kafka.common.header.Headers");
  }

  @Override
  public void activate(InstrumentationContext context) {
    KafkaBridge.hook = new KafkaTracer(context);
  }

  @Override
  public List<TypeInstrumentation> typeInstrumentations() {
    return Arrays.asList(
        TypeInstrumentation.forType(named("org.apache.kafka.clients.producer.KafkaProducer"))
            // send(record) delegates to send(record, callback): only the latter is advised.
            .advise(named("send").and(takesArguments(2)).and(isPublic()), PACKAGE + "SendAdvice")
            .build(),
        TypeInstrumentation.forType(named("org.apache.kafka.clients.consumer.KafkaConsumer"))
            // The public constructors all delegate to this one.
            .advise(
                isConstructor()
                    .and(takesArguments(3))
                    .and(
                        takesArgument(
                            0, named("org.apache.kafka.clients.consumer.ConsumerConfig"))),
                PACKAGE + "ConsumerConstructorAdvice")
            .advise(named("poll").and(takesArguments(1)).and(isPublic()), PACKAGE + "PollAdvice")
            .build(),
        TypeInstrumentation.forType(named("org.apache.kafka.clients.consumer.ConsumerRecords"))
            .advise(
                named("iterator").and(takesArguments(0)).and(isPublic()),
                PACKAGE + "IteratorAdvice")
            .advise(
                named("records").and(takesArguments(1)).and(isPublic()), PACKAGE + "RecordsAdvice")
            .build());
  }
}
