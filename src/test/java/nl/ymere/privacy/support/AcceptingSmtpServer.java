package nl.ymere.privacy.support;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A small SMTP server for fault tests of the outbox: it accepts every message (answers 250 to the end of DATA and
 * counts it as delivered) and then misbehaves on QUIT as told: it answers, never answers (the client's read times
 * out), or drops the connection. Listens on 127.0.0.1 on a free port.
 */
public final class AcceptingSmtpServer implements AutoCloseable {

  /** What the server does after the client's QUIT. */
  public enum OnQuit {
    /** answers 221 and closes: a healthy server */
    ANSWER,
    /** reads QUIT and never answers; the connection stays open until the client gives up */
    STALL,
    /** closes the connection without an answer */
    DROP
  }

  private final ServerSocket socket;
  private final ExecutorService connections = Executors.newCachedThreadPool(runnable -> {
    Thread thread = new Thread(runnable, "accepting-smtp");
    thread.setDaemon(true);
    return thread;
  });
  private final List<String> deliveredMessageIds = Collections.synchronizedList(new ArrayList<>());
  private final List<Socket> open = Collections.synchronizedList(new ArrayList<>());
  private volatile OnQuit onQuit;

  public AcceptingSmtpServer(OnQuit onQuit) throws IOException {
    this.onQuit = onQuit;
    this.socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    connections.submit(this::acceptLoop);
  }

  public int port() {
    return socket.getLocalPort();
  }

  public void onQuit(OnQuit behaviour) {
    this.onQuit = behaviour;
  }

  /** Message-IDs of every message this server answered 250 to at the end of DATA, in order. */
  public List<String> deliveredMessageIds() {
    synchronized (deliveredMessageIds) {
      return List.copyOf(deliveredMessageIds);
    }
  }

  @Override
  public void close() throws IOException {
    socket.close();
    synchronized (open) {
      for (Socket client : open) {
        client.close();
      }
    }
    connections.shutdownNow();
    try {
      connections.awaitTermination(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void acceptLoop() {
    while (!socket.isClosed()) {
      try {
        Socket client = socket.accept();
        open.add(client);
        connections.submit(() -> converse(client));
      } catch (IOException e) {
        return; // closed
      }
    }
  }

  private void converse(Socket client) {
    try (client) {
      BufferedReader in = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.UTF_8));
      OutputStream out = client.getOutputStream();
      reply(out, "220 accepting-smtp ready");
      String line;
      while ((line = in.readLine()) != null) {
        String command = line.toUpperCase(Locale.ROOT);
        if (command.startsWith("EHLO") || command.startsWith("HELO")) {
          reply(out, "250 accepting-smtp");
        } else if (command.startsWith("DATA")) {
          reply(out, "354 end with <CRLF>.<CRLF>");
          String messageId = null;
          String dataLine;
          while ((dataLine = in.readLine()) != null && !dataLine.equals(".")) {
            if (messageId == null && dataLine.regionMatches(true, 0, "Message-ID:", 0, 11)) {
              messageId = dataLine.substring(11).strip();
            }
          }
          deliveredMessageIds.add(messageId);
          reply(out, "250 queued");
        } else if (command.startsWith("QUIT")) {
          switch (onQuit) {
            case ANSWER -> reply(out, "221 bye");
            case STALL -> {
              // hold the connection without an answer until the client closes it (or the server stops)
              while (in.read() != -1) {
                // discard
              }
            }
            case DROP -> {
              // fall through to close
            }
          }
          return;
        } else {
          reply(out, "250 ok");
        }
      }
    } catch (IOException e) {
      // the client went away
    } finally {
      open.remove(client);
    }
  }

  private static void reply(OutputStream out, String line) throws IOException {
    out.write((line + "\r\n").getBytes(StandardCharsets.UTF_8));
    out.flush();
  }
}
