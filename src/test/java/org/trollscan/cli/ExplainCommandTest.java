package org.trollscan.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.trollscan.model.TinyModels;

class ExplainCommandTest {
  static String model;

  @BeforeAll
  static void trainTinyModel() throws IOException {
    model = TinyModels.shared().toString();
  }

  @Test
  void showsNormalisedTextTokensAndRankedFeatures() {
    Cli.Result r = Cli.run("explain", "--model", model, "R3port h3r to the c0uncil");
    assertEquals(0, r.exitCode(), r.err());
    assertTrue(r.out().contains("normalised: report her to the council"), r.out());
    assertTrue(r.out().contains("false_report: p="), r.out());
    assertTrue(r.out().contains("raised by:"), r.out());
  }

  @Test
  void jsonContributionsAddUpToTheLogit() throws IOException {
    Cli.Result r = Cli.runWithStdin("ring social services on her", "explain", "--model", model,
        "--json");
    JsonNode root = new ObjectMapper().readTree(r.out());
    assertTrue(root.get("labels").has("false_report"), "labels are named as in files");
    for (JsonNode label : root.get("labels")) {
      double sum = 0;
      for (JsonNode c : label.get("contributions")) {
        sum += c.get("contribution").asDouble();
      }
      assertEquals(label.get("logit").asDouble(), sum, 1e-9);
    }
  }

  @Test
  void aNegativeTopIsAUsageErrorNotAStackTrace() {
    Cli.Result r = Cli.run("explain", "--model", model, "--top", "-1", "ring her boss");
    assertEquals(ExitCodes.USAGE, r.exitCode(), r.err());
    assertEquals("trollscan: --top must be 0 or more, not -1\n", r.err());
    assertEquals("", r.out());
  }
}
