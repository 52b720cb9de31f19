package nl.ymere.privacy.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** Runs numbered operations on a fixed number of threads until all are done or the time bound has passed. */
final class Load {

  /** One operation's outcome: its key (a reference or business key, null when it failed) and its latency. */
  record Sample(int number, String key, long nanos, String error) {
    boolean ok() {
      return error == null;
    }
  }

  record Result(List<Sample> samples, long elapsedNanos) {
  }

  interface Operation {
    Sample run(int number) throws Exception;
  }

  private Load() {
  }

  static Result run(int count, int threads, Duration maxTime, Operation operation) throws Exception {
    AtomicInteger next = new AtomicInteger();
    List<Sample> samples = Collections.synchronizedList(new ArrayList<>());
    long start = System.nanoTime();
    long stopSending = start + maxTime.toNanos();
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<?>> workers = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        workers.add(pool.submit(() -> {
          int number;
          while ((number = next.getAndIncrement()) < count && System.nanoTime() < stopSending) {
            long before = System.nanoTime();
            try {
              samples.add(operation.run(number));
            } catch (Exception e) {
              samples.add(new Sample(number, null, System.nanoTime() - before, e.toString()));
            }
          }
          return null;
        }));
      }
      for (Future<?> worker : workers) {
        worker.get();
      }
    } finally {
      pool.shutdown();
      pool.awaitTermination(1, TimeUnit.MINUTES);
    }
    return new Result(List.copyOf(samples), System.nanoTime() - start);
  }
}
