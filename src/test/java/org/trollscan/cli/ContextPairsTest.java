package org.trollscan.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.trollscan.model.ContextModels;

/**
 * samples/context-pairs.csv through {@code score --thread-column thread_id} with a context bundle
 * trained in the test (never on the pairs): scored alone the shared replies of each pair tie; in
 * context the campaign copy must rank above the harmless one in at least 90% of the pairs, the
 * issue's bar.
 */
class ContextPairsTest {
  @Test
  void contextSeparatesAtLeastNinetyPercentOfThePairsThatTieAlone() throws IOException {
    Cli.Result r = Cli.run("score", "--model", ContextModels.shared().toString(), "--no-meta",
        "--no-evidence", "--thread-column", "thread_id", "--keep", "pair_id,role,position",
        "samples/context-pairs.csv");
    assertEquals(ExitCodes.OK, r.exitCode(), r.err());
    List<CSVRecord> rows = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true)
        .build().parse(new StringReader(r.out())).getRecords();
    assertEquals(240, rows.size());
    // pair -> role -> [sum of reply context scores, sum of reply alone scores, replies]
    Map<String, Map<String, double[]>> pairs = new TreeMap<>();
    int harmless = 0;
    int harmlessFlagged = 0;
    int harmlessFlaggedAlone = 0;
    int campaignRepliesFlagged = 0;
    int campaignRepliesFlaggedAlone = 0;
    for (CSVRecord row : rows) {
      boolean campaign = row.get("role").equals("campaign");
      boolean reply = !row.get("position").equals("1");
      double fr = Double.parseDouble(row.get("false_report"));
      double alone = Double.parseDouble(row.get("false_report_alone"));
      boolean flagged = row.get("flagged").contains("false_report");
      if (reply) {
        double[] s = pairs.computeIfAbsent(row.get("pair_id"), k -> new TreeMap<>())
            .computeIfAbsent(row.get("role"), k -> new double[3]);
        s[0] += fr;
        s[1] += alone;
        s[2]++;
      }
      if (!campaign) {
        harmless++;
        harmlessFlagged += flagged ? 1 : 0;
        harmlessFlaggedAlone += alone >= thresholdAlone() ? 1 : 0;
      } else if (reply) {
        campaignRepliesFlagged += flagged ? 1 : 0;
        campaignRepliesFlaggedAlone += alone >= thresholdAlone() ? 1 : 0;
      }
    }
    int separated = 0;
    int tiedAlone = 0;
    for (Map<String, double[]> p : pairs.values()) {
      double[] c = p.get("campaign");
      double[] h = p.get("harmless");
      separated += c[0] / c[2] > h[0] / h[2] ? 1 : 0;
      tiedAlone += Math.abs(c[1] / c[2] - h[1] / h[2]) < 1e-6 ? 1 : 0;
    }
    System.out.printf("context pairs: %d/%d separated in context, %d tie alone; harmless threads"
        + " flagged for false_report %d -> %d of %d; campaign replies flagged %d -> %d of 90%n",
        separated, pairs.size(), tiedAlone, harmlessFlaggedAlone, harmlessFlagged, harmless,
        campaignRepliesFlaggedAlone, campaignRepliesFlagged);
    assertEquals(30, pairs.size());
    assertEquals(30, tiedAlone, "the shared replies are word for word the same");
    assertTrue(separated >= 27, separated + " of 30 pairs separated");
  }

  private static double thresholdAlone() {
    return org.trollscan.model.BundleIO.load(ContextModels.shared()).manifest().context()
        .aloneFalseReportThreshold();
  }
}
