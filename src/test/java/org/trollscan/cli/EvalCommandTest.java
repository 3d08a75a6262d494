package org.trollscan.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trollscan.model.TinyModels;

/** End-to-end runs of {@code trollscan eval}: table, JSON, predictions, slices, comparisons and gates. */
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
        "--by", "functionality", "--json", json.toString(), "--bootstrap", "100");
    assertEquals(0, r.exitCode(), r.err());
    assertTrue(r.out().contains("precision"), r.out());
    assertTrue(r.out().contains("negation / false_report"), r.out());
    assertTrue(r.out().contains("95% percentile interval of 100 bootstrap resamples"), r.out());
    JsonNode root = new ObjectMapper().readTree(json.toFile());
    assertEquals("trollscan-eval/2", root.get("schema").asText());
    assertEquals(344, root.get("rows").asInt());
    assertEquals(100, root.get("bootstrap").get("resamples").asInt());
    assertEquals("post", root.get("bootstrap").get("unit").asText());
    JsonNode fr = root.get("labels").get("false_report");
    for (String field : new String[] {"support", "positives", "threshold", "precision", "recall",
        "f1", "accuracy", "roc_auc", "average_precision", "brier", "ece", "best_f1_threshold",
        "best_f1", "confusion", "intervals"}) {
      assertTrue(fr.has(field), field);
    }
    for (String metric : new String[] {"precision", "recall", "f1", "accuracy", "roc_auc",
        "average_precision", "brier", "ece"}) {
      JsonNode i = fr.get("intervals").get(metric);
      assertTrue(i.get(0).asDouble() <= i.get(1).asDouble(), metric);
    }
    JsonNode oneClass = root.get("slices").get("functionality").get("negation").get("false_report");
    assertTrue(oneClass.get("roc_auc").isNull(), "one-class slice has no AUC");
    assertTrue(oneClass.get("intervals").get("roc_auc").isNull(), "nor an interval of it");
    assertTrue(oneClass.get("accuracy").isNumber());
    assertEquals(1, root.get("models").size());
    assertEquals(0, root.get("comparisons").size());
    assertTrue(root.get("command_line").asText().startsWith("trollscan eval --model"));
  }

  @Test
  void threadsAreTheBootstrapUnitWhenTheDataHasAThreadColumn() throws IOException {
    Cli.Result r = Cli.run("eval", "--model", model, "--data", data, "--json", "-",
        "--bootstrap", "50");
    assertEquals(0, r.exitCode(), r.err());
    JsonNode b = new ObjectMapper().readTree(r.out()).get("bootstrap");
    assertEquals("thread_id", b.get("unit").asText());
    assertEquals(12, b.get("units").asInt());
  }

  @Test
  void jsonToStdoutLeavesOnlyJsonThereAndTheTableGoesToStderr() throws IOException {
    Cli.Result r = Cli.run("eval", "--model", model, "--data", data, "--json", "-",
        "--min", "harassment.auc=0.5", "--bootstrap", "20");
    assertEquals(0, r.exitCode(), r.err());
    JsonNode root = new ObjectMapper().readTree(r.out());
    assertEquals("trollscan-eval/2", root.get("schema").asText());
    assertTrue(r.out().strip().endsWith("}"), "nothing after the JSON");
    assertTrue(r.err().contains("precision"), "the table is on stderr: " + r.err());
  }

  @Test
  void theSameSeedGivesTheSameIntervalsAndBootstrapZeroGivesNone() throws IOException {
    ObjectMapper json = new ObjectMapper();
    JsonNode a = json.readTree(Cli.run("eval", "--model", model, "--data", data, "--json", "-",
        "--bootstrap", "30", "--seed", "7").out());
    JsonNode b = json.readTree(Cli.run("eval", "--model", model, "--data", data, "--json", "-",
        "--bootstrap", "30", "--seed", "7").out());
    assertEquals(a.get("labels"), b.get("labels"));
    JsonNode none = json.readTree(Cli.run("eval", "--model", model, "--data", data, "--json", "-",
        "--bootstrap", "0").out());
    assertTrue(none.get("bootstrap").isNull());
    assertFalse(none.get("labels").get("harassment").has("intervals"));
  }

  @Test
  void aModelComparedWithItselfDiffersByZeroAndPassesAZeroDropGate() throws IOException {
    Cli.Result r = Cli.run("eval", "--model", model, "--baseline", model, "--data", data,
        "--json", "-", "--bootstrap", "50", "--max-drop", "harassment.f1=0",
        "--min", "harassment.auc=0");
    assertEquals(0, r.exitCode(), r.err());
    assertEquals(1, r.err().lines().filter(l -> l.contains("gate passed: --min")).count(),
        "--min judges the model, not the baseline: " + r.err());
    JsonNode root = new ObjectMapper().readTree(r.out());
    assertEquals(2, root.get("models").size());
    assertTrue(root.get("models").get(1).get("baseline").asBoolean());
    JsonNode f1 = root.get("comparisons").get(0).get("labels").get("harassment").get("f1");
    assertEquals(0.0, f1.get("difference").asDouble());
    assertEquals(0.0, f1.get("interval").get(0).asDouble());
    assertEquals(0.0, f1.get("interval").get(1).asDouble());
    assertFalse(f1.get("excludes_zero").asBoolean());
    assertTrue(r.err().contains("gate passed: --max-drop harassment.f1"), r.err());
  }

  @Test
  void aCredibleDropFailsTheMaxDropGateAndAnImprovementPassesIt() throws IOException {
    // The tiny model against the shipped one on the functional cases: far worse.
    Cli.Result worse = Cli.run("eval", "--model", model, "--baseline", shipped(), "--data",
        "samples/functional.csv", "--bootstrap", "200", "--max-drop", "false_report.roc_auc=0.01");
    assertEquals(ExitCodes.GATE_FAILED, worse.exitCode(), worse.err());
    assertTrue(worse.err().contains("gate FAILED: --max-drop false_report.roc_auc"), worse.err());
    assertTrue(worse.out().contains(" *"), "the difference is marked: " + worse.out());
    Cli.Result better = Cli.run("eval", "--baseline", model, "--data",
        "samples/functional.csv", "--bootstrap", "200", "--max-drop", "false_report.roc_auc=0.01");
    assertEquals(0, better.exitCode(), better.err());
  }

  /** The shipped bundle as a file, so that it can be given as --baseline. */
  private static String shipped() throws IOException {
    Path p = dir.resolve("shipped.zip");
    if (!Files.exists(p)) {
      try (var in = EvalCommandTest.class.getResourceAsStream("/models/trollscan-default.zip")) {
        Files.copy(in, p);
      }
    }
    return p.toString();
  }

  @Test
  void aPassingGateExitsZeroPrintingOneLineAndAFailingGateExitsSevenNamingIt() {
    Cli.Result pass = Cli.run("eval", "--model", model, "--data", data, "--bootstrap", "20",
        "--min", "harassment:auc=0.5", "--min", "harassment.roc_auc=0.5");
    assertEquals(0, pass.exitCode(), pass.err());
    assertEquals(2, pass.err().lines().filter(l -> l.contains("gate passed: --min harassment.roc_auc"))
        .count(), pass.err());
    Cli.Result fail = Cli.run("eval", "--model", model, "--data", data, "--bootstrap", "20",
        "--min", "harassment:auc=0.5", "--min", "false_report:brier=0.0");
    assertEquals(ExitCodes.GATE_FAILED, fail.exitCode());
    assertTrue(fail.err().contains("gate FAILED: --min false_report.brier"), fail.err());
    assertTrue(fail.err().contains("gate passed: --min harassment.roc_auc"), fail.err());
  }

  @Test
  void predictionsHaveScoresColumnNamesFlaggedLabelsGoldAndSliceColumns() throws IOException {
    Path p = dir.resolve("pred.csv");
    Cli.Result r = Cli.run("eval", "--model", model, "--data", data, "--by", "thread_id",
        "--bootstrap", "0", "--predictions", p.toString());
    assertEquals(0, r.exitCode(), r.err());
    List<String> lines = Files.readAllLines(p);
    assertEquals("id,harassment,false_report,flagged,harassment_gold,false_report_gold,"
        + "thread_id,text", lines.get(0));
    assertEquals(25, lines.size());
    assertTrue(lines.get(1).startsWith("r0,"), lines.get(1));
    assertTrue(lines.get(1).contains(",t0,ring social services on her"), lines.get(1));
    Path both = dir.resolve("pred2.csv");
    Cli.run("eval", "--model", model, "--baseline", model, "--data", data, "--bootstrap", "0",
        "--predictions", both.toString());
    assertTrue(Files.readAllLines(both).get(0).startsWith("id,harassment,false_report,flagged,"
        + "baseline_harassment,baseline_false_report,baseline_flagged,"));
  }

  @Test
  void optionsAfterDataAreOptions() {
    Cli.Result r = Cli.run("eval", "--model", model, "--data", data, "--threshold",
        "harassment=0.99", "--bootstrap", "0");
    assertEquals(0, r.exitCode(), r.err());
    assertTrue(r.out().contains("threshold 0.990"), r.out());
    Cli.Result unknown = Cli.run("eval", "--model", model, "--data", data, "--bogus");
    assertEquals(ExitCodes.USAGE, unknown.exitCode(), unknown.err());
    assertTrue(unknown.err().contains("--bogus"), unknown.err());
  }

  @Test
  void helpStatesWhichBoundTheDropGateCompares() {
    Cli.Result r = Cli.run("eval", "--help");
    assertEquals(0, r.exitCode());
    assertTrue(r.out().contains("fails when the LOWER bound of the 95% interval of the drop"),
        r.out());
    assertFalse(r.err().contains("WARN"), r.err());
  }

  @Test
  void aMalformedGateIsAUsageError() {
    assertEquals(ExitCodes.USAGE,
        Cli.run("eval", "--model", model, "--data", data, "--min", "harassment>0.5").exitCode());
  }

  @Test
  void aBadGateStopsTheRunBeforeAnyWork() {
    // The model and data do not exist: exit 2 (not 4 or 3) shows the gate was checked first.
    // The colon syntax, which earlier versions parsed, and the dotted one.
    for (String gate : List.of("harasment:f1=0.8", "harassment:f1=NaN", "harassment:f1=Infinity",
        "harassment:f1=-Infinity", "harassment:f1=1.5", "harasment.f1=0.8", "harassment.f1=NaN")) {
      Cli.Result r = Cli.run("eval", "--model", "no-such-model.zip", "--data", "no-such.csv",
          "--min", gate);
      assertEquals(ExitCodes.USAGE, r.exitCode(), gate + ": " + r.err());
      assertTrue(r.err().contains("--min"), r.err());
      assertFalse(r.err().contains("Exception"), r.err());
    }
    Cli.Result drop = Cli.run("eval", "--model", "no-such-model.zip", "--data", "no-such.csv",
        "--max-drop", "harassment.f1=0.01");
    assertEquals(ExitCodes.USAGE, drop.exitCode(), drop.err());
    assertTrue(drop.err().contains("--baseline"), drop.err());
    Cli.Result noBootstrap = Cli.run("eval", "--model", "a.zip", "--baseline", "b.zip", "--data",
        "no-such.csv", "--bootstrap", "0", "--max-drop", "harassment.f1=0.01");
    assertEquals(ExitCodes.USAGE, noBootstrap.exitCode(), noBootstrap.err());
  }

  @Test
  void theReportIsWrittenAndSelfContained() throws IOException {
    Path html = dir.resolve("report.html");
    Cli.Result r = Cli.run("eval", "--model", model, "--baseline", model, "--data", data,
        "--bootstrap", "20", "--report", html.toString(), "--min", "harassment.f1=0.5");
    assertEquals(0, r.exitCode(), r.err());
    String page = Files.readString(html);
    assertTrue(page.contains("Gates") && page.contains("(baseline)"));
    assertFalse(page.contains("<script"));
  }

  @Test
  @org.junit.jupiter.api.Timeout(120)
  void dataOnStandardInputIsReadOnceAndScoredByEveryModel() throws IOException {
    String csv = Files.readString(Path.of(data));
    Path fromFile = dir.resolve("from-file.csv");
    Path fromStdin = dir.resolve("from-stdin.csv");
    Cli.Result file = Cli.run("eval", "--model", model, "--baseline", model, "--data", data,
        "--bootstrap", "0", "--predictions", fromFile.toString());
    assertEquals(0, file.exitCode(), file.err());
    Cli.Result stdin = Cli.runWithStdin(csv, "eval", "--model", model, "--baseline", model,
        "--data", "-", "--bootstrap", "0", "--predictions", fromStdin.toString());
    assertEquals(0, stdin.exitCode(), stdin.err());
    assertEquals(Files.readString(fromFile), Files.readString(fromStdin));
    assertTrue(stdin.out().contains("24 rows from -"), stdin.out());
  }

  @Test
  void aBadLabelCellStopsEvalNamingFileLineAndValue() throws IOException {
    Path bad = dir.resolve("bad-label.csv");
    Files.writeString(bad, "id,text,harassment\na,ring her boss,1\nb,lovely day,yes\n");
    Cli.Result r = Cli.run("eval", "--model", model, "--data", bad.toString());
    assertEquals(ExitCodes.INPUT, r.exitCode(), r.err());
    assertEquals("trollscan: " + bad + ":3: label 'harassment' must be 1, 0 or empty, not 'yes'\n",
        r.err());
    assertEquals("", r.out());
  }

  @Test
  void aRowTheReaderRejectsStopsEvalNamingFileAndLine() throws IOException {
    Path bad = dir.resolve("empty-text.csv");
    Files.writeString(bad, "id,text,harassment\na,ring her boss,1\nb,,0\n");
    Cli.Result r = Cli.run("eval", "--model", model, "--data", bad.toString());
    assertEquals(ExitCodes.INPUT, r.exitCode(), r.err());
    assertTrue(r.err().startsWith("trollscan: " + bad + ":3: "), r.err());
    assertEquals("", r.out());
  }

  @Test
  void aThreadCountBelowOneIsAUsageError() {
    Cli.Result r = Cli.run("eval", "--model", model, "--data", data, "--threads", "0");
    assertEquals(ExitCodes.USAGE, r.exitCode(), r.err());
    assertEquals("trollscan: --threads must be at least 1\n", r.err());
  }

  @Test
  void eachPassingGatePrintsOneLineAndQuietKeepsOnlyTheFailedOnes() {
    String[] gates = {"--min", "harassment.f1=0", "--min", "false_report.average_precision=0",
        "--min", "harassment.brier=0"};
    Cli.Result loud = Cli.run(concat(new String[] {"eval", "--model", model, "--data", data,
        "--bootstrap", "20"}, gates));
    assertEquals(ExitCodes.GATE_FAILED, loud.exitCode(), loud.err());
    assertEquals(2, loud.err().lines().filter(l -> l.contains("gate passed: ")).count(),
        loud.err());
    assertTrue(loud.err().contains("gate passed: --min false_report.average_precision = "),
        loud.err());
    Cli.Result quiet = Cli.run(concat(new String[] {"eval", "--quiet", "--model", model,
        "--data", data, "--bootstrap", "20"}, gates));
    assertEquals(ExitCodes.GATE_FAILED, quiet.exitCode(), quiet.err());
    assertEquals(List.of("trollscan: gate FAILED: --min harassment.brier"),
        quiet.err().lines().map(l -> l.replaceAll(" = .*", "")).toList());
    assertEquals(loud.out(), quiet.out(), "--quiet leaves stdout alone");
  }

  @Test
  void quietWithJsonOnStdoutPrintsNoTableOnStderr() {
    Cli.Result r = Cli.run("eval", "-q", "--model", model, "--data", data, "--bootstrap", "0",
        "--json", "-", "--min", "harassment.f1=0");
    assertEquals(0, r.exitCode(), r.err());
    assertEquals("", r.err());
    assertTrue(r.out().startsWith("{"), r.out());
  }

  @Test
  void theColonFormOfAGateStillWorksWithADeprecationWarning() {
    Cli.Result r = Cli.run("eval", "--quiet", "--model", model, "--data", data,
        "--bootstrap", "0", "--min", "harassment:f1=0");
    assertEquals(0, r.exitCode(), r.err());
    assertEquals("trollscan: warning: --min harassment:f1=0: LABEL:METRIC is deprecated and will"
        + " be refused in a later version; write harassment.f1=0 (LABEL.METRIC=VALUE, as "
        + "--threshold's LABEL=VALUE)\n", r.err());
  }

  private static String[] concat(String[] a, String[] b) {
    String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
