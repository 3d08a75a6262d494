package org.trollscan.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.trollscan.cli.Main;
import org.trollscan.model.EvidenceSpan;
import org.trollscan.model.Label;
import org.trollscan.model.Score;

/** Every endpoint and error code of the real server, over HTTP on an ephemeral port. */
class ScoringServerTest {
  static final ObjectMapper JSON = new ObjectMapper();
  static TestServer server;

  @BeforeAll
  static void start() throws IOException {
    server = TestServer.start();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  static JsonNode json(HttpResponse<String> r) throws IOException {
    return JSON.readTree(r.body());
  }

  static String quote(String s) throws IOException {
    return JSON.writeValueAsString(s);
  }

  static void assertError(HttpResponse<String> r, int code, String status) throws IOException {
    assertEquals(code, r.statusCode(), r.body());
    JsonNode e = json(r).get("error");
    assertEquals(code, e.get("code").intValue(), r.body());
    assertEquals(status, e.get("status").textValue(), r.body());
    assertFalse(e.get("message").textValue().isBlank());
  }

  @Test
  void healthzAnswersOk() throws Exception {
    HttpResponse<String> r = server.get("/healthz");
    assertEquals(200, r.statusCode());
    assertEquals("ok", json(r).get("status").textValue());
  }

  @Test
  void theDiscoveryDocumentPointsClientLibrariesAtThisServer() throws Exception {
    HttpResponse<String> r = server.get("/$discovery/rest?version=v1alpha1");
    assertEquals(200, r.statusCode());
    JsonNode d = json(r);
    assertEquals("http://127.0.0.1:" + server.port() + "/", d.get("rootUrl").textValue());
    assertEquals("v1alpha1/comments:analyze",
        d.at("/resources/comments/methods/analyze/path").textValue());
    assertEquals("POST", d.at("/resources/comments/methods/analyze/httpMethod").textValue());
  }

  @Test
  void modelDescribesVersionLabelsThresholdsAndTrainingData() throws Exception {
    HttpResponse<String> r = server.get("/v1/model");
    assertEquals(200, r.statusCode());
    JsonNode m = json(r);
    var bundle = TestServer.SCORER.bundle();
    assertEquals(bundle.manifest().modelVersion(), m.get("version").textValue());
    assertEquals(List.of("harassment", "false_report"),
        JSON.convertValue(m.get("labels"), List.class));
    for (Label l : bundle.labels()) {
      assertEquals(bundle.model(l).threshold(), m.get("thresholds").get(l.column()).doubleValue());
    }
    assertTrue(m.get("training").get("rows").longValue() > 0, r.body());
  }

  @Test
  void scoreGivesTheScorersProbabilitiesAndEachLabelsEvidenceSpans() throws Exception {
    String post = "😀 <b>someone</b> ring social services on her &amp; tip off HMRC";
    HttpResponse<String> r = server.post("/v1/score",
        "{\"id\": \"p1\", \"text\": " + quote(post) + "}");
    assertEquals(200, r.statusCode(), r.body());
    assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
    JsonNode s = json(r);
    Score expected = TestServer.SCORER.score(post, true);
    assertEquals("p1", s.get("id").textValue());
    for (Label l : Label.values()) {
      assertEquals(expected.probabilities().get(l), s.get(l.column()).doubleValue(), 1e-9);
    }
    assertEquals(expected.flagged().stream().map(Label::column).toList(),
        JSON.convertValue(s.get("flagged"), List.class));
    assertFalse(expected.flagged().isEmpty(), "the post should be flagged");
    for (Label l : Label.values()) {
      JsonNode spans = s.get(l.column() + "_evidence");
      List<EvidenceSpan> want = expected.flagged().contains(l) ? expected.spans().get(l)
          : List.of();
      assertEquals(want.size(), spans.size(), l + ": " + spans);
      for (int i = 0; i < want.size(); i++) {
        JsonNode span = spans.get(i);
        assertEquals(want.get(i), new EvidenceSpan(span.get("phrase").textValue(),
            span.get("begin").intValue(), span.get("end").intValue(),
            span.get("weight").doubleValue()));
        assertEquals(span.get("phrase").textValue(),
            post.substring(span.get("begin").intValue(), span.get("end").intValue()));
      }
    }
  }

  @Test
  void scoreAnswersWithTheFieldsAndEvidenceOfScoreJsonLines() throws Exception {
    String flagged = "😀 <b>someone</b> ring social services on her &amp; tip off HMRC";
    String clean = "lovely weather for the fete";
    Path in = Files.createTempFile("v1-score", ".jsonl");
    try {
      Files.writeString(in, JSON.writeValueAsString(Map.of("id", "a", "text", flagged))
          + "\n" + JSON.writeValueAsString(Map.of("id", "b", "text", clean)) + "\n");
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      ByteArrayOutputStream err = new ByteArrayOutputStream();
      assertEquals(0, Main.run(new String[] {"score", "--output-format", "jsonl", in.toString()},
          new ByteArrayInputStream(new byte[0]), out, new PrintStream(err, true,
              StandardCharsets.UTF_8)), err.toString(StandardCharsets.UTF_8));
      List<String> lines = out.toString(StandardCharsets.UTF_8).lines().toList();
      JsonNode served = json(server.post("/v1/score", "[{\"id\": \"a\", \"text\": "
          + quote(flagged) + "}, {\"id\": \"b\", \"text\": " + quote(clean) + "}]"));
      assertEquals(2, lines.size());
      int spans = 0;
      for (int row = 0; row < 2; row++) {
        JsonNode cli = JSON.readTree(lines.get(row));
        JsonNode api = served.get(row);
        List<String> names = new ArrayList<>();
        api.fieldNames().forEachRemaining(names::add);
        List<String> cliNames = new ArrayList<>();
        cli.fieldNames().forEachRemaining(cliNames::add);
        assertEquals(cliNames, names, "the fields of score's JSON Lines, in its order");
        assertEquals(cli.get("id"), api.get("id"));
        assertEquals(cli.get("flagged"), api.get("flagged"));
        for (Label l : Label.values()) {
          // score rounds to six decimals; the service answers in full precision.
          assertEquals(cli.get(l.column()).doubleValue(), api.get(l.column()).doubleValue(),
              0.5e-6);
          JsonNode want = cli.get(l.column() + "_evidence");
          JsonNode got = api.get(l.column() + "_evidence");
          assertEquals(want.size(), got.size(), l + ": " + got);
          for (int i = 0; i < want.size(); i++, spans++) {
            for (String key : List.of("phrase", "begin", "end")) {
              assertEquals(want.get(i).get(key), got.get(i).get(key), key);
            }
            assertEquals(want.get(i).get("weight").doubleValue(),
                got.get(i).get("weight").doubleValue(), 0.5e-6);
          }
        }
      }
      assertTrue(spans >= 2, "the flagged post's evidence is compared: " + spans);
    } finally {
      Files.delete(in);
    }
  }

  @Test
  void aPostThatShowsNothingIsScoredZeroByRuleAsScoreScoresIt() throws Exception {
    JsonNode a = json(server.post("/v1/score",
        "[{\"text\": \"  \"}, {\"text\": \"\"}, {\"text\": \"\\u00a0\\u200b\"}]"));
    assertEquals(3, a.size(), a.toString());
    for (JsonNode s : a) {
      assertEquals(0.0, s.get("harassment").doubleValue(), s.toString());
      assertEquals(0.0, s.get("false_report").doubleValue(), s.toString());
      assertEquals(0, s.get("flagged").size(), s.toString());
      assertEquals(0, s.get("harassment_evidence").size(), s.toString());
      assertEquals(0, s.get("false_report_evidence").size(), s.toString());
    }
  }

  @Test
  void aBatchIsAnsweredInOrderWithDefaultIds() throws Exception {
    HttpResponse<String> r = server.post("/v1/score",
        "[{\"text\": \"lovely weather today\"}, {\"text\": \"ring social services on her\", "
            + "\"id\": 7}]");
    assertEquals(200, r.statusCode(), r.body());
    JsonNode a = json(r);
    assertEquals(2, a.size());
    assertEquals("1", a.get(0).get("id").textValue());
    assertEquals("7", a.get(1).get("id").textValue());
    assertEquals(TestServer.SCORER.score("ring social services on her", false)
        .probabilities().get(Label.FALSE_REPORT), a.get(1).get("false_report").doubleValue(), 1e-9);
  }

  @Test
  void badRequestsGet400InGooglesErrorShape() throws Exception {
    assertError(server.post("/v1/score", "{\"text\": \"unclosed"), 400, "INVALID_ARGUMENT");
    assertError(server.post("/v1/score", "{\"text\": \"x\"} trailing"), 400, "INVALID_ARGUMENT");
    assertError(server.post("/v1/score", "{}"), 400, "INVALID_ARGUMENT");
    assertError(server.post("/v1/score", "{\"text\": 42}"), 400, "INVALID_ARGUMENT");
    assertError(server.post("/v1/score", "[]"), 400, "INVALID_ARGUMENT");
    assertError(server.post("/v1/score", "[{\"text\": \"fine\"}, {\"txt\": \"typo\"}]"), 400,
        "INVALID_ARGUMENT");
    assertTrue(json(server.post("/v1/score", "[{\"text\": \"fine\"}, {\"txt\": \"typo\"}]"))
        .get("error").get("message").textValue().startsWith("post 2:"));
    assertError(server.post("/v1/score", "\"just a string\""), 400, "INVALID_ARGUMENT");
    assertError(server.post("/v1/score", ""), 400, "INVALID_ARGUMENT");
  }

  @Test
  void textOverPerspectivesLimitIs400AndAtTheLimitIsScored() throws Exception {
    // Emoji are two UTF-16 units each: the limit counts characters (code points).
    String atLimit = "😡".repeat(ServeConfig.MAX_TEXT_CHARS);
    assertEquals(200, server.post("/v1/score", "{\"text\": " + quote(atLimit) + "}")
        .statusCode());
    assertError(server.post("/v1/score", "{\"text\": " + quote(atLimit + "a") + "}"), 400,
        "INVALID_ARGUMENT");
  }

  @Test
  void tooManyPostsInABatchIs400() throws Exception {
    try (TestServer small = new TestServer(ServeConfig.defaults(0, 2).withLimits(8, 1 << 20, 3))) {
      String four = "[" + String.join(",", java.util.Collections.nCopies(4, "{\"text\": \"hi\"}"))
          + "]";
      HttpResponse<String> r = small.post("/v1/score", four);
      assertError(r, 400, "INVALID_ARGUMENT");
      assertTrue(json(r).get("error").get("message").textValue().contains("at most 3"));
    }
  }

  @Test
  void unknownPathIs404AndWrongMethodIs405() throws Exception {
    assertError(server.get("/v2/whatever"), 404, "NOT_FOUND");
    HttpResponse<String> r = server.get("/v1/score");
    assertError(r, 405, "METHOD_NOT_ALLOWED");
    assertEquals("POST", r.headers().firstValue("Allow").orElse(""));
    assertError(server.client.send(HttpRequest.newBuilder(server.uri("/healthz"))
        .method("DELETE", HttpRequest.BodyPublishers.noBody()).build(),
        HttpResponse.BodyHandlers.ofString()), 405, "METHOD_NOT_ALLOWED");
  }

  @Test
  void aBodyDeclaredOverTheCapIs413BeforeItIsSent() throws Exception {
    try (Socket s = new Socket("127.0.0.1", server.port())) {
      s.setSoTimeout(5000);
      OutputStream out = s.getOutputStream();
      // Only the headers: the server must answer without waiting for the 10 MB.
      out.write(("POST /v1/score HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
          + "Content-Length: 10485760\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
      out.flush();
      String head = readHead(s.getInputStream());
      assertTrue(head.startsWith("HTTP/1.1 413"), head);
    }
  }

  @Test
  void aChunkedBodyOverTheCapIs413() throws Exception {
    byte[] big = new byte[(int) ServeConfig.DEFAULT_MAX_BODY + 100_000];
    java.util.Arrays.fill(big, (byte) ' ');
    HttpResponse<String> r = server.client.send(HttpRequest.newBuilder(server.uri("/v1/score"))
        .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(big)))
        .build(), HttpResponse.BodyHandlers.ofString());
    assertError(r, 413, "INVALID_ARGUMENT");
  }

  @Test
  void anOverCapBodySentWholeIsAnswered413AndClosedInOrderNotReset() throws Exception {
    // RFC 9112 9.6: a server that closes with unread bytes resets the connection, and the reset
    // can erase its answer before the client reads it. This client writes everything first.
    try (Socket s = new Socket("127.0.0.1", server.port())) {
      s.setSoTimeout(5000);
      OutputStream out = s.getOutputStream();
      out.write(("POST /v1/score HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
          + "Transfer-Encoding: chunked\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
      byte[] chunk = new byte[64 * 1024];
      java.util.Arrays.fill(chunk, (byte) ' ');
      byte[] size = (Integer.toHexString(chunk.length) + "\r\n").getBytes(StandardCharsets.US_ASCII);
      long sent = 0;
      while (sent < ServeConfig.DEFAULT_MAX_BODY + 300_000) {
        out.write(size);
        out.write(chunk);
        out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
        sent += chunk.length;
      }
      out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
      out.flush();
      String head = readHead(s.getInputStream());
      assertTrue(head.startsWith("HTTP/1.1 413"), head);
      // After the answer, an orderly close (end of stream), not a reset.
      s.getInputStream().readAllBytes();
    }
  }

  @Test
  void withKeysAMissingKeyIs401AWrongOne403AndARightOneAnywhereIsServed() throws Exception {
    try (TestServer keyed = new TestServer(ServeConfig.defaults(0, 2)
        .withKeys(ApiKeys.of("s3cret-key", "other key")))) {
      String body = "{\"text\": \"hello\"}";
      assertError(keyed.post("/v1/score", body), 401, "UNAUTHENTICATED");
      assertError(keyed.post("/v1/score?key=wrong", body), 403, "PERMISSION_DENIED");
      assertEquals(200, keyed.post("/v1/score?key=s3cret-key", body).statusCode());
      assertEquals(200, keyed.post("/v1/score?key=other%20key", body).statusCode());
      assertEquals(200, keyed.client.send(HttpRequest.newBuilder(keyed.uri("/v1/model"))
          .header("X-Goog-Api-Key", "s3cret-key").build(),
          HttpResponse.BodyHandlers.ofString()).statusCode());
      assertEquals(200, keyed.client.send(HttpRequest.newBuilder(keyed.uri("/v1/model"))
          .header("Authorization", "Bearer other key").build(),
          HttpResponse.BodyHandlers.ofString()).statusCode());
      assertError(keyed.client.send(HttpRequest.newBuilder(keyed.uri("/v1/model"))
          .header("X-Goog-Api-Key", "s3cret-kez").build(),
          HttpResponse.BodyHandlers.ofString()), 403, "PERMISSION_DENIED");
      assertEquals(200, keyed.get("/healthz").statusCode(), "health checks need no key");
    }
  }

  @Test
  void aSlowClientIsCutOffAfterTheRequestTimeout() throws Exception {
    try (Socket s = new Socket("127.0.0.1", server.port())) {
      s.setSoTimeout((TestServer.REQUEST_SECONDS + 10) * 1000);
      OutputStream out = s.getOutputStream();
      out.write(("POST /v1/score HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\n{\"te")
          .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      long start = System.nanoTime();
      // The server closes the connection (or answers); either way it stops waiting for us.
      int first = s.getInputStream().read();
      long seconds = (System.nanoTime() - start) / 1_000_000_000L;
      assertTrue(first == -1 || first == 'H', "got byte " + first);
      assertTrue(seconds <= TestServer.REQUEST_SECONDS + 5, seconds + " s");
    }
    assertEquals(200, server.get("/healthz").statusCode(), "the worker is free again");
  }

  @Test
  void whenTheQueueIsFullFurtherRequestsGet503() throws Exception {
    try (TestServer tiny = new TestServer(ServeConfig.defaults(0, 1).withLimits(1, 1 << 20, 10));
        Socket slow1 = slowRequest(tiny.port());
        Socket slow2 = slowRequest(tiny.port())) {
      // slow1 holds the only worker, slow2 the only queue place: the next one is turned away.
      HttpResponse<String> r = null;
      long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
      while (System.nanoTime() < deadline) {
        r = tiny.get("/healthz");
        if (r.statusCode() == 503) {
          break;
        }
        Thread.sleep(20);
      }
      assertError(r, 503, "UNAVAILABLE");
      assertEquals("1", r.headers().firstValue("Retry-After").orElse(""));
    }
  }

  private static Socket slowRequest(int port) throws IOException, InterruptedException {
    Socket s = new Socket("127.0.0.1", port);
    s.getOutputStream().write(("POST /v1/score HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n"
        + "\r\n{").getBytes(StandardCharsets.US_ASCII));
    s.getOutputStream().flush();
    Thread.sleep(100);
    return s;
  }

  @Test
  void metricsCountRequestsErrorsPostsFlagsLatencyAndInFlightButNoText() throws Exception {
    try (TestServer fresh = new TestServer(ServeConfig.defaults(0, 2))) {
      fresh.post("/v1/score", "{\"text\": \"ring social services on her xyzzy\"}");
      fresh.post("/v1/score", "{\"text\": \"lovely weather\"}");
      fresh.get("/nope");
      HttpResponse<String> r = fresh.get("/metrics");
      assertEquals(200, r.statusCode());
      assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("text/plain"));
      String m = r.body();
      assertTrue(m.contains("trollscan_requests_total{endpoint=\"/v1/score\",code=\"200\"} 2"), m);
      assertTrue(m.contains("trollscan_requests_total{endpoint=\"other\",code=\"404\"} 1"), m);
      assertTrue(m.contains("trollscan_errors_total{code=\"404\"} 1"), m);
      assertTrue(m.contains("trollscan_posts_scored_total 2"), m);
      assertTrue(m.contains("trollscan_posts_flagged_total{label=\"false_report\"} 1"), m);
      assertTrue(m.contains("trollscan_request_duration_seconds_count 3"), m);
      assertTrue(m.contains("trollscan_request_duration_seconds_bucket{le=\"+Inf\"} 3"), m);
      assertTrue(m.contains("\ntrollscan_requests_in_flight 1\n"), "only the metrics request: " + m);
      assertFalse(m.contains("xyzzy"));
    }
  }

  static String readHead(InputStream in) throws IOException {
    StringBuilder b = new StringBuilder();
    int c;
    while ((c = in.read()) != -1) {
      b.append((char) c);
      if (b.length() >= 4 && b.substring(b.length() - 4).equals("\r\n\r\n")) {
        break;
      }
    }
    return b.toString();
  }
}
