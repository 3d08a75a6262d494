package org.trollscan.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trollscan.model.TinyModels;

/** End-to-end runs of {@code trollscan eval}: table, JSON, predictions, slices and gates. */
class EvalCommandTest {
  @TempDir static Path dir;
  static String model;
  static String data;

  @BeforeAll
  static void trainTinyModel() throws IOException {
    model = TinyModels.shared().toString();
    data = TinyModels.writeCorpus(dir).toString();
  }

  @Test
  void printsATableAndWritesJsonInTheDocumentedSchema() throws IOException {
    Path json = dir.resolve("eval.json");
    Cli.Result r = Cli.run("eval", "--model", model, "--data", "samples/functional.csv",
        "--by", "functionality", "--json", json.toString());
    assertEquals(0, r.exitCode(), r.err());
    assertTrue(r.out().contains("label"), r.out());
    assertTrue(r.out().contains("negation / false_report"), r.out());
    JsonNode root = new ObjectMapper().readTree(json.toFile());
    assertEquals("trollscan-eval/1", root.get("schema").asText());
    assertEquals(344, root.get("rows").asInt());
    JsonNode fr = root.get("labels").get("false_report");
    for (String field : new String[] {"support", "positives", "threshold", "precision", "recall",
        "f1", "accuracy", "roc_auc", "average_precision", "brier", "ece", "best_f1_threshold",
        "best_f1", "confusion"}) {
      assertTrue(fr.has(field), field);
    }
    JsonNode oneClass = root.get("slices").get("functionality").get("negation").get("false_report");
    assertTrue(oneClass.get("roc_auc").isNull(), "one-class slice has no AUC");
    assertTrue(oneClass.get("accuracy").isNumber());
  }

  @Test
  void aPassingGateExitsZeroAndAFailingGateExitsSevenNamingIt() {
    Cli.Result pass = Cli.run("eval", "--model", model, "--data", data,
        "--min", "harassment:auc=0.5");
    assertEquals(0, pass.exitCode(), pass.err());
    Cli.Result fail = Cli.run("eval", "--model", model, "--data", data,
        "--min", "harassment:auc=0.5", "--min", "false_report:brier=0.0");
    assertEquals(ExitCodes.GATE_FAILED, fail.exitCode());
    assertTrue(fail.err().contains("gate failed: false_report:brier"), fail.err());
  }

  @Test
  void predictionsFileHasScoresNextToGold() throws IOException {
    Path p = dir.resolve("pred.csv");
    Cli.Result r = Cli.run("eval", "--model", model, "--data", data, "--predictions", p.toString());
    assertEquals(0, r.exitCode(), r.err());
    var lines = Files.readAllLines(p);
    assertEquals("id,harassment_score,harassment_gold,false_report_score,false_report_gold,text",
        lines.get(0));
    assertEquals(25, lines.size());
  }

  @Test
  void aMalformedGateIsAUsageError() {
    assertEquals(ExitCodes.USAGE,
        Cli.run("eval", "--model", model, "--data", data, "--min", "harassment>0.5").exitCode());
  }
}
