package com.partnerflow.reliability;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * A database of its own for one run of the tier on the local MySQL-protocol server (MariaDB on
 * 127.0.0.1:3306 in CI, user root without password; {@code PARTNERFLOW_TEST_MYSQL_SERVER}, {@code
 * PARTNERFLOW_TEST_MYSQL_USER} and {@code …_PASSWORD} override them): created empty, migrated by
 * the first service instance, dropped at the end. An unreachable server fails the tier.
 */
final class ReliabilityDatabase implements AutoCloseable {

  private final String server;
  private final String user;
  private final String password;
  private final String name;
  private boolean dropped;

  private ReliabilityDatabase(String server, String user, String password, String name) {
    this.server = server;
    this.user = user;
    this.password = password;
    this.name = name;
  }

  static ReliabilityDatabase create() {
    String server = env("PARTNERFLOW_TEST_MYSQL_SERVER", "127.0.0.1:3306");
    String user = env("PARTNERFLOW_TEST_MYSQL_USER", "root");
    String password = env("PARTNERFLOW_TEST_MYSQL_PASSWORD", "");
    String name =
        "partnerflow_rel_"
            + LocalDateTime.now(ZoneOffset.UTC)
                .format(DateTimeFormatter.ofPattern("yyyyMMddHHmmss"))
            + "_"
            + ProcessHandle.current().pid();
    var database = new ReliabilityDatabase(server, user, password, name);
    try (Connection c = database.serverConnection()) {
      c.createStatement().execute("CREATE DATABASE " + name + " CHARACTER SET utf8mb4");
    } catch (SQLException e) {
      throw new IllegalStateException(
          "The reliability tier needs a MySQL-protocol server at "
              + server
              + " (user "
              + user
              + "): "
              + e.getMessage(),
          e);
    }
    System.out.printf("[reliability] database %s on %s%n", name, server);
    return database;
  }

  String name() {
    return name;
  }

  String user() {
    return user;
  }

  String password() {
    return password;
  }

  /** The JDBC URL the service instances and the tier's own checks use. */
  String jdbcUrl() {
    return "jdbc:mysql://" + server + "/" + name + "?useSSL=false&allowPublicKeyRetrieval=true";
  }

  Connection connect() throws SQLException {
    return DriverManager.getConnection(jdbcUrl(), user, password);
  }

  private Connection serverConnection() throws SQLException {
    return DriverManager.getConnection(
        "jdbc:mysql://" + server + "/?useSSL=false&allowPublicKeyRetrieval=true", user, password);
  }

  @Override
  public synchronized void close() {
    if (dropped) {
      return;
    }
    dropped = true;
    try (Connection c = serverConnection()) {
      c.createStatement().execute("DROP DATABASE IF EXISTS " + name);
      System.out.printf("[reliability] dropped database %s%n", name);
    } catch (SQLException e) {
      System.err.printf("[reliability] could not drop database %s: %s%n", name, e.getMessage());
    }
  }

  private static String env(String name, String otherwise) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? otherwise : value;
  }
}
