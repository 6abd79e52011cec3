package dev.meerkat.demo.owners;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

/**
 * The demo's "owners" service, shaped like Spring PetClinic: owners, their pets and the pets'
 * visits in an in-memory H2 database seeded at start-up, plus a call to the inventory demo service.
 */
@SpringBootApplication
public class OwnersApplication {

  public static void main(String[] args) {
    SpringApplication.run(OwnersApplication.class, args);
  }

  /** The inventory service, over java.net.http (no other HTTP client library is bundled). */
  @Bean
  RestClient inventory(@Value("${owners.inventory-url}") String inventoryUrl) {
    return RestClient.builder()
        .baseUrl(inventoryUrl)
        .requestFactory(new JdkClientHttpRequestFactory())
        .build();
  }
}
