package dev.meerkat.dashboard.config;

import dev.meerkat.dashboard.services.domain.ApdexThresholds;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** What the services page needs from the configuration: the Apdex thresholds. */
@Configuration(proxyBeanMethods = false)
class ServicesConfiguration {

  @Bean
  ApdexThresholds apdexThresholds(MeerkatProperties properties) {
    return new ApdexThresholds(
        properties.apdex().defaultThreshold(), properties.apdex().thresholds());
  }
}
