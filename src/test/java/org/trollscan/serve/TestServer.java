package org.trollscan.serve;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.trollscan.language.LanguageGuess;
import org.trollscan.language.SharedLanguageGuess;
import org.trollscan.model.BundleIO;
import org.trollscan.model.Scorer;

/** A real {@link ScoringServer} on an ephemeral loopback port, and an HTTP client for it. */
final class TestServer implements AutoCloseable {
  /** Seconds a slow client gets in these tests (the JDK server reads it once per JVM). */
  static final int REQUEST_SECONDS = 2;

  static {
    System.setProperty("sun.net.httpserver.maxReqTime", Integer.toString(REQUEST_SECONDS));
  }

  static final Scorer SCORER = new Scorer(BundleIO.loadDefault());
  static final LanguageGuess LANGUAGES = SharedLanguageGuess.INSTANCE;

  final ScoringServer server;
  final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
      .version(HttpClient.Version.HTTP_1_1).build();

  TestServer(ServeConfig config) throws IOException {
    this(config, SCORER);
  }

  /** A server scoring with another model's scorer. */
  TestServer(ServeConfig config, Scorer scorer) throws IOException {
    server = ScoringServer.start(config, scorer, LANGUAGES);
  }

  static TestServer start() throws IOException {
    return new TestServer(ServeConfig.defaults(0, 4));
  }

  int port() {
    return server.address().getPort();
  }

  URI uri(String pathAndQuery) {
    return URI.create("http://127.0.0.1:" + port() + pathAndQuery);
  }

  HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return client.send(HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(30)).GET()
        .build(), HttpResponse.BodyHandlers.ofString());
  }

  HttpResponse<String> post(String path, String json) throws IOException, InterruptedException {
    return client.send(HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(30))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
