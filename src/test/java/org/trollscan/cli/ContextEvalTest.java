package org.trollscan.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trollscan.model.ContextModels;
import org.trollscan.model.TinyModels;

/** {@code eval --thread-column}: a model with a context stage is evaluated in context. */
class ContextEvalTest {
  @TempDir Path dir;

  private double falseReportAuc(String model, String... more) throws IOException {
    Path json = dir.resolve("e" + more.length + ".json");
    java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of("eval", "--model",
        model, "--data", "samples/context-pairs.csv", "--bootstrap", "0", "--json",
        json.toString()));
    args.addAll(java.util.List.of(more));
    Cli.Result r = Cli.run(args.toArray(new String[0]));
    assertEquals(ExitCodes.OK, r.exitCode(), r.err());
    return new ObjectMapper().readTree(json.toFile()).at("/labels/false_report/roc_auc")
        .doubleValue();
  }

  @Test
  void thePairsRankBetterInContextThanAlone() throws IOException {
    String model = ContextModels.shared().toString();
    double alone = falseReportAuc(model);
    double inContext = falseReportAuc(model, "--thread-column", "thread_id");
    assertTrue(inContext > alone + 0.1, alone + " -> " + inContext);
  }

  @Test
  void aModelWithoutAContextStageIsEvaluatedAloneAndSaysSo() throws IOException {
    Cli.Result r = Cli.run("eval", "--model", TinyModels.shared().toString(), "--data",
        "samples/context-pairs.csv", "--bootstrap", "0", "--thread-column", "thread_id");
    assertEquals(ExitCodes.OK, r.exitCode(), r.err());
    assertTrue(r.err().contains("has no context stage: scored alone"), r.err());
  }

  @Test
  void aThreadColumnTheDataLacksIsAnInputError() {
    Cli.Result r = Cli.run("eval", "--model", ContextModels.shared().toString(), "--data",
        "samples/context-pairs.csv", "--bootstrap", "0", "--thread-column", "topic");
    assertEquals(ExitCodes.INPUT, r.exitCode(), r.err());
    assertTrue(r.err().contains("--thread-column topic names no column"), r.err());
  }
}
