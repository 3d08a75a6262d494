package org.trollscan.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trollscan.model.BundleIO;
import org.trollscan.model.TinyModels;
import org.trollscan.model.TrainingSettings;
import org.trollscan.text.FeatureSettings;

class TrainingRunTest {
  private static TrainingRun.Result train(Path dir, int repeats, String name) throws IOException {
    Path csv = TinyModels.writeCorpus(dir);
    TrainingSettings s = new TrainingSettings("QN", 100, 0, 0, 0.1, 2, repeats, 1L, null, TrainingSettings.BREAK_EVEN, 1);
    return new TrainingRun(s, FeatureSettings.defaults(),
        new PrintStream(OutputStream.nullOutputStream()))
        .run(List.of(csv.toString()), "test-1", dir.resolve(name));
  }

  @Test
  void repeatedCrossValidationPoolsItsRepeatsAndIsReproducible(@TempDir Path dir)
      throws IOException {
    TrainingRun.Result once = train(dir, 1, "once.zip");
    TrainingRun.Result thrice = train(dir, 3, "thrice.zip");
    TrainingRun.Result again = train(dir, 3, "again.zip");
    for (int l = 0; l < thrice.reports().size(); l++) {
      TrainingRun.LabelReport r = thrice.reports().get(l);
      assertTrue(r.rule().contains("repeated 3 times"), r.rule());
      assertTrue(!once.reports().get(l).rule().contains("repeated"), once.reports().get(l).rule());
      assertEquals(r.threshold(), again.reports().get(l).threshold());
      assertTrue(r.threshold() > 0 && r.threshold() < 1, r.rule());
    }
    assertEquals(3, BundleIO.load(dir.resolve("thrice.zip")).manifest().training().repeats());
  }
}
