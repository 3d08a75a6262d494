package org.trollscan.serve;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.trollscan.language.LanguageGuess;
import org.trollscan.model.Scorer;

/**
 * The scoring service: one loaded model behind an HTTP server (the JDK's own,
 * {@code jdk.httpserver}), answering Perspective's {@code comments:analyze} and trollscan's
 * native endpoints. Request text is used to score and then dropped: it is never logged, stored
 * or put into a metric.
 *
 * <p>Limits, so that no client can take the service down: a body over
 * {@link ServeConfig#maxBodyBytes} is refused by its declared length before it is read (a body
 * without one is read only up to the cap); a request that takes longer than
 * {@link #REQUEST_SECONDS} to arrive is cut off (the JDK server's {@code maxReqTime}); at most
 * {@link ServeConfig#queue} requests wait for a worker, and the next ones are answered 503 by a
 * thread of their own; open connections are capped at {@link #MAX_CONNECTIONS}.
 *
 * <p>Why the JDK's server: measured against Jetty 12 with the same handler code
 * (bench/serve-candidates.sh, docs/performance.md, "The service") it was at least as fast in five rounds
 * of six, and it costs no dependency and no start-up.
 */
public final class ScoringServer implements AutoCloseable {
  /** Seconds a client has to send a whole request. */
  public static final int REQUEST_SECONDS = 10;
  /** Open connections the server keeps at most; further ones wait in the kernel's backlog. */
  public static final int MAX_CONNECTIONS = 4096;
  private static final int OVERLOAD_QUEUE = 1024;
  /** How long a refused body is read on after its 413 (see discardRestOfBody). */
  static final long LINGER_MILLIS = 2000;
  static final ObjectMapper JSON = new ObjectMapper()
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  static {
    // The JDK server reads these once, when its first instance is made; an operator's own
    // -D settings win.
    setDefault("sun.net.httpserver.maxReqTime", Integer.toString(REQUEST_SECONDS));
    setDefault("jdk.httpserver.maxConnections", Integer.toString(MAX_CONNECTIONS));
    // Small answers on kept-alive connections: without TCP_NODELAY, Nagle's algorithm and
    // delayed ACKs hold each one back for up to 40 ms.
    setDefault("sun.net.httpserver.nodelay", "true");
  }

  private static void setDefault(String property, String value) {
    if (System.getProperty(property) == null) {
      System.setProperty(property, value);
    }
  }

  private final ServeConfig config;
  private final Metrics metrics = new Metrics();
  private final PerspectiveApi perspective;
  private final NativeApi nativeApi;
  private final HttpServer server;
  private final ThreadPoolExecutor workers;
  private final ThreadPoolExecutor overload;
  private final AtomicLong answered = new AtomicLong();
  /** Requests handed to the workers and not yet answered: what a stop waits for. */
  private final AtomicInteger inFlight = new AtomicInteger();

  private ScoringServer(ServeConfig config, Scorer scorer, LanguageGuess languages)
      throws IOException {
    this.config = config;
    this.perspective = new PerspectiveApi(scorer, config.attributes(), languages, metrics);
    this.nativeApi = new NativeApi(scorer, config.maxBatch(), metrics);
    this.overload = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS,
        new ArrayBlockingQueue<>(OVERLOAD_QUEUE), r -> {
          Thread t = new OverloadThread(r);
          t.setDaemon(true);
          return t;
        });
    AtomicInteger n = new AtomicInteger();
    this.workers = new ThreadPoolExecutor(config.threads(), config.threads(), 0,
        TimeUnit.SECONDS, new ArrayBlockingQueue<>(config.queue()), r -> {
          Thread t = new Thread(r, "trollscan-serve-" + n.incrementAndGet());
          t.setDaemon(true);
          return t;
        }, (r, pool) -> {
          // Full: the request is answered 503 by the overload thread, which never scores. If
          // that is full too, the JDK server closes the connection unanswered.
          if (pool.isShutdown()) {
            throw new RejectedExecutionException("stopping");
          }
          overload.execute(r);
        });
    this.server = HttpServer.create(new InetSocketAddress(config.host(), config.port()), 1024);
    server.createContext("/", this::handle);
    server.setExecutor(this::dispatch);
  }

  /** Binds and starts serving; the model is loaded, the language model loads in the background. */
  public static ScoringServer start(ServeConfig config, Scorer scorer, LanguageGuess languages)
      throws IOException {
    ScoringServer s = bind(config, scorer, languages);
    s.serve();
    return s;
  }

  /**
   * Binds the port without answering yet: connections wait in the backlog until {@link #serve()},
   * so that a caller can put its stop hook in place before the first request can be answered.
   */
  public static ScoringServer bind(ServeConfig config, Scorer scorer, LanguageGuess languages)
      throws IOException {
    return new ScoringServer(config, scorer, languages);
  }

  /** Starts answering the connections of a bound server. */
  public void serve() {
    server.start();
  }

  /** The address it listens on (with the real port when 0 was asked for). */
  public InetSocketAddress address() {
    return server.getAddress();
  }

  /** Requests answered so far. */
  public long answered() {
    return answered.get();
  }

  /**
   * Stops accepting connections, lets the requests in flight finish for at most
   * {@code graceSeconds}, then closes every connection and stops the workers.
   */
  public void stop(int graceSeconds) {
    if (graceSeconds > 0) {
      // Java 17's HttpServer.stop(delay) closes the listener at once but then sleeps the whole
      // delay even with nothing in flight (measured: 10 s of 10): it runs on its own thread, and
      // this one returns as soon as nothing is in flight.
      Thread stopper = new Thread(() -> server.stop(graceSeconds), "trollscan-serve-stopper");
      stopper.setDaemon(true);
      stopper.start();
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(graceSeconds);
      try {
        Thread.sleep(50); // the listener closes first
        while (inFlight.get() > 0 && System.nanoTime() < deadline && stopper.isAlive()) {
          Thread.sleep(10);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    } else {
      server.stop(0);
    }
    workers.shutdown();
    overload.shutdown();
    try {
      workers.awaitTermination(graceSeconds, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    workers.shutdownNow();
    overload.shutdownNow();
  }

  @Override
  public void close() {
    stop(0);
  }

  private void dispatch(Runnable exchange) {
    inFlight.incrementAndGet();
    try {
      workers.execute(() -> {
        try {
          exchange.run();
        } finally {
          inFlight.decrementAndGet();
        }
      });
    } catch (RuntimeException e) {
      inFlight.decrementAndGet();
      throw e;
    }
  }

  /** The thread that answers 503 when the workers' queue is full. */
  private static final class OverloadThread extends Thread {
    OverloadThread(Runnable r) {
      super(r, "trollscan-serve-overload");
    }
  }

  private enum Endpoint {
    ANALYZE("/v1alpha1/comments:analyze", "POST", true),
    SCORE("/v1/score", "POST", true),
    MODEL("/v1/model", "GET", true),
    HEALTH("/healthz", "GET", false),
    DISCOVERY("/$discovery/rest", "GET", false),
    METRICS("/metrics", "GET", false);

    final String path;
    final String method;
    final boolean needsKey;

    Endpoint(String path, String method, boolean needsKey) {
      this.path = path;
      this.method = method;
      this.needsKey = needsKey;
    }

    static Endpoint of(String path) {
      for (Endpoint e : values()) {
        if (e.path.equals(path)) {
          return e;
        }
      }
      return null;
    }
  }

  private void handle(HttpExchange exchange) {
    long start = System.nanoTime();
    Endpoint endpoint = Endpoint.of(exchange.getRequestURI().getRawPath());
    int code;
    try {
      code = answer(exchange, endpoint);
    } catch (ApiException e) {
      code = e.code;
      // After a 413 the client may still be sending the body it was refused.
      sendError(exchange, e, endpoint == Endpoint.ANALYZE, e.code == 413);
    } catch (RuntimeException | Error e) {
      // A bug, not the client's fault; the message names no request text.
      code = 500;
      sendError(exchange, new ApiException(500, "INTERNAL", "Internal error: "
          + e.getClass().getSimpleName()), false, false);
    } finally {
      exchange.close();
    }
    answered.incrementAndGet();
    metrics.request(endpoint == null ? "other" : endpoint.path, code, System.nanoTime() - start);
  }

  private int answer(HttpExchange exchange, Endpoint endpoint) {
    if (Thread.currentThread() instanceof OverloadThread) {
      exchange.getResponseHeaders().set("Retry-After", "1");
      throw new ApiException(503, "UNAVAILABLE", "The service is busy: try again shortly.");
    }
    if (endpoint == null) {
      throw new ApiException(404, "NOT_FOUND", "No such endpoint: "
          + exchange.getRequestURI().getRawPath());
    }
    if (!endpoint.method.equals(exchange.getRequestMethod())) {
      exchange.getResponseHeaders().set("Allow", endpoint.method);
      throw new ApiException(405, "METHOD_NOT_ALLOWED", endpoint.path + " takes "
          + endpoint.method + ", not " + exchange.getRequestMethod() + ".");
    }
    if (endpoint.needsKey && config.keys() != null) {
      checkKey(exchange);
    }
    switch (endpoint) {
      case HEALTH -> {
        return send(exchange, 200, "application/json",
            "{\"status\":\"ok\"}".getBytes(StandardCharsets.UTF_8));
      }
      case METRICS -> {
        return send(exchange, 200, "text/plain; version=0.0.4; charset=utf-8",
            metrics.render(inFlight.get()).getBytes(StandardCharsets.UTF_8));
      }
      case MODEL -> {
        return sendJson(exchange, nativeApi.model());
      }
      case DISCOVERY -> {
        return send(exchange, 200, "application/json; charset=utf-8", discovery(exchange));
      }
      case SCORE -> {
        return sendJson(exchange, nativeApi.score(readJson(exchange)));
      }
      case ANALYZE -> {
        return sendJson(exchange, perspective.analyze(readJson(exchange)));
      }
      default -> throw new IllegalStateException(endpoint.toString());
    }
  }

  /**
   * The key from {@code ?key=} (as Perspective's client libraries send it), the
   * {@code X-Goog-Api-Key} header, or {@code Authorization: Bearer}: none is 401, a wrong one 403.
   */
  private void checkKey(HttpExchange exchange) {
    String key = queryParameter(exchange.getRequestURI().getRawQuery(), "key");
    if (key == null) {
      key = exchange.getRequestHeaders().getFirst("X-Goog-Api-Key");
    }
    String auth = exchange.getRequestHeaders().getFirst("Authorization");
    if (key == null && auth != null && auth.regionMatches(true, 0, "Bearer ", 0, 7)) {
      key = auth.substring(7).strip();
    }
    if (key == null || key.isEmpty()) {
      throw new ApiException(401, "UNAUTHENTICATED",
          "The request is missing an API key: send ?key=KEY or the X-Goog-Api-Key header.");
    }
    if (!config.keys().accepts(key)) {
      throw new ApiException(403, "PERMISSION_DENIED", "API key not valid.");
    }
  }

  static String queryParameter(String rawQuery, String name) {
    if (rawQuery == null) {
      return null;
    }
    for (String pair : rawQuery.split("&")) {
      int eq = pair.indexOf('=');
      String k = eq < 0 ? pair : pair.substring(0, eq);
      if (k.equals(name)) {
        try {
          return eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
          throw ApiException.badRequest("The query parameter " + name + " is not URL-encoded.");
        }
      }
    }
    return null;
  }

  /**
   * The body as JSON. One declared too long is refused before a byte of it is read; one without
   * a declared length is read only up to the cap.
   */
  private JsonNode readJson(HttpExchange exchange) {
    long cap = config.maxBodyBytes();
    String declared = exchange.getRequestHeaders().getFirst("Content-Length");
    if (declared != null) {
      long length;
      try {
        length = Long.parseLong(declared.strip());
      } catch (NumberFormatException e) {
        throw ApiException.badRequest("Content-Length is not a number.");
      }
      if (length > cap) {
        throw tooLarge(exchange, cap);
      }
    }
    byte[] body;
    // Not closed here: closing drains only 64 KB, and a 413 reads more of the rest after its
    // answer (discardRestOfBody); exchange.close() closes it.
    InputStream in = exchange.getRequestBody();
    try {
      ByteArrayOutputStream buf = new ByteArrayOutputStream(declared != null
          ? (int) Math.max(0, Math.min(cap, Long.parseLong(declared.strip()))) : 8192);
      byte[] chunk = new byte[8192];
      long total = 0;
      for (int n; (n = in.read(chunk)) > 0;) {
        total += n;
        if (total > cap) {
          throw tooLarge(exchange, cap);
        }
        buf.write(chunk, 0, n);
      }
      body = buf.toByteArray();
    } catch (IOException e) {
      // The client went away or was too slow (maxReqTime): nobody is left to answer.
      throw new ApiException(400, "INVALID_ARGUMENT", "The request body could not be read.");
    }
    if (body.length == 0) {
      throw ApiException.badRequest("The request body is empty: send JSON.", "INVALID_REQUEST");
    }
    try {
      return JSON.readTree(body);
    } catch (JsonProcessingException e) {
      // Jackson's message quotes the input; ours gives only the place.
      throw ApiException.badRequest("Invalid JSON payload received at line "
          + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ".",
          "INVALID_REQUEST");
    } catch (IOException e) {
      throw ApiException.badRequest("Invalid JSON payload received.", "INVALID_REQUEST");
    }
  }

  /**
   * The API description Google's client libraries read before their first call
   * ({@code discoveryServiceUrl}), with this server as the root URL, so that such a client needs
   * only that URL changed.
   */
  private static byte[] discovery(HttpExchange exchange) {
    String host = exchange.getRequestHeaders().getFirst("Host");
    if (host == null || !host.matches("[A-Za-z0-9.\\-\\[\\]:]+")) {
      host = hostForUrl(exchange.getLocalAddress().getHostString()) + ":"
          + exchange.getLocalAddress().getPort();
    }
    return DISCOVERY_TEMPLATE.replace("${ROOT}", "http://" + host + "/")
        .getBytes(StandardCharsets.UTF_8);
  }

  private static String hostForUrl(String host) {
    return host.contains(":") ? "[" + host + "]" : host;
  }

  private static final String DISCOVERY_TEMPLATE = readDiscovery();

  private static String readDiscovery() {
    InputStream resource = ScoringServer.class.getResourceAsStream("discovery.json");
    if (resource == null) {
      throw new IllegalStateException("discovery.json is missing from the build");
    }
    try (InputStream in = resource) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /**
   * Reads and drops what the client is still sending of a refused body, at most as much again as
   * the cap and for at most {@link #LINGER_MILLIS}, while the answer is written but the exchange
   * not yet finished (the JDK server closes the connection as soon as it is). Closing with
   * unread bytes makes the kernel reset the connection, and the reset can erase the answer
   * before the client reads it (RFC 9112, 9.6, "lingering close"). A body declared longer than
   * that is not waited for.
   */
  private static void discardRestOfBody(HttpExchange exchange, long cap) {
    String declared = exchange.getRequestHeaders().getFirst("Content-Length");
    try {
      if (declared != null && Long.parseLong(declared.strip()) > 2 * cap) {
        return;
      }
    } catch (NumberFormatException e) {
      return;
    }
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(LINGER_MILLIS);
    byte[] buffer = new byte[8192];
    try {
      InputStream in = exchange.getRequestBody();
      long read = 0;
      for (int n; read < cap && System.nanoTime() < deadline && (n = in.read(buffer)) > 0;) {
        read += n;
      }
    } catch (IOException e) {
      // The client went away: nothing is left to protect.
    }
  }

  private static ApiException tooLarge(HttpExchange exchange, long cap) {
    // The rest of the body is read only as far as discardRestOfBody goes: no reuse.
    exchange.getResponseHeaders().set("Connection", "close");
    return new ApiException(413, "INVALID_ARGUMENT", "The request body is larger than "
        + cap + " bytes.");
  }

  private int sendJson(HttpExchange exchange, JsonNode body) {
    try {
      return send(exchange, 200, "application/json; charset=utf-8", JSON.writeValueAsBytes(body));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static int send(HttpExchange exchange, int code, String type, byte[] body) {
    return send(exchange, code, type, body, 0);
  }

  /** Sends the answer; with {@code discardUpTo > 0}, reads on what is left of the request body
   * before finishing the exchange (see {@link #discardRestOfBody}). */
  private static int send(HttpExchange exchange, int code, String type, byte[] body,
      long discardUpTo) {
    exchange.getResponseHeaders().set("Content-Type", type);
    try {
      exchange.sendResponseHeaders(code, body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
        if (discardUpTo > 0) {
          out.flush();
          discardRestOfBody(exchange, discardUpTo);
        }
      }
    } catch (IOException e) {
      // The client closed the connection before the answer: nothing to do.
    }
    return code;
  }

  /**
   * The error in Google's shape; on Perspective's endpoint with its {@code details}
   * ({@code errorType} and, for a language, {@code languageNotSupportedByAttributeError}).
   */
  private void sendError(HttpExchange exchange, ApiException e, boolean perspective,
      boolean discardBody) {
    ObjectNode root = JSON.createObjectNode();
    ObjectNode error = root.putObject("error");
    error.put("code", e.code);
    error.put("message", e.getMessage());
    error.put("status", e.status);
    if (perspective && e.errorType != null) {
      ArrayNode details = error.putArray("details");
      ObjectNode d = details.addObject();
      d.put("@type", "type.googleapis.com/google.commentanalyzer.v1alpha1.Error");
      d.put("errorType", e.errorType);
      if (e.attribute != null) {
        ObjectNode lang = d.putObject("languageNotSupportedByAttributeError");
        ArrayNode langs = lang.putArray("detectedLanguages");
        e.languages.forEach(langs::add);
        lang.put("attribute", e.attribute);
      }
    }
    try {
      send(exchange, e.code, "application/json; charset=utf-8", JSON.writeValueAsBytes(root),
          discardBody ? config.maxBodyBytes() : 0);
    } catch (JsonProcessingException x) {
      throw new IllegalStateException(x);
    }
  }

  /** For tests: the metrics as served. */
  String metricsText() {
    return metrics.render(inFlight.get());
  }
}
