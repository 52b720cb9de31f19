package nl.ymere.privacy.request;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * At most {@code privacy.webform.max-per-window} accepted submissions of the public form per client address in a
 * sliding window, in memory on this node. At most {@code max-tracked-addresses} addresses are remembered: the one
 * seen least recently is forgotten first, so memory stays bounded whatever the number of senders. IPv6 addresses
 * count per /64 network (one subscriber usually holds a whole /64).
 */
@Component
public class SubmissionRateLimiter {

  private static final Pattern IPV6_LITERAL = Pattern.compile("[0-9A-Fa-f:.]+");

  private final int maxPerWindow;
  private final Duration window;
  private final Clock clock;
  private final LinkedHashMap<String, Deque<Instant>> hits;

  @Autowired
  SubmissionRateLimiter(WebFormProperties properties) {
    this(properties, Clock.systemUTC());
  }

  SubmissionRateLimiter(WebFormProperties properties, Clock clock) {
    this.maxPerWindow = properties.maxPerWindow();
    this.window = properties.window();
    this.clock = clock;
    int cap = properties.maxTrackedAddresses();
    this.hits = new LinkedHashMap<>(16, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<String, Deque<Instant>> eldest) {
        return size() > cap;
      }
    };
  }

  /** Takes one submission from the address's budget; false (nothing taken) when the budget is used up. */
  public synchronized boolean tryAcquire(String address) {
    Instant now = clock.instant();
    String key = keyOf(address);
    Deque<Instant> times = hits.computeIfAbsent(key, k -> new ArrayDeque<>(maxPerWindow));
    Instant cutoff = now.minus(window);
    while (!times.isEmpty() && !times.peekFirst().isAfter(cutoff)) {
      times.removeFirst();
    }
    if (times.size() >= maxPerWindow) {
      return false;
    }
    times.addLast(now);
    return true;
  }

  /** Gives back the submission taken last: the form was rejected, nothing was stored or sent. */
  public synchronized void release(String address) {
    Deque<Instant> times = hits.get(keyOf(address));
    if (times != null && !times.isEmpty()) {
      times.removeLast();
    }
  }

  synchronized int trackedAddresses() {
    return hits.size();
  }

  /** The address itself; for IPv6 its /64 network. */
  static String keyOf(String address) {
    if (address == null || address.isBlank()) {
      return "unknown";
    }
    if (address.indexOf(':') < 0 || !IPV6_LITERAL.matcher(address).matches()) {
      return address;
    }
    try {
      // A literal (hex digits, colons, dots), so no name lookup happens.
      byte[] bytes = InetAddress.getByName(address).getAddress();
      if (bytes.length == 16) {
        Arrays.fill(bytes, 8, 16, (byte) 0);
        return InetAddress.getByAddress(bytes).getHostAddress() + "/64";
      }
      return InetAddress.getByAddress(bytes).getHostAddress();
    } catch (UnknownHostException e) {
      return address;
    }
  }
}
