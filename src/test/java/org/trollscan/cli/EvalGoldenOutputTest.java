package org.trollscan.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trollscan.ToolVersion;

/**
 * The exact bytes of eval's outputs (the table, JSON schema trollscan-eval/2, predictions CSV,
 * HTML report) with the shipped model on samples/corpus/test.csv, against golden files in
 * src/test/resources/golden/eval. Only the run's time, the tool version and the output folder
 * are masked. After an intended change (or a new shipped model), regenerate with
 * -Dtrollscan.updateGolden=true and review the diff.
 */
class EvalGoldenOutputTest {
  static final Path GOLDEN = Path.of("src/test/resources/golden/eval");
  @TempDir static Path dir;
  static Cli.Result run;

  @BeforeAll
  static void evaluate() {
    run = Cli.run("eval", "--data", "samples/corpus/test.csv", "--by", "source_style",
        "--bootstrap", "200", "--json", dir.resolve("eval.json").toString(),
        "--predictions", dir.resolve("predictions.csv").toString(),
        "--report", dir.resolve("report.html").toString(), "--min", "harassment.f1=0.8");
  }

  @Test
  void theTableIsByteForByteTheGoldenOne() throws IOException {
    assertEquals(0, run.exitCode(), run.err());
    assertGolden("table.txt", run.out());
    assertGolden("stderr.txt", run.err());
  }

  @Test
  void theJsonIsByteForByteTheGoldenOne() throws IOException {
    assertGolden("eval.json", read("eval.json"));
  }

  @Test
  void thePredictionsAreByteForByteTheGoldenOnes() throws IOException {
    assertGolden("predictions.csv", read("predictions.csv"));
  }

  @Test
  void theHtmlReportIsByteForByteTheGoldenOne() throws IOException {
    assertGolden("report.html", read("report.html"));
  }

  private static String read(String name) throws IOException {
    assertEquals(0, run.exitCode(), run.err());
    return Files.readString(dir.resolve(name), StandardCharsets.UTF_8);
  }

  private static void assertGolden(String name, String actual) throws IOException {
    String masked = actual.replace(dir.toString(), "OUT")
        .replaceAll("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z", "CREATED_AT")
        .replace("\"tool_version\" : \"" + ToolVersion.get() + "\"", "\"tool_version\" : \"V\"")
        .replace("trollscan " + ToolVersion.get(), "trollscan V");
    Path file = GOLDEN.resolve(name);
    if (Boolean.getBoolean("trollscan.updateGolden")) {
      Files.writeString(file, masked, StandardCharsets.UTF_8);
    }
    assertEquals(Files.readString(file, StandardCharsets.UTF_8), masked, "golden " + file);
  }
}
