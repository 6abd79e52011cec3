package dev.meerkat.agent.it.springwebmvc;

import java.util.concurrent.Callable;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** A Spring MVC application with templated routes; prints READY port. */
@SpringBootApplication
@RestController
public class OwnersApp {
  @GetMapping("/owners/{ownerId}")
  String owner(@PathVariable String ownerId) {
    return "owner " + ownerId;
  }

  @GetMapping("/owners/{ownerId}/pets/{petId}")
  String pet(@PathVariable String ownerId, @PathVariable String petId) {
    return "pet " + petId + " of " + ownerId;
  }

  @GetMapping("/visits/{visitId}")
  Callable<String> visit(@PathVariable String visitId) {
    return () -> "visit " + visitId; // async: answered from another thread
  }

  @GetMapping("/oops")
  String oops() {
    throw new IllegalStateException("boom");
  }

  public static void main(String[] args) {
    ConfigurableApplicationContext context =
        SpringApplication.run(
            OwnersApp.class,
            "--server.port=0",
            "--server.address=127.0.0.1",
            "--server.servlet.context-path=/petclinic",
            "--spring.main.banner-mode=off");
    System.out.println("READY " + context.getEnvironment().getProperty("local.server.port"));
  }
}
