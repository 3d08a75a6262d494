package org.trollscan.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.trollscan.model.BundleIO;
import org.trollscan.model.ContextModels;
import org.trollscan.model.Scorer;
import org.trollscan.model.TinyModels;

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

  @BeforeAll
  static void start() throws Exception {
    // A bundle without a context stage (the shipped model has one).
    plain = new TestServer(ServeConfig.defaults(0, 2),
        new Scorer(BundleIO.load(TinyModels.shared())));
    withContext = new TestServer(ServeConfig.defaults(0, 2),
        new Scorer(BundleIO.load(ContextModels.shared())));
  }

  @AfterAll
  static void stop() {
    plain.close();
    withContext.close();
  }

  private static String request(String text, List<String> entries) {
    ObjectNode r = JSON.createObjectNode();
    r.putObject("comment").put("text", text);
    r.putObject("requestedAttributes").putObject("FALSE_REPORT");
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
}
