package nl.ymere.privacy.bench;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * What one benchmark run does, from system properties (the {@code bench} Maven profile passes them; override with
 * {@code -Dbench.requests=...}).
 *
 * @param requests measured registrations (and bare starts) per database
 * @param warmup registrations and bare starts per database before measuring
 * @param clients concurrent HTTP clients, and threads starting the bare process
 * @param databases which databases, in order
 * @param maxTime bound of each measured phase: no new request is sent after it
 * @param sqlProfile whether to write the statements per request by SQL text ({@code target/bench/*-sql.txt})
 */
record BenchSettings(int requests, int warmup, int clients, List<BenchDatabase> databases, Duration maxTime,
    boolean sqlProfile) {

  static BenchSettings fromSystemProperties() {
    return new BenchSettings(
        Integer.getInteger("bench.requests", 600),
        Integer.getInteger("bench.warmup", 9000),
        Integer.getInteger("bench.clients", 4),
        Arrays.stream(System.getProperty("bench.databases", "h2,postgres").split(","))
            .map(String::strip).filter(s -> !s.isEmpty()).map(BenchDatabase::named).toList(),
        Duration.ofSeconds(Long.getLong("bench.max-seconds", 300)),
        Boolean.parseBoolean(System.getProperty("bench.sql-profile", "false")));
  }
}
