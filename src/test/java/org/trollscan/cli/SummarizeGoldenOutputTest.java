package org.trollscan.cli;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trollscan.summary.SummaryWriter;

/**
 * The exact bytes of summarize's four tables on the sample forum export, scored by the shipped
 * model (whose scores ShippedModelTest holds), against golden files in
 * src/test/resources/golden/summarize: targets.csv shows whom the scorer saw in flagged posts.
 * After an intended change, regenerate with -Dtrollscan.updateGolden=true and review the diff.
 */
class SummarizeGoldenOutputTest {
  static final Path GOLDEN = GoldenOutputTest.GOLDEN.resolve("summarize");

  @TempDir Path dir;

  @Test
  void everyTableOfTheForumThreadMatchesItsGoldenFile() {
    Cli.Result r = Cli.run("summarize", "--quiet", "--thread-column", "thread_id",
        "--author-column", "author", "--time-column", "timestamp", "--id-column", "post_id",
        "--out-dir", dir.toString(), "samples/forum_thread.csv");
    assertEquals(0, r.exitCode(), r.err());
    assertAll(SummaryWriter.FILES.stream().map(table -> () -> assertGolden(table, table)));
  }

  /** 53 targets of the test corpus's flagged posts: the names are the scorer's names. */
  @Test
  void theTargetsOfTheTestCorpusMatchTheGoldenFile() {
    Cli.Result r = Cli.run("summarize", "--quiet", "--thread-column", "thread_id", "--out-dir",
        dir.toString(), "samples/corpus/test.csv");
    assertEquals(0, r.exitCode(), r.err());
    assertGolden("targets.csv", "corpus-test-targets.csv");
  }

  private void assertGolden(String table, String golden) {
    String out = read(dir.resolve(table));
    Path file = GOLDEN.resolve(golden);
    if (Boolean.getBoolean("trollscan.updateGolden")) {
      try {
        Files.writeString(file, out, StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    assertEquals(read(file), out, "golden " + file);
  }

  private static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
