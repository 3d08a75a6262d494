package org.trollscan.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trollscan.model.TinyModels;

/** End-to-end runs of {@code trollscan train} on a tiny generated corpus. */
class TrainCommandTest {
  @TempDir Path dir;

  @Test
  void quietLeavesOutProgressButKeepsThresholdsAndMetrics() throws IOException {
    Path csv = TinyModels.writeCorpus(dir);
    Path model = dir.resolve("m.zip");
    Cli.Result loud = Cli.run("train", "--data", csv.toString(), "--cv", "2", "-o",
        model.toString());
    assertEquals(0, loud.exitCode(), loud.err());
    assertTrue(loud.err().contains("fold 1/2 of repeat 1/3 done"), loud.err());
    Cli.Result quiet = Cli.run("train", "--quiet", "--data", csv.toString(), "--cv", "2", "-o",
        model.toString());
    assertEquals(0, quiet.exitCode(), quiet.err());
    assertFalse(quiet.err().contains(" done"), quiet.err());
    assertFalse(quiet.err().contains("rows from"), quiet.err());
    assertTrue(quiet.err().contains("harassment: ") && quiet.err().contains("threshold"),
        quiet.err());
    assertTrue(quiet.err().contains("wrote " + model), quiet.err());
    assertTrue(Files.size(model) > 0);
  }
}
