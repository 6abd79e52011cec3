package dev.meerkat.dashboard.config;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.meerkat.dashboard.alerting.store.JdbcAlertStore;
import dev.meerkat.dashboard.alerting.store.JdbcChannelRepository;
import dev.meerkat.dashboard.alerting.store.JdbcEvaluatorLease;
import dev.meerkat.dashboard.alerting.store.JdbcMetricRuleStore;
import dev.meerkat.dashboard.alerting.store.JdbcOutbox;
import dev.meerkat.dashboard.alerting.store.JdbcRoutingStore;
import dev.meerkat.dashboard.alerting.store.SecretCipher;
import dev.meerkat.dashboard.alerting.store.SecretKeyException;
import dev.meerkat.dashboard.slo.service.SloDefinitionCarryOver;
import dev.meerkat.dashboard.slo.store.JdbcOneTimeMigrations;
import dev.meerkat.dashboard.slo.store.JdbcSloRepository;
import dev.meerkat.store.clickhouse.ClickHouseStore;
import dev.meerkat.store.clickhouse.slo.ClickHouseSloRepository;
import dev.meerkat.store.slo.SloRepository;
import java.time.Clock;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The relational store of operational state (DESIGN.md decision 9): the data source, its Flyway
 * migrations ({@code db/state}), and the repositories over it. The SLO definitions that lived in
 * ClickHouse are carried over once, before anything reads them.
 */
@Configuration(proxyBeanMethods = false)
class StateStoreConfiguration {

  private static final Logger logger = LoggerFactory.getLogger(StateStoreConfiguration.class);

  @Bean(destroyMethod = "close")
  HikariDataSource stateDataSource(MeerkatProperties properties) {
    MeerkatProperties.State state = properties.state();
    HikariConfig config = new HikariConfig();
    config.setPoolName("meerkat-state");
    config.setJdbcUrl(state.jdbcUrl(properties.dataDir()));
    config.setUsername(state.user());
    config.setPassword(state.password());
    config.setMaximumPoolSize(state.maxConnections());
    HikariDataSource dataSource = new HikariDataSource(config);
    try {
      migrate(dataSource);
    } catch (RuntimeException e) {
      dataSource.close();
      throw new StorageUnavailableException(
          "Could not prepare the state store (meerkat.state.url / MEERKAT_STATE_URL): "
              + e.getMessage(),
          e);
    }
    logger.info(
        "Operational state in {}",
        state.url().isBlank()
            ? "an embedded H2 file under " + properties.dataDir()
            : "the configured database");
    return dataSource;
  }

  /** Applies the migrations under {@code db/state}; shared with the tests. */
  static void migrate(DataSource dataSource) {
    Flyway.configure()
        .dataSource(dataSource)
        .locations("classpath:db/state")
        .table("state_schema_history")
        .load()
        .migrate();
  }

  @Bean
  PlatformTransactionManager stateTransactionManager(HikariDataSource stateDataSource) {
    return new DataSourceTransactionManager(stateDataSource);
  }

  @Bean
  TransactionTemplate stateTransactions(PlatformTransactionManager stateTransactionManager) {
    return new TransactionTemplate(stateTransactionManager);
  }

  @Bean
  JdbcClient stateJdbc(HikariDataSource stateDataSource) {
    return JdbcClient.create(stateDataSource);
  }

  @Bean
  SloRepository sloRepository(
      JdbcClient stateJdbc,
      TransactionTemplate stateTransactions,
      ClickHouseStore clickHouse,
      Clock clock) {
    JdbcSloRepository slos = new JdbcSloRepository(stateJdbc, stateTransactions);
    new SloDefinitionCarryOver(
            new ClickHouseSloRepository(clickHouse)::listCurrent,
            slos,
            new JdbcOneTimeMigrations(stateJdbc))
        .run(clock.instant());
    return slos;
  }

  @Bean
  JdbcOutbox outbox(JdbcClient stateJdbc, TransactionTemplate stateTransactions) {
    return new JdbcOutbox(stateJdbc, stateTransactions);
  }

  @Bean
  JdbcAlertStore alertStore(
      JdbcClient stateJdbc, TransactionTemplate stateTransactions, JdbcOutbox outbox) {
    return new JdbcAlertStore(stateJdbc, stateTransactions, outbox);
  }

  @Bean
  JdbcEvaluatorLease evaluatorLease(JdbcClient stateJdbc, TransactionTemplate stateTransactions) {
    return new JdbcEvaluatorLease(stateJdbc, stateTransactions);
  }

  /** The key for channel secrets ({@link SecretKeys}); a bad key stops the start. */
  @Bean
  SecretCipher secretCipher(MeerkatProperties properties) {
    try {
      return SecretKeys.cipher(properties.secrets(), properties.dataDir());
    } catch (IllegalStateException | IllegalArgumentException e) {
      throw new StorageUnavailableException(
          "Cannot load the key for channel secrets: " + e.getMessage(), e);
    }
  }

  /**
   * Channels, with every stored secret encrypted under the current key before first use: plaintext
   * rows from before encryption, and rows under a key being replaced.
   */
  @Bean
  JdbcChannelRepository channelRepository(
      JdbcClient stateJdbc, TransactionTemplate stateTransactions, SecretCipher cipher) {
    JdbcChannelRepository channels =
        new JdbcChannelRepository(stateJdbc, stateTransactions, cipher);
    try {
      int sealed = channels.sealStoredSecrets();
      if (sealed > 0) {
        logger.info(
            "Encrypted the secrets of {} channels with key {}", sealed, cipher.currentKeyId());
      }
    } catch (SecretKeyException e) {
      throw new StorageUnavailableException("Cannot open channel secrets: " + e.getMessage(), e);
    }
    return channels;
  }

  @Bean
  JdbcRoutingStore routingStore(JdbcClient stateJdbc) {
    return new JdbcRoutingStore(stateJdbc);
  }

  @Bean
  JdbcMetricRuleStore metricRuleStore(
      JdbcClient stateJdbc,
      TransactionTemplate stateTransactions,
      JdbcOutbox outbox,
      JdbcRoutingStore routingStore) {
    return new JdbcMetricRuleStore(stateJdbc, stateTransactions, outbox, routingStore);
  }
}
