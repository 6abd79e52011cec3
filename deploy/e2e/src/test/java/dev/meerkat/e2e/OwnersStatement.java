package dev.meerkat.e2e;

import java.util.Map;

/**
 * A JDBC statement the owners demo service runs, as the agent must report it: span {@code
 * <operation> <table>} with the table of the JPA entity, and the SQL Hibernate 7.4 generates for
 * the repository method (it binds every value, so the sanitized text equals it).
 */
record OwnersStatement(String operation, String table, String sql) {
  static final OwnersStatement OWNER_BY_ID =
      new OwnersStatement(
          "SELECT",
          "owners",
          "select o1_0.id,o1_0.address,o1_0.city,o1_0.first_name,o1_0.last_name,o1_0.telephone"
              + " from owners o1_0 where o1_0.id=?");
  // Spring Data's LIKE escape character is the literal '\', replaced like any literal.
  static final OwnersStatement OWNERS_BY_LAST_NAME =
      new OwnersStatement(
          "SELECT",
          "owners",
          "select o1_0.id,o1_0.address,o1_0.city,o1_0.first_name,o1_0.last_name,o1_0.telephone"
              + " from owners o1_0 where o1_0.last_name like ? escape ? order by o1_0.id");
  static final OwnersStatement OWNER_EXISTS =
      new OwnersStatement("SELECT", "owners", "select count(*) from owners o1_0 where o1_0.id=?");
  static final OwnersStatement INSERT_OWNER =
      new OwnersStatement(
          "INSERT",
          "owners",
          "insert into owners (address,city,first_name,last_name,telephone,id)"
              + " values (?,?,?,?,?,default)");
  static final OwnersStatement PETS_OF_OWNER =
      new OwnersStatement(
          "SELECT",
          "pets",
          "select p1_0.id,p1_0.birth_date,p1_0.name,p1_0.owner_id,p1_0.type"
              + " from pets p1_0 where p1_0.owner_id=? order by p1_0.id");
  static final OwnersStatement PET_OF_OWNER =
      new OwnersStatement(
          "SELECT",
          "pets",
          "select p1_0.id,p1_0.birth_date,p1_0.name,p1_0.owner_id,p1_0.type"
              + " from pets p1_0 where p1_0.id=? and p1_0.owner_id=?");
  // Owner 6 has two pets.
  static final OwnersStatement VISITS_OF_TWO_PETS =
      new OwnersStatement(
          "SELECT",
          "visits",
          "select v1_0.id,v1_0.visit_date,v1_0.description,v1_0.pet_id"
              + " from visits v1_0 where v1_0.pet_id in (?,?) order by v1_0.visit_date desc");

  String spanName() {
    return operation + " " + table;
  }

  /** The span's exact attributes: H2 in memory, database petclinic (the service's JDBC URL). */
  Map<String, String> attributes() {
    return Map.of(
        "db.system", "h2",
        "db.namespace", "petclinic",
        "db.operation.name", operation,
        "db.collection.name", table,
        "db.query.text", sql);
  }
}
