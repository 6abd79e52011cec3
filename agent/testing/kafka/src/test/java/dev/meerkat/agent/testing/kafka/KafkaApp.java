package dev.meerkat.agent.testing.kafka;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The app in the child JVM: {@code GET /send} sends a record to the orders topic (a record over the
 * size limit with {@code ?big}) and answers when the broker has acknowledged it; a consumer thread
 * takes each order and sends it on to the audit topic while processing it.
 *
 * <p>Arguments: bootstrap servers, orders topic, audit topic. Uses only client API that Kafka 3.x
 * and 4.x both have.
 */
public final class KafkaApp {
  private KafkaApp() {}

  public static void main(String[] args) throws Exception {
    String bootstrap = args[0];
    String orders = args[1];
    String audit = args[2];
    KafkaProducer<String, String> producer = new KafkaProducer<>(producerConfig(bootstrap));
    KafkaConsumer<String, String> consumer =
        new KafkaConsumer<>(consumerConfig(bootstrap, "it-group", "it-consumer"));
    KafkaConsumer<String, String> auditor =
        new KafkaConsumer<>(consumerConfig(bootstrap, "it-audit-group", "it-auditor"));
    // Assigned, not subscribed: no group rebalance to wait for.
    consumer.assign(List.of(new TopicPartition(orders, 0)));
    Thread consuming = new Thread(() -> consume(consumer, producer, audit), "consumer");
    consuming.setDaemon(true);
    consuming.start();
    TopicPartition auditPartition = new TopicPartition(audit, 0);
    auditor.assign(List.of(auditPartition));
    Thread auditing = new Thread(() -> audit(auditor, auditPartition), "auditor");
    auditing.setDaemon(true);
    auditing.start();

    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/send", exchange -> send(exchange, producer, orders));
    server.start();
    System.out.println("READY " + server.getAddress().getPort());
  }

  private static void send(
      HttpExchange exchange, KafkaProducer<String, String> producer, String topic)
      throws IOException {
    boolean big = "big".equals(exchange.getRequestURI().getQuery());
    String value = big ? "x".repeat(2_000_000) : "two coffees";
    CompletableFuture<RecordMetadata> acknowledged = new CompletableFuture<>();
    producer.send(
        new ProducerRecord<>(topic, "order-1", value),
        (metadata, exception) -> {
          if (exception != null) {
            acknowledged.completeExceptionally(exception);
          } else {
            acknowledged.complete(metadata);
          }
        });
    int status;
    String body;
    try {
      status = 200;
      body = "offset " + acknowledged.get().offset();
    } catch (ExecutionException e) {
      status = 500;
      body = e.getCause().getClass().getName();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      status = 503;
      body = "interrupted";
    }
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  private static void consume(
      KafkaConsumer<String, String> consumer,
      KafkaProducer<String, String> producer,
      String audit) {
    try {
      while (true) {
        ConsumerRecords<String, String> records = consumer.poll(Duration.ofMillis(100));
        for (ConsumerRecord<String, String> record : records) {
          producer.send(new ProducerRecord<>(audit, record.key(), record.value())).get();
        }
      }
    } catch (Exception e) {
      e.printStackTrace();
    }
  }

  private static void audit(KafkaConsumer<String, String> auditor, TopicPartition partition) {
    long seen = 0;
    while (true) {
      ConsumerRecords<String, String> records = auditor.poll(Duration.ofMillis(100));
      for (ConsumerRecord<String, String> record : records.records(partition)) {
        seen += record.offset();
      }
      for (ConsumerRecord<String, String> record : records.records(partition.topic())) {
        seen -= record.offset();
      }
      if (seen != 0) {
        throw new IllegalStateException("records(partition) and records(topic) differ");
      }
    }
  }

  private static Properties producerConfig(String bootstrap) {
    Properties config = new Properties();
    config.put("bootstrap.servers", bootstrap);
    config.put("client.id", "it-producer");
    config.put("acks", "all");
    config.put("key.serializer", StringSerializer.class.getName());
    config.put("value.serializer", StringSerializer.class.getName());
    return config;
  }

  private static Properties consumerConfig(String bootstrap, String group, String clientId) {
    Properties config = new Properties();
    config.put("bootstrap.servers", bootstrap);
    config.put("client.id", clientId);
    config.put("group.id", group);
    config.put("auto.offset.reset", "earliest");
    config.put("key.deserializer", StringDeserializer.class.getName());
    config.put("value.deserializer", StringDeserializer.class.getName());
    return config;
  }
}
