package org.trollscan.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code score --thread-column --threshold false_report=X}: the override is the context
 * false_report threshold for the flags and for raising harassment alike, so a post flagged
 * false_report always has a harassment score at least as high (the model card's promise), and
 * the sidecar's context block names the thresholds used.
 */
class ContextThresholdOverrideTest {
  @TempDir Path dir;

  @Test
  void aPostFlaggedFalseReportUnderAnOverriddenThresholdHasHarassmentAtLeastAsHigh()
      throws IOException {
    // The shipped model's context false_report threshold is above 0.3: posts between the two
    // were flagged by the override but not raised by the bundle's threshold.
    Path out = dir.resolve("pairs.csv");
    Cli.Result r = Cli.run("score", "-q", "--no-evidence", "--thread-column", "thread_id",
        "--threshold", "false_report=0.3", "-o", out.toString(), "samples/context-pairs.csv");
    assertEquals(ExitCodes.OK, r.exitCode(), r.err());
    List<String> broken = new ArrayList<>();
    int flagged = 0;
    try (Reader in = Files.newBufferedReader(out)) {
      for (CSVRecord row : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true)
          .build().parse(in)) {
        double fr = Double.parseDouble(row.get("false_report"));
        double h = Double.parseDouble(row.get("harassment"));
        assertEquals(fr >= 0.3, row.get("flagged").contains("false_report"), row.toString());
        if (fr >= 0.3) {
          flagged++;
          if (h < fr) {
            broken.add(row.get("id") + " false_report " + fr + " harassment " + h);
          }
        }
      }
    }
    assertTrue(flagged > 0, "nothing flagged: the test would prove nothing");
    assertEquals(List.of(), broken);
    JsonNode meta = new ObjectMapper().readTree(dir.resolve("pairs.csv.meta.json").toFile());
    assertEquals(0.3, meta.at("/context/thresholds/false_report").doubleValue());
    // The post-alone thresholds stay the bundle's: in context the override is the context one.
    assertEquals(org.trollscan.model.BundleIO.loadDefault().model(
        org.trollscan.model.Label.FALSE_REPORT).threshold(),
        meta.at("/model/thresholds/false_report").doubleValue());
  }
}
