package org.trollscan.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.trollscan.model.TinyModels;

/**
 * {@code --quiet} (and {@code -q}) is taken by every subcommand, so a CI script can pass it
 * alike; what each leaves out is tested with the subcommand.
 */
class QuietOptionTest {
  @TempDir static Path dir;
  static String model;

  @BeforeAll
  static void trainTinyModel() throws IOException {
    model = TinyModels.shared().toString();
  }

  @ParameterizedTest
  @ValueSource(strings = {"score", "train", "eval", "explain", "summarize", "serve"})
  void everySubcommandDocumentsQuiet(String subcommand) {
    Cli.Result r = Cli.run(subcommand, "--help");
    assertEquals(0, r.exitCode(), r.err());
    assertTrue(r.out().contains("-q, --quiet"), subcommand + ": " + r.out());
  }

  @Test
  void explainTakesQuietAndPrintsTheSameExplanation() {
    Cli.Result loud = Cli.run("explain", "--model", model, "ring social services on her");
    Cli.Result quiet = Cli.run("explain", "-q", "--model", model, "ring social services on her");
    assertEquals(0, quiet.exitCode(), quiet.err());
    assertEquals(loud.out(), quiet.out());
    assertEquals("", quiet.err());
  }
}
