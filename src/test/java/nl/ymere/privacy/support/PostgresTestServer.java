package nl.ymere.privacy.support;

import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.regex.Pattern;

/**
 * The PostgreSQL server the tests use: by default 127.0.0.1:5432 with trust authentication as {@code postgres}.
 * The test database URL comes from the system property {@code privacy.test.postgres.url} (Surefire and Failsafe
 * pass it from the pom; {@code mvn -Dprivacy.test.postgres.url=... verify} points the tests elsewhere). Other
 * databases (such as the cluster proof's own) live on the same server.
 */
public final class PostgresTestServer {

  public static final String URL_PROPERTY = "privacy.test.postgres.url";
  static final String DEFAULT_URL = "jdbc:postgresql://127.0.0.1:5432/privacy_test";
  public static final String USER = "postgres";
  public static final String PASSWORD = "";

  private static final Pattern DATABASE_NAME = Pattern.compile("[a-z_][a-z0-9_]*");
  private static final String MAINTENANCE_DATABASE = "postgres";
  private static final String DUPLICATE_DATABASE = "42P04";
  private static final String UNIQUE_VIOLATION = "23505";

  private PostgresTestServer() {
  }

  /** JDBC URL of the shared test database ({@code privacy_test} unless configured otherwise). */
  public static String testDatabaseUrl() {
    return System.getProperty(URL_PROPERTY, DEFAULT_URL);
  }

  /** JDBC URL of another database on the same server. */
  public static String urlOf(String database) {
    return "jdbc:postgresql://" + hostAndPort() + "/" + checkedName(database);
  }

  /** Name of the database in {@link #testDatabaseUrl()}. */
  public static String testDatabaseName() {
    return databaseNameOf(testDatabaseUrl());
  }

  static String databaseNameOf(String jdbcUrl) {
    String path = URI.create(jdbcUrl.substring("jdbc:".length())).getPath();
    return checkedName(path.substring(1));
  }

  static String hostAndPort() {
    URI uri = URI.create(testDatabaseUrl().substring("jdbc:".length()));
    return uri.getHost() + ":" + (uri.getPort() == -1 ? 5432 : uri.getPort());
  }

  /** Opens a connection to the server's maintenance database; fails fast when nothing answers. */
  static Connection connectToServer() throws SQLException {
    Properties properties = new Properties();
    properties.setProperty("user", USER);
    properties.setProperty("password", PASSWORD);
    properties.setProperty("connectTimeout", "3");
    properties.setProperty("loginTimeout", "5");
    return DriverManager.getConnection(urlOf(MAINTENANCE_DATABASE), properties);
  }

  /** Creates the database unless it exists; safe when two test JVMs race for it. */
  public static void createDatabaseIfMissing(String database) {
    String name = checkedName(database);
    try (Connection connection = connectToServer()) {
      if (exists(connection, name)) {
        return;
      }
      try (Statement statement = connection.createStatement()) {
        statement.execute("CREATE DATABASE " + name);
      } catch (SQLException e) {
        if (!DUPLICATE_DATABASE.equals(e.getSQLState()) && !UNIQUE_VIOLATION.equals(e.getSQLState())) {
          throw e;
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Could not create PostgreSQL database " + name + ": " + e.getMessage(), e);
    }
  }

  /** Drops the database (closing other sessions on it) and creates it empty. */
  public static void recreateDatabase(String database) {
    String name = checkedName(database);
    try (Connection connection = connectToServer(); Statement statement = connection.createStatement()) {
      statement.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
      statement.execute("CREATE DATABASE " + name);
    } catch (SQLException e) {
      throw new IllegalStateException("Could not recreate PostgreSQL database " + name + ": " + e.getMessage(), e);
    }
  }

  private static boolean exists(Connection connection, String name) throws SQLException {
    try (PreparedStatement query = connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
      query.setString(1, name);
      try (ResultSet result = query.executeQuery()) {
        return result.next();
      }
    }
  }

  /** Database names go into DDL, so only plain lower-case identifiers pass. */
  private static String checkedName(String database) {
    if (!DATABASE_NAME.matcher(database).matches()) {
      throw new IllegalArgumentException("Not a plain PostgreSQL database name: " + database);
    }
    return database;
  }
}
