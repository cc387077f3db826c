package com.partnerflow.reliability;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The network between the service instances and the engine process, as a TCP relay on a port of its
 * own that a scenario can {@link #cut} and {@link #restore}: cut, every open connection is closed
 * and new ones are refused, so the service sees exactly what an engine that went away shows it
 * (gRPC {@code UNAVAILABLE}), while the engine keeps its state for when the link is back.
 */
final class EngineLink implements AutoCloseable {

  private final int port;
  private final int enginePort;
  private final Set<Socket> open = ConcurrentHashMap.newKeySet();
  private final ExecutorService threads =
      Executors.newCachedThreadPool(
          r -> {
            Thread thread = new Thread(r, "engine-link");
            thread.setDaemon(true);
            return thread;
          });
  private volatile ServerSocket server;

  private EngineLink(int port, int enginePort) {
    this.port = port;
    this.enginePort = enginePort;
  }

  /** A link on a free port to the engine's port, open. */
  static EngineLink to(int enginePort) {
    var link = new EngineLink(ReliabilityStack.freePort(), enginePort);
    link.restore();
    return link;
  }

  int port() {
    return port;
  }

  /** Closes every connection through the link and refuses new ones. */
  synchronized void cut() {
    try {
      if (server != null) {
        server.close();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    open.forEach(EngineLink::closeQuietly);
    open.clear();
  }

  /** Accepts connections again, on the same port. */
  synchronized void restore() {
    try {
      ServerSocket socket = new ServerSocket();
      socket.setReuseAddress(true);
      socket.bind(new InetSocketAddress("127.0.0.1", port));
      server = socket;
      threads.submit(() -> accept(socket));
    } catch (IOException e) {
      throw new UncheckedIOException("The engine link could not listen on " + port, e);
    }
  }

  private void accept(ServerSocket socket) {
    while (!socket.isClosed()) {
      Socket client;
      try {
        client = socket.accept();
      } catch (IOException e) {
        continue; // the link was cut: the loop ends with the closed socket
      }
      try {
        Socket engine = new Socket("127.0.0.1", enginePort);
        client.setTcpNoDelay(true);
        engine.setTcpNoDelay(true);
        open.add(client);
        open.add(engine);
        threads.submit(() -> pump(client, engine));
        threads.submit(() -> pump(engine, client));
      } catch (IOException e) {
        System.err.printf("[reliability] %s: the engine refused a connection: %s%n", this, e);
        closeQuietly(client);
      }
    }
  }

  /** Copies one direction until either side ends, then ends both. */
  private void pump(Socket from, Socket to) {
    byte[] buffer = new byte[16 * 1024];
    try (InputStream in = from.getInputStream();
        OutputStream out = to.getOutputStream()) {
      int read;
      while ((read = in.read(buffer)) >= 0) {
        out.write(buffer, 0, read);
        out.flush();
      }
    } catch (IOException e) {
      // The connection was cut or closed by one side: end both below.
    } finally {
      closeQuietly(from);
      closeQuietly(to);
      open.remove(from);
      open.remove(to);
    }
  }

  private static void closeQuietly(Socket socket) {
    try {
      socket.close();
    } catch (IOException e) {
      // Closing a socket the other side has closed already: nothing to do.
    }
  }

  @Override
  public void close() {
    cut();
    threads.shutdownNow();
  }

  @Override
  public String toString() {
    return "engine link :" + port + " → :" + enginePort;
  }
}
