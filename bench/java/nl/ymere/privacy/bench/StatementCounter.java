package nl.ymere.privacy.bench;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import javax.sql.DataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * Counts the SQL statements the application sends, by wrapping every {@link DataSource} bean (and the connections
 * and statements it hands out) in a JDK proxy. A statement is one {@code execute*} call, or one {@code addBatch}
 * entry of a JDBC batch; a round trip is one {@code execute*} or {@code executeBatch} call. Not a Spring component:
 * the benchmark adds it to its own contexts only.
 */
final class StatementCounter implements BeanPostProcessor {

  private final LongAdder statements = new LongAdder();
  private final LongAdder roundTrips = new LongAdder();
  /** Statements by their SQL text as sent (whitespace is folded when drained), for the optional SQL profile. */
  private final Map<String, LongAdder> bySql = new ConcurrentHashMap<>();
  private final boolean profileSql;
  /**
   * Off (the default): connections are handed out unwrapped, so the warm-up and the timed phases run the JDBC classes
   * of production, and the JIT never sees the proxies in them.
   */
  private volatile boolean counting;

  /** @param profileSql whether to keep counts per SQL text too (costs a little time per statement) */
  StatementCounter(boolean profileSql) {
    this.profileSql = profileSql;
  }

  record Snapshot(long statements, long roundTrips) {
    Snapshot minus(Snapshot earlier) {
      return new Snapshot(statements - earlier.statements, roundTrips - earlier.roundTrips);
    }
  }

  /** Whether connections handed out from now on count their statements. */
  void counting(boolean on) {
    counting = on;
  }

  Snapshot snapshot() {
    return new Snapshot(statements.sum(), roundTrips.sum());
  }

  /** Statements per SQL text since the last call, and starts counting afresh. */
  Map<String, Long> drainBySql() {
    Map<String, Long> counts = new HashMap<>();
    bySql.forEach((sql, count) -> counts.merge(sql.replaceAll("\\s+", " ").strip(), count.sumThenReset(),
        Long::sum));
    counts.values().removeIf(c -> c == 0);
    return counts;
  }

  @Override
  public Object postProcessAfterInitialization(Object bean, String beanName) {
    if (bean instanceof DataSource dataSource && !Proxy.isProxyClass(bean.getClass())) {
      return proxy(DataSource.class, dataSource, this::dataSourceCall);
    }
    return bean;
  }

  private Object dataSourceCall(Object target, Method method, Object[] args) throws Throwable {
    Object result = invoke(target, method, args);
    return counting && result instanceof Connection connection && method.getName().equals("getConnection")
        ? proxy(Connection.class, connection, this::connectionCall) : result;
  }

  private Object connectionCall(Object target, Method method, Object[] args) throws Throwable {
    Object result = invoke(target, method, args);
    String preparedSql = method.getName().startsWith("prepare") && args != null && args[0] instanceof String sql
        ? sql : null;
    if (result instanceof CallableStatement statement) {
      return proxy(CallableStatement.class, statement, (t, m, a) -> statementCall(t, m, a, preparedSql));
    }
    if (result instanceof PreparedStatement statement) {
      return proxy(PreparedStatement.class, statement, (t, m, a) -> statementCall(t, m, a, preparedSql));
    }
    if (result instanceof Statement statement) {
      return proxy(Statement.class, statement, (t, m, a) -> statementCall(t, m, a, null));
    }
    return result;
  }

  private Object statementCall(Object target, Method method, Object[] args, String preparedSql) throws Throwable {
    String name = method.getName();
    String sql = args != null && args.length > 0 && args[0] instanceof String text ? text : preparedSql;
    if (name.equals("addBatch")) {
      statements.increment();
      tally(sql);
    } else if (name.equals("executeBatch") || name.equals("executeLargeBatch")) {
      roundTrips.increment();
    } else if (name.startsWith("execute")) {
      statements.increment();
      roundTrips.increment();
      tally(sql);
    }
    return invoke(target, method, args);
  }

  private void tally(String sql) {
    if (profileSql) {
      bySql.computeIfAbsent(sql == null ? "?" : sql, k -> new LongAdder()).increment();
    }
  }

  private interface Handler {
    Object call(Object target, Method method, Object[] args) throws Throwable;
  }

  /** Identity semantics for equals/hashCode (transaction synchronisation keys on the DataSource object). */
  private static <T> T proxy(Class<T> type, T target, Handler handler) {
    InvocationHandler invocationHandler = (proxy, method, args) -> switch (method.getName()) {
      case "equals" -> args.length == 1 && proxy == args[0];
      case "hashCode" -> System.identityHashCode(proxy);
      case "toString" -> "counting " + target;
      default -> handler.call(target, method, args);
    };
    return type.cast(Proxy.newProxyInstance(StatementCounter.class.getClassLoader(), new Class<?>[] {type},
        invocationHandler));
  }

  private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
    try {
      return method.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }
}
