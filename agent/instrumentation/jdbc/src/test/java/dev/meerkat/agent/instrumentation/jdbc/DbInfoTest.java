package dev.meerkat.agent.instrumentation.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class DbInfoTest {
  /** url, system, namespace, host, port. */
  static Stream<Arguments> urls() {
    return Stream.of(
        arguments(
            "jdbc:postgresql://127.0.0.1:5433/petclinic",
            "postgresql",
            "petclinic",
            "127.0.0.1",
            5433),
        arguments(
            "jdbc:postgresql://db.example.com/petclinic?user=u&password=secret",
            "postgresql",
            "petclinic",
            "db.example.com",
            -1),
        arguments(
            "jdbc:postgresql://h1:5432,h2:5433/app?targetServerType=primary",
            "postgresql",
            "app",
            "h1",
            5432),
        arguments("jdbc:postgresql://[::1]:5432/app", "postgresql", "app", "::1", 5432),
        arguments("jdbc:postgresql://localhost/", "postgresql", null, "localhost", -1),
        arguments("jdbc:postgresql:petclinic", "postgresql", "petclinic", null, -1),
        arguments("jdbc:h2:mem:test;DB_CLOSE_DELAY=-1", "h2", "test", null, -1),
        arguments("jdbc:h2:mem:", "h2", null, null, -1),
        arguments("jdbc:h2:file:/data/db;MODE=PostgreSQL", "h2", "/data/db", null, -1),
        arguments("jdbc:h2:~/test", "h2", "~/test", null, -1),
        arguments("jdbc:h2:tcp://dbhost:9092/~/test;USER=sa", "h2", "~/test", "dbhost", 9092),
        arguments(
            "jdbc:mysql://u:secret@mysqlhost:3306/shop?useSSL=false",
            "mysql",
            "shop",
            "mysqlhost",
            3306),
        arguments("jdbc:mariadb://m/shop", "mariadb", "shop", "m", -1),
        arguments(
            "jdbc:sqlserver://sql:1433;databaseName=crm;encrypt=true", "mssql", "crm", "sql", 1433),
        arguments("jdbc:oracle:thin:@//ora:1521/svc", "oracle", null, null, -1),
        arguments("jdbc:p6spy:postgresql://p/app", "postgresql", "app", "p", -1),
        arguments("jdbc:hsqldb:mem:x", "hsqldb", null, null, -1),
        arguments("jdbc:unknown://x/y", "other_sql", null, null, -1),
        arguments("not a url", "other_sql", null, null, -1),
        arguments("jdbc:postgresql://h:notaport/app", "postgresql", "app", "h", -1));
  }

  @ParameterizedTest
  @MethodSource("urls")
  void readsSystemNamespaceHostAndPort(
      String url, String system, String namespace, String host, int port) {
    DbInfo db = DbInfo.parse(url);
    assertThat(db.system).isEqualTo(system);
    assertThat(db.namespace).isEqualTo(namespace);
    assertThat(db.host).isEqualTo(host);
    assertThat(db.port).isEqualTo(port);
  }
}
