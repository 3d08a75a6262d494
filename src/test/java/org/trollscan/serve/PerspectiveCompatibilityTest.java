package org.trollscan.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.trollscan.context.ContextScorer;
import org.trollscan.model.EvidenceSpan;
import org.trollscan.model.Label;
import org.trollscan.model.Score;
import org.trollscan.normalize.PostText;

/**
 * Request/response pairs in the shape of Perspective's published API description
 * (src/test/resources/serve/perspective: NAME.request.json is sent as is; NAME.response.json is
 * the answer, with {@code "${harassment}"} and {@code "${false_report}"} standing for the
 * scorer's probability of the comment, and {@code "${spans:LABEL}"} for its evidence spans).
 * When the request has {@code context.entries} and the model a context stage, the probability
 * expected is the comment's in context: the entries scored alone, in order, into one thread,
 * then the comment ({@code score --thread-column} on the same posts).
 */
class PerspectiveCompatibilityTest {
  static final ObjectMapper JSON = new ObjectMapper();
  static final Path PAIRS = Path.of("src/test/resources/serve/perspective");
  static TestServer server;

  @BeforeAll
  static void start() throws IOException {
    server = TestServer.start();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  static Stream<String> pairs() throws IOException {
    try (Stream<Path> files = Files.list(PAIRS)) {
      return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".request.json"))
          .map(n -> n.substring(0, n.length() - ".request.json".length())).sorted().toList()
          .stream();
    }
  }

  @Test
  void thereArePairs() throws IOException {
    assertTrue(pairs().count() >= 10);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("pairs")
  void answersAsPerspectiveDoes(String name) throws Exception {
    String request = Files.readString(PAIRS.resolve(name + ".request.json"));
    JsonNode expected = JSON.readTree(PAIRS.resolve(name + ".response.json").toFile());
    HttpResponse<String> r = server.post("/v1alpha1/comments:analyze", request);
    int status = expected.has("error") ? expected.get("error").get("code").intValue() : 200;
    assertEquals(status, r.statusCode(), r.body());
    String text = JSON.readTree(request).path("comment").path("text").asText();
    Score score = TestServer.SCORER.score(text, true, true);
    match(expected, JSON.readTree(r.body()), "$", score, inThread(JSON.readTree(request), score,
        text), text);
  }

  /** The comment's probabilities after the request's context entries, as the service reads them. */
  private static Map<Label, Double> inThread(JsonNode request, Score alone, String text) {
    JsonNode given = request.path("context").path("entries");
    if (!given.isArray() || !TestServer.SCORER.bundle().hasContext()) {
      return alone.probabilities();
    }
    // Entries present, even none with text: the comment is scored in its thread.
    List<String> entries = new ArrayList<>();
    given.forEach(e -> {
      if (!PostText.isEmpty(e.path("text").asText())) {
        entries.add(e.path("text").asText());
      }
    });
    ContextScorer thread = TestServer.SCORER.bundle().contextScorer(1);
    for (String entry : entries) {
      Map<Label, Double> p = TestServer.SCORER.score(entry, false).probabilities();
      thread.score("t", entry, p.get(Label.FALSE_REPORT), p.get(Label.HARASSMENT));
    }
    ContextScorer.Scores s = thread.score("t", text,
        alone.probabilities().get(Label.FALSE_REPORT), alone.probabilities().get(Label.HARASSMENT));
    return Map.of(Label.HARASSMENT, s.harassment(), Label.FALSE_REPORT, s.falseReport());
  }

  private static void match(JsonNode want, JsonNode got, String where, Score score,
      Map<Label, Double> probabilities, String text) {
    if (want.isTextual() && want.textValue().startsWith("${")) {
      String key = want.textValue().substring(2, want.textValue().length() - 1);
      if (key.startsWith("spans:")) {
        matchSpans(got, Label.fromColumn(key.substring(6)), score, text, where);
        return;
      }
      double p = probabilities.get(Label.fromColumn(key));
      assertTrue(got.isNumber(), where + " should be a number: " + got);
      assertEquals(p, got.doubleValue(), 1e-9, where);
      return;
    }
    if (want.isObject()) {
      assertTrue(got.isObject(), where + ": " + got);
      List<String> wantKeys = names(want);
      assertEquals(wantKeys, names(got), where);
      for (String k : wantKeys) {
        match(want.get(k), got.get(k), where + "." + k, score, probabilities, text);
      }
      return;
    }
    if (want.isArray()) {
      assertTrue(got.isArray(), where + ": " + got);
      assertEquals(want.size(), got.size(), where);
      for (int i = 0; i < want.size(); i++) {
        match(want.get(i), got.get(i), where + "[" + i + "]", score, probabilities, text);
      }
      return;
    }
    assertEquals(want, got, where);
  }

  /** Spans: the evidence phrases' offsets, in text order, each scored as a probability. */
  private static void matchSpans(JsonNode got, Label label, Score score, String text,
      String where) {
    List<EvidenceSpan> evidence = new ArrayList<>(score.spans().get(label));
    if (evidence.isEmpty()) {
      fail(where + ": the pair should have evidence");
    }
    evidence.sort(java.util.Comparator.comparingInt(EvidenceSpan::begin));
    assertEquals(evidence.size(), got.size(), where + ": " + got);
    for (int i = 0; i < evidence.size(); i++) {
      JsonNode s = got.get(i);
      assertEquals(List.of("begin", "end", "score"), names(s), where);
      assertEquals(evidence.get(i).begin(), s.get("begin").intValue(), where);
      assertEquals(evidence.get(i).end(), s.get("end").intValue(), where);
      double alone = TestServer.SCORER.score(evidence.get(i).phrase(), false).probabilities()
          .get(label);
      assertEquals(alone, s.get("score").get("value").doubleValue(), 1e-9, where);
      assertEquals("PROBABILITY", s.get("score").get("type").textValue(), where);
      // JavaScript's String.prototype.substring counts the same UTF-16 units.
      assertEquals(evidence.get(i).phrase(), text.substring(s.get("begin").intValue(),
          s.get("end").intValue()));
    }
  }

  private static List<String> names(JsonNode n) {
    List<String> out = new ArrayList<>();
    for (Iterator<String> it = n.fieldNames(); it.hasNext();) {
      out.add(it.next());
    }
    return out;
  }

  @Test
  void aCommentOverPerspectivesLimitIsCommentTooLong() throws Exception {
    String text = "a".repeat(ServeConfig.MAX_TEXT_CHARS + 1);
    HttpResponse<String> r = server.post("/v1alpha1/comments:analyze", "{\"comment\": {\"text\": \""
        + text + "\"}, \"requestedAttributes\": {\"TOXICITY\": {}}}");
    assertEquals(400, r.statusCode());
    assertEquals("COMMENT_TOO_LONG", JSON.readTree(r.body()).get("error").get("details").get(0)
        .get("errorType").textValue());
  }

  @Test
  void malformedJsonIsInvalidRequestWithoutEchoingTheText() throws Exception {
    HttpResponse<String> r = server.post("/v1alpha1/comments:analyze",
        "{\"comment\": {\"text\": \"secret words\"");
    assertEquals(400, r.statusCode());
    assertEquals("INVALID_REQUEST", JSON.readTree(r.body()).get("error").get("details").get(0)
        .get("errorType").textValue());
    assertTrue(!r.body().contains("secret"), r.body());
  }

  @Test
  void anAttributeMappingFromTheCommandLineIsFollowed() throws Exception {
    ServeConfig c = ServeConfig.defaults(0, 2);
    c = new ServeConfig(c.host(), 0, 2, c.queue(), c.maxBodyBytes(), c.maxBatch(), null,
        AttributeMap.defaults().with(java.util.Map.of("THREAT", "false_report",
            "INSULT", "none")));
    try (TestServer mapped = new TestServer(c)) {
      String text = "someone ring social services on her";
      HttpResponse<String> r = mapped.post("/v1alpha1/comments:analyze", "{\"comment\": {\"text\": \""
          + text + "\"}, \"requestedAttributes\": {\"THREAT\": {}}, \"languages\": [\"en\"]}");
      assertEquals(200, r.statusCode(), r.body());
      assertEquals(TestServer.SCORER.score(text, false).probabilities().get(Label.FALSE_REPORT),
          JSON.readTree(r.body()).at("/attributeScores/THREAT/summaryScore/value").doubleValue(),
          1e-9);
      assertEquals(400, mapped.post("/v1alpha1/comments:analyze", "{\"comment\": {\"text\": \""
          + text + "\"}, \"requestedAttributes\": {\"INSULT\": {}}, \"languages\": [\"en\"]}")
          .statusCode());
    }
  }
}
