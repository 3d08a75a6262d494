package org.trollscan.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trollscan.cli.Main;
import org.trollscan.input.Post;
import org.trollscan.model.BundleIO;
import org.trollscan.model.ContextModels;
import org.trollscan.model.Label;
import org.trollscan.model.Score;
import org.trollscan.model.Scorer;
import org.trollscan.model.TinyModels;
import org.trollscan.scoring.ThreadContext;

/**
 * Perspective's {@code context.entries} through the real server: the thread so far when the
 * model has a context stage, ignored when it has none.
 */
class ServeContextTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String CAMPAIGN = "Everyone report her page to Facebook for fraud and say"
      + " she scams people so they take it down";
  private static final String HARMLESS = "The school fair needs cake donations this Saturday,"
      + " bring what you can to the hall";
  static TestServer plain;
  static TestServer withContext;
  static TestServer shipped;

  @BeforeAll
  static void start() throws Exception {
    // A bundle without a context stage (the shipped model has one).
    plain = new TestServer(ServeConfig.defaults(0, 2),
        new Scorer(BundleIO.load(TinyModels.shared())));
    withContext = new TestServer(ServeConfig.defaults(0, 2),
        new Scorer(BundleIO.load(ContextModels.shared())));
    shipped = TestServer.start();
  }

  @AfterAll
  static void stop() {
    plain.close();
    withContext.close();
    shipped.close();
  }

  private static String request(String text, List<String> entries) {
    ObjectNode r = JSON.createObjectNode();
    r.putObject("comment").put("text", text);
    ObjectNode attributes = r.putObject("requestedAttributes");
    attributes.putObject("FALSE_REPORT");
    attributes.putObject("HARASSMENT");
    r.putArray("languages").add("en");
    if (entries != null) {
      ArrayNode e = r.putObject("context").putArray("entries");
      entries.forEach(t -> e.addObject().put("text", t));
    }
    return r.toString();
  }

  private static double falseReport(TestServer server, String text, List<String> entries)
      throws Exception {
    HttpResponse<String> r = server.post("/v1alpha1/comments:analyze", request(text, entries));
    assertEquals(200, r.statusCode(), r.body());
    return JSON.readTree(r.body()).at("/attributeScores/FALSE_REPORT/summaryScore/value")
        .doubleValue();
  }

  @Test
  void theEntriesAreTheThreadSoFarWhenTheModelHasAContextStage() throws Exception {
    double underCampaign = falseReport(withContext, "done mine", List.of(CAMPAIGN));
    double underHarmless = falseReport(withContext, "done mine", List.of(HARMLESS));
    assertTrue(underCampaign > underHarmless, underCampaign + " vs " + underHarmless);
    // As score --thread-column scores the same thread.
    assertNotEquals(underCampaign, falseReport(withContext, "done mine", null));
  }

  @Test
  void theModelEndpointSaysWhetherEntriesAreRead() throws Exception {
    assertTrue(JSON.readTree(withContext.get("/v1/model").body()).at("/context/thresholds")
        .has("false_report"));
    assertTrue(JSON.readTree(plain.get("/v1/model").body()).path("context").isMissingNode());
  }

  @Test
  void withoutAContextStageTheEntriesAreIgnored() throws Exception {
    double alone = falseReport(plain, "done mine", null);
    assertEquals(alone, falseReport(plain, "done mine", List.of(CAMPAIGN)), 0);
    assertEquals(alone, falseReport(plain, "done mine", List.of(HARMLESS)), 0);
  }

  @Test
  void anEntryWithoutTextIsABadRequest() throws Exception {
    HttpResponse<String> r = withContext.post("/v1alpha1/comments:analyze",
        "{\"comment\": {\"text\": \"done mine\"}, \"requestedAttributes\": {\"FALSE_REPORT\":"
            + " {}}, \"languages\": [\"en\"], \"context\": {\"entries\": [{\"text\": 3}]}}");
    assertEquals(400, r.statusCode(), r.body());
    assertTrue(r.body().contains("context.entries[0].text must be a string."), r.body());
  }

  /** Both attributes the service answers for {@code text} with {@code entries} (null: none). */
  private static Map<Label, Double> served(String text, List<String> entries) throws Exception {
    HttpResponse<String> r = shipped.post("/v1alpha1/comments:analyze", request(text, entries));
    assertEquals(200, r.statusCode(), r.body());
    JsonNode scores = JSON.readTree(r.body()).get("attributeScores");
    return Map.of(Label.FALSE_REPORT, scores.at("/FALSE_REPORT/summaryScore/value").doubleValue(),
        Label.HARASSMENT, scores.at("/HARASSMENT/summaryScore/value").doubleValue());
  }

  /** What score --thread-column's in-order step gives a post that opens its thread. */
  private static Map<Label, Double> openerInThread(String text) {
    Scorer scorer = TestServer.SCORER;
    ThreadContext step = ThreadContext.of(scorer.bundle(), "thread_id", null, Map.of(), 0);
    Score s = step.apply(new Post("posts.csv", 2, "1", text,
        Map.of("id", "1", "text", text, "thread_id", "t1")), scorer.score(text, true));
    return s.probabilities();
  }

  @Test
  void emptyEntriesScoreTheCommentAsItsThreadsOpenerAsScoreWithAThreadColumnDoes()
      throws Exception {
    assertTrue(TestServer.SCORER.bundle().hasContext(), "the shipped model has a context stage");
    for (String text : List.of("done mine", "someone ring social services on her",
        "@jen you're a thick cow")) {
      Map<Label, Double> opener = openerInThread(text);
      for (List<String> entries : List.of(List.<String>of(), List.of(""), List.of("", " \u200b"))) {
        Map<Label, Double> got = served(text, entries);
        for (Label l : List.of(Label.FALSE_REPORT, Label.HARASSMENT)) {
          assertEquals(opener.get(l), got.get(l), 1e-9, text + " " + entries + " " + l);
        }
      }
    }
  }

  @Test
  void withoutContextTheCommentIsScoredAloneAsScoreWithoutAThreadColumnDoes() throws Exception {
    for (String text : List.of("done mine", "someone ring social services on her")) {
      Map<Label, Double> alone = TestServer.SCORER.score(text, false).probabilities();
      Map<Label, Double> got = served(text, null);
      for (Label l : List.of(Label.FALSE_REPORT, Label.HARASSMENT)) {
        assertEquals(alone.get(l), got.get(l), 1e-9, text + " " + l);
      }
    }
    // The two differ for this post, so the test above tells them apart.
    assertNotEquals(TestServer.SCORER.score("done mine", false).probabilities()
        .get(Label.FALSE_REPORT), openerInThread("done mine").get(Label.FALSE_REPORT), 1e-3);
  }

  @Test
  void aContextWithoutEntriesIsScoredAlone() throws Exception {
    double alone = TestServer.SCORER.score("done mine", false).probabilities()
        .get(Label.FALSE_REPORT);
    for (String context : List.of("null", "{}", "{\"entries\": null}",
        "{\"articleAndParentComment\": {\"parentComment\": {\"text\": \"hi\"}}}")) {
      HttpResponse<String> r = shipped.post("/v1alpha1/comments:analyze", "{\"comment\":"
          + " {\"text\": \"done mine\"}, \"requestedAttributes\": {\"FALSE_REPORT\": {}},"
          + " \"languages\": [\"en\"], \"context\": " + context + "}");
      assertEquals(200, r.statusCode(), r.body());
      assertEquals(alone, JSON.readTree(r.body())
          .at("/attributeScores/FALSE_REPORT/summaryScore/value").doubleValue(), 1e-9, context);
    }
  }

  @Test
  void theOpenerAgreesWithTheScoreCommandRunWithAThreadColumn(@TempDir Path dir)
      throws Exception {
    Path csv = dir.resolve("posts.csv");
    Files.writeString(csv, "id,text,thread_id\n1,done mine,t1\n2,done mine,\n");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = Main.run(new String[] {"score", "--quiet", "--thread-column", "thread_id",
        "--output-format", "jsonl", csv.toString()}, new ByteArrayInputStream(new byte[0]), out,
        new PrintStream(err, true, StandardCharsets.UTF_8));
    assertEquals(0, code, err.toString(StandardCharsets.UTF_8));
    Map<Label, Double> served = served("done mine", List.of());
    // Both rows: a one-post thread, and a blank thread cell (a thread of its own).
    for (String line : out.toString(StandardCharsets.UTF_8).strip().split("\n")) {
      JsonNode row = JSON.readTree(line);
      // score writes six decimals.
      assertEquals(row.get("false_report").doubleValue(), served.get(Label.FALSE_REPORT), 5e-7,
          line);
      assertEquals(row.get("harassment").doubleValue(), served.get(Label.HARASSMENT), 5e-7, line);
    }
  }
}
