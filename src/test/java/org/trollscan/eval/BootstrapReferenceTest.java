package org.trollscan.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The bootstrap against an independent computation: scikit-learn's metrics over the same
 * resamples, and numpy's percentile interval over them. The fixture in
 * {@code src/test/resources/eval/bootstrap} (synthetic data) was made by
 * {@code make_reference.py} there; the test needs neither Python nor scikit-learn.
 */
class BootstrapReferenceTest {
  private static final Path DIR = Path.of("src/test/resources/eval/bootstrap");
  private static final double TOLERANCE = 1e-12;

  private static LabelSample modelA;
  private static LabelSample modelB;
  private static List<int[]> resamples;
  private static int rows;

  @BeforeAll
  static void readFixture() throws IOException {
    List<String> data = Files.readAllLines(DIR.resolve("data.csv"));
    rows = data.size() - 1;
    int[] index = new int[rows];
    boolean[] gold = new boolean[rows];
    double[] a = new double[rows];
    double[] b = new double[rows];
    for (int i = 0; i < rows; i++) {
      String[] cells = data.get(i + 1).split(",");
      index[i] = i;
      gold[i] = cells[2].equals("1");
      a[i] = Double.parseDouble(cells[3]);
      b[i] = Double.parseDouble(cells[4]);
    }
    modelA = new LabelSample(index, a, gold, 0.5);
    modelB = new LabelSample(index, b, gold, 0.5);
    resamples = Files.readAllLines(DIR.resolve("resamples.txt")).stream().map(line -> {
      int[] w = new int[rows];
      for (String i : line.split(" ")) {
        w[Integer.parseInt(i)]++;
      }
      return w;
    }).toList();
  }

  private static double[][][][][] distribution() {
    LabelSample[][][] samples = {{{modelA}}, {{modelB}}};
    return Bootstrap.distribution(samples, resamples.size(), resamples::get);
  }

  @Test
  void everyResampledMetricEqualsScikitLearnOnTheExpandedResample() throws IOException {
    double[][][][][] dist = distribution();
    List<String> expected = Files.readAllLines(DIR.resolve("expected.csv"));
    int checked = 0;
    for (String line : expected.subList(1, expected.size())) {
      String[] c = line.split(",");
      int resample = Integer.parseInt(c[0]);
      Metric metric = Metric.byName(c[2]);
      double want = Double.parseDouble(c[3]);
      double got = switch (c[1]) {
        case "a" -> dist[0][0][0][metric.ordinal()][resample];
        case "b" -> dist[1][0][0][metric.ordinal()][resample];
        default -> dist[1][0][0][metric.ordinal()][resample]
            - dist[0][0][0][metric.ordinal()][resample];
      };
      assertEquals(want, got, TOLERANCE, line);
      checked++;
    }
    assertEquals(40 * 3 * Metric.values().length, checked);
  }

  @Test
  void percentileIntervalsEqualNumpys() throws IOException {
    double[][][][][] dist = distribution();
    List<String> expected = Files.readAllLines(DIR.resolve("intervals.csv"));
    Map<String, Interval> got = new HashMap<>();
    for (Metric m : Metric.values()) {
      double[] va = dist[0][0][0][m.ordinal()];
      double[] vb = dist[1][0][0][m.ordinal()];
      double[] diff = new double[va.length];
      for (int i = 0; i < diff.length; i++) {
        diff[i] = vb[i] - va[i];
      }
      got.put("a," + m.key(), Bootstrap.percentileInterval(va));
      got.put("b," + m.key(), Bootstrap.percentileInterval(vb));
      got.put("b-a," + m.key(), Bootstrap.percentileInterval(diff));
    }
    for (String line : expected.subList(1, expected.size())) {
      String[] c = line.split(",");
      Interval i = got.get(c[0] + "," + c[1]);
      assertEquals(Double.parseDouble(c[2]), i.low(), TOLERANCE, line);
      assertEquals(Double.parseDouble(c[3]), i.high(), TOLERANCE, line);
    }
    assertEquals(3 * Metric.values().length, expected.size() - 1);
  }
}
