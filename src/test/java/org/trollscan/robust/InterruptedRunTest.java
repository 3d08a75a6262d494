package org.trollscan.robust;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ctrl-C in the middle of {@code score -o FILE}: a real trollscan process gets SIGINT, and
 * neither the output file nor its temporary file is left behind.
 */
class InterruptedRunTest {
  @TempDir Path dir;

  @Test
  void interruptingARunLeavesNoOutputFile() throws Exception {
    Path in = dir.resolve("big.txt");
    try (var w = Files.newBufferedWriter(in)) {
      for (int i = 0; i < 400_000; i++) {
        w.write("someone ring social services on her, post number " + i + "\n");
      }
    }
    Path out = dir.resolve("out/scored.csv");
    Files.createDirectories(out.getParent());
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
        "org.trollscan.cli.Main", "score", "--quiet", "--threads", "1",
        "--model", "models/trollscan-default.zip", "-o", out.toString(), in.toString())
        .redirectErrorStream(true).redirectOutput(new File(dir.resolve("log.txt").toString()))
        .start();
    // Wait until the temporary output exists, so the run is really under way.
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (System.nanoTime() < deadline && listing(out.getParent()).isEmpty() && p.isAlive()) {
      Thread.sleep(50);
    }
    assertTrue(p.isAlive(), "the run ended before it could be interrupted");
    new ProcessBuilder("kill", "-INT", Long.toString(p.pid())).start().waitFor();
    assertTrue(p.waitFor(30, TimeUnit.SECONDS), "trollscan did not stop on SIGINT");
    assertEquals(List.of(), listing(out.getParent()));
  }

  private static List<Path> listing(Path folder) throws Exception {
    try (Stream<Path> s = Files.list(folder)) {
      return s.toList();
    }
  }
}
