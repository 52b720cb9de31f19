package nl.ymere.privacy.request;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import nl.ymere.privacy.web.ApiConflictException;
import nl.ymere.privacy.web.ApiValidationException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@code Idempotency-Key} of {@code POST /api/requests} (issue 15 item 3) on {@code privacy.idempotency_key}
 * (V60). The same key and the same body answer the first answer again (status, Location and body); the same key
 * with another body is refused with 409. The key is stored in the registration's own transaction, first: a second
 * call with the key while the first is still running waits on the primary key and then gets the first answer, and
 * a rolled-back registration leaves no key behind. Keys count for {@code privacy.request.idempotency-key-retention}
 * (24 h) per user.
 */
@Component
class IdempotentRegistrations {

  /** An answer of {@code POST /api/requests}: status, Location and body. */
  record Answer(int status, String location, Map<String, Object> body) {
  }

  static final int MAX_KEY_LENGTH = 200;
  private static final String TABLE = "privacy.idempotency_key";

  private final JdbcTemplate jdbc;
  private final TransactionTemplate transactions;
  private final ObjectMapper json;
  private final Duration retention;
  private final Clock clock;

  IdempotentRegistrations(JdbcTemplate jdbc, PlatformTransactionManager transactionManager, ObjectMapper json,
      @Value("${privacy.request.idempotency-key-retention:PT24H}") Duration retention, ObjectProvider<Clock> clocks) {
    this.jdbc = jdbc;
    this.transactions = new TransactionTemplate(transactionManager);
    this.json = json;
    this.retention = retention;
    this.clock = clocks.getIfUnique(Clock::systemUTC);
  }

  /**
   * Runs {@code register} once per user, key and body: the first time inside one transaction with the stored key,
   * every later time (within the retention) answering the stored answer.
   */
  Answer once(String user, String key, Object command, Supplier<Answer> register) {
    if (key.isBlank() || key.length() > MAX_KEY_LENGTH) {
      throw new ApiValidationException("Idempotency-Key",
          "moet 1 tot " + MAX_KEY_LENGTH + " tekens lang zijn");
    }
    String hash = hash(command);
    Optional<Answer> earlier = earlier(user, key, hash);
    if (earlier.isPresent()) {
      return earlier.get();
    }
    try {
      return transactions.execute(status -> {
        Instant now = clock.instant();
        jdbc.update("DELETE FROM " + TABLE + " WHERE created_at < ?", timestamp(now.minus(retention)));
        jdbc.update("INSERT INTO " + TABLE + " (client_user, idempotency_key, request_hash, response_status, "
            + "response_body, created_at) VALUES (?, ?, ?, 0, '', ?)", user, key, hash, timestamp(now));
        Answer answer = register.get();
        jdbc.update("UPDATE " + TABLE + " SET response_status = ?, location = ?, response_body = ? "
            + "WHERE client_user = ? AND idempotency_key = ?", answer.status(), answer.location(),
            write(answer.body()), user, key);
        return answer;
      });
    } catch (DuplicateKeyException e) {
      // the same key came in twice at once: the other call committed first, so its answer is the answer
      return earlier(user, key, hash).orElseThrow(() -> e);
    }
  }

  private Optional<Answer> earlier(String user, String key, String hash) {
    Instant since = clock.instant().minus(retention);
    return jdbc.query("SELECT request_hash, response_status, location, response_body FROM " + TABLE
        + " WHERE client_user = ? AND idempotency_key = ? AND created_at >= ?", (rs, row) -> {
          if (!hash.equals(rs.getString("request_hash"))) {
            throw new ApiConflictException("Deze Idempotency-Key is al gebruikt voor een ander verzoek. Gebruik "
                + "voor een nieuw verzoek een nieuwe sleutel.");
          }
          return new Answer(rs.getInt("response_status"), rs.getString("location"), read(rs.getString(
              "response_body")));
        }, user, key, timestamp(since)).stream().findFirst();
  }

  private String hash(Object command) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(json.writeValueAsBytes(command));
      return HexFormat.of().formatHex(digest);
    } catch (JsonProcessingException | NoSuchAlgorithmException e) {
      throw new IllegalStateException("Cannot hash the request body", e);
    }
  }

  private String write(Map<String, Object> body) {
    try {
      return json.writeValueAsString(body);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Cannot store the answer", e);
    }
  }

  @SuppressWarnings("unchecked")
  private Map<String, Object> read(String body) {
    try {
      return json.readValue(body, LinkedHashMap.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Cannot read the stored answer", e);
    }
  }

  private static Object timestamp(Instant instant) {
    return instant.truncatedTo(ChronoUnit.MICROS).atOffset(ZoneOffset.UTC);
  }
}
