package org.trollscan.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trollscan.model.BundleFiles;
import org.trollscan.model.BundleFiles.Entry;

/**
 * Model bundles against the launcher's 256 MiB heap (an integration test: it needs
 * {@code mvn package}): a bomb or a model declaring billions of predicates is refused with exit
 * 4 instead of exhausting the heap, and the largest bundle the limits let through still loads
 * and scores.
 */
class ModelBundleLauncherIT {
  private static final Path ROOT = Path.of("").toAbsolutePath();
  private static final Path JAR = ROOT.resolve("target/trollscan-cli.jar");
  private static final Path SHIPPED = ROOT.resolve("models/trollscan-default.zip");
  @TempDir Path dir;

  private record Run(int exitCode, String out, String err) {}

  @Test
  void aBombInPlaceOfAModelIsRefusedWithoutExhaustingTheHeap() throws Exception {
    assumeTrue(Files.isRegularFile(JAR), "no packaged jar: " + JAR);
    List<Entry> entries = new ArrayList<>(BundleFiles.entries(SHIPPED));
    entries.set(2, Entry.bomb("harassment.maxent", 512L << 20)); // twice the heap, 0.5 MB zipped
    Path bomb = BundleFiles.write(dir.resolve("bomb.zip"), entries);
    Run r = score(bomb);
    assertEquals(4, r.exitCode(), r.err());
    // The size the manifest records, read from it, so that retraining the default model does
    // not break the test.
    long recorded = org.trollscan.model.BundleIO.load(SHIPPED).manifest().entries().stream()
        .filter(e -> e.name().equals("harassment.maxent")).findFirst().orElseThrow().bytes();
    assertTrue(r.err().startsWith("trollscan: " + bomb + ": entry 'harassment.maxent' is longer"
        + " than the " + recorded + " bytes its manifest records"), r.err());
    assertFalse(r.err().contains("OutOfMemoryError"), r.err());
    assertEquals("", r.out());
  }

  @Test
  void aModelDeclaringBillionsOfPredicatesIsRefusedWithoutExhaustingTheHeap() throws Exception {
    assumeTrue(Files.isRegularFile(JAR), "no packaged jar: " + JAR);
    Path huge = BundleFiles.write(dir.resolve("huge.zip"), BundleFiles.reseal(
        BundleFiles.replace(BundleFiles.entries(SHIPPED), "harassment.maxent",
            BundleFiles.maxentDeclaring(Integer.MAX_VALUE))));
    Run r = score(huge);
    assertEquals(4, r.exitCode(), r.err());
    assertTrue(r.err().contains("it declares 2147483647 predicates; allowed: at most 1000000"),
        r.err());
    assertEquals("", r.out());
  }

  /** 500,000 predicates per label, 1,000,000 together: the most a bundle may hold, 30 MB. */
  @Test
  void theLargestBundleTheLimitsAllowLoadsAndScoresInTheLaunchersHeap() throws Exception {
    assumeTrue(Files.isRegularFile(JAR), "no packaged jar: " + JAR);
    List<Entry> entries = BundleFiles.entries(SHIPPED);
    entries = BundleFiles.replace(entries, "harassment.maxent", maxent("w=h", 500_000));
    entries = BundleFiles.replace(entries, "false_report.maxent", maxent("w=f", 500_000));
    Path largest = BundleFiles.write(dir.resolve("largest.zip"), BundleFiles.reseal(entries));
    Run r = score(largest);
    assertEquals(0, r.exitCode(), r.err());
    assertEquals(2, r.out().lines().count(), r.out());
  }

  /** A QN model with {@code n} predicates named prefix + a number, each with two weights. */
  private static byte[] maxent(String prefix, int n) throws IOException {
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(buf)) {
      out.writeUTF("QN");
      out.writeInt(2);
      out.writeUTF("1");
      out.writeUTF("0");
      out.writeInt(1);
      out.writeUTF(n + " 0 1");
      out.writeInt(n);
      for (int i = 0; i < n; i++) {
        out.writeUTF(prefix + String.format("%09d", i));
      }
      for (int i = 0; i < n; i++) {
        out.writeDouble((i % 7) / 7.0 - 0.5);
        out.writeDouble(0);
      }
    }
    return buf.toByteArray();
  }

  private Run score(Path model) throws IOException, InterruptedException {
    Path posts = Files.writeString(dir.resolve("post.txt"), "ring social services on her\n");
    Process p = new ProcessBuilder("sh", ROOT.resolve("bin/trollscan").toString(), "score",
        "--model", model.toString(), "--quiet", posts.toString())
        .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
        .redirectError(dir.resolve("stderr.txt").toFile())
        .start();
    byte[] stdout = p.getInputStream().readAllBytes();
    assertTrue(p.waitFor(120, TimeUnit.SECONDS), "launcher did not finish");
    return new Run(p.exitValue(), new String(stdout, StandardCharsets.UTF_8),
        Files.readString(dir.resolve("stderr.txt")));
  }
}
