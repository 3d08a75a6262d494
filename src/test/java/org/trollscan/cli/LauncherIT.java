package org.trollscan.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the {@code bin/trollscan} launcher on the packaged jar (an integration test: it needs
 * {@code mvn package} to have run). Whatever the JVM has to say must not end up in the scores
 * a moderator pipes into a file.
 */
class LauncherIT {
  private static final Path ROOT = Path.of("").toAbsolutePath();
  private static final Path JAR = ROOT.resolve("target/trollscan-cli.jar");
  private static final Path ARCHIVE = ROOT.resolve("target/trollscan.jsa");

  @Test
  void theLauncherScoresASampleFile() throws Exception {
    assumeTrue(Files.isRegularFile(JAR), "no packaged jar: " + JAR);
    List<String> out = run(ROOT.resolve("bin/trollscan"), "score", "--id-column", "post_id",
        ROOT.resolve("samples/forum_thread.csv").toString());
    assertEquals("id,harassment,false_report,flagged,harassment_evidence,"
        + "false_report_evidence", out.get(0));
    assertTrue(out.size() > 1, out.toString());
  }

  @Test
  void theLauncherWorksThroughSymbolicLinksOnThePath(@TempDir Path dir) throws Exception {
    assumeTrue(Files.isRegularFile(JAR), "no packaged jar: " + JAR);
    Path bin = Files.createDirectories(dir.resolve("home/bin"));
    Path absolute = Files.createSymbolicLink(dir.resolve("trollscan-abs"),
        ROOT.resolve("bin/trollscan"));
    Path relative = Files.createSymbolicLink(bin.resolve("trollscan"),
        bin.relativize(absolute)); // a relative link to the absolute one: a chain of two
    List<String> out = run(relative, "score", "--format", "text",
        ROOT.resolve("samples/posts.txt").toString());
    assertEquals("id,harassment,false_report,flagged,harassment_evidence,"
        + "false_report_evidence", out.get(0));
  }

  @Test
  void aClassDataArchiveThatNoLongerFitsTheJarLeavesStdoutClean(@TempDir Path dir)
      throws Exception {
    assumeTrue(Files.isRegularFile(JAR) && Files.isRegularFile(ARCHIVE),
        "no packaged jar and class-data archive in target/");
    Files.createDirectories(dir.resolve("bin"));
    Files.createDirectories(dir.resolve("target"));
    Path launcher = Files.copy(ROOT.resolve("bin/trollscan"), dir.resolve("bin/trollscan"));
    launcher.toFile().setExecutable(true);
    Path jar = Files.copy(JAR, dir.resolve("target/trollscan-cli.jar"),
        StandardCopyOption.COPY_ATTRIBUTES);
    Files.copy(ARCHIVE, dir.resolve("target/trollscan.jsa"));
    // A rebuilt jar (or another JDK) makes the archive unusable; the JVM then warns.
    Files.setLastModifiedTime(jar, FileTime.fromMillis(Files.getLastModifiedTime(jar).toMillis()
        + 60_000));
    Path input = Files.writeString(dir.resolve("posts.txt"), "someone ring social services on her\n");
    List<String> out = run(launcher, "score", input.toString());
    assertEquals("id,harassment,false_report,flagged,harassment_evidence,"
        + "false_report_evidence", out.get(0));
    assertEquals(2, out.size(), out.toString());
  }

  /**
   * Inputs over the launcher's size bound get its C2 settings (a .gz file counts four times its
   * size); a JVM option the JDK does not know would stop every big run before it read a post.
   */
  @Test
  void anInputOverTheSizeBoundRunsWithTheC2SettingsAndScoresEveryPost(@TempDir Path dir)
      throws Exception {
    assumeTrue(Files.isRegularFile(JAR), "no packaged jar: " + JAR);
    Path input = dir.resolve("posts.txt.gz");
    java.util.Random random = new java.util.Random(5);
    String alphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 .,!?";
    int posts = 0;
    try (var out = new java.io.BufferedWriter(new java.io.OutputStreamWriter(
        new java.util.zip.GZIPOutputStream(Files.newOutputStream(input)), StandardCharsets.UTF_8))) {
      // Random characters hardly compress, so a few MB of gzip stand for 16 MB of text.
      for (; posts < 6_000; posts++) {
        StringBuilder post = new StringBuilder();
        for (int c = 0; c < 1_000; c++) {
          post.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        out.write(post.toString().strip());
        out.write('\n');
      }
    }
    assertTrue(Files.size(input) * 4 > 16 * 1024 * 1024, "input too small: " + Files.size(input));
    List<String> out = run(ROOT.resolve("bin/trollscan"), "score", input.toString());
    assertEquals("id,harassment,false_report,flagged,harassment_evidence,"
        + "false_report_evidence", out.get(0));
    assertEquals(posts + 1, out.size());
  }

  /**
   * The reproduction: with stdout redirected to a file, {@code /dev/stdout} passes
   * {@code [ -f ]}, and the launcher's input-size probe used to read it from inside a command
   * substitution, whose stdout is a pipe nobody writes: it never returned. The scores must land
   * in the file, and a FIFO named by {@code --errors} must not be read by the probe either.
   */
  @Test
  void scoringIntoDevStdoutRedirectedToAFileReturns(@TempDir Path dir) throws Exception {
    assumeTrue(Files.isRegularFile(JAR), "no packaged jar: " + JAR);
    boolean stdoutWasALink = Files.isSymbolicLink(Path.of("/dev/stdout"));
    Path scores = dir.resolve("f.csv");
    Path fifo = dir.resolve("errors.fifo");
    boolean haveFifo = new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor() == 0;
    List<String> command = new java.util.ArrayList<>(List.of("sh",
        ROOT.resolve("bin/trollscan").toString(), "score", "--id-column", "post_id",
        ROOT.resolve("samples/forum_thread.csv").toString(), "-o", "/dev/stdout"));
    java.util.concurrent.CompletableFuture<byte[]> errors = null;
    if (haveFifo) {
      command.addAll(List.of("--errors", fifo.toString()));
      errors = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
        try (var in = Files.newInputStream(fifo)) {
          return in.readAllBytes();
        } catch (IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      });
    }
    Process p = new ProcessBuilder(command)
        .redirectOutput(scores.toFile())
        .redirectError(ProcessBuilder.Redirect.DISCARD)
        .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
        .start();
    boolean finished = p.waitFor(60, TimeUnit.SECONDS);
    if (!finished) {
      p.descendants().forEach(ProcessHandle::destroyForcibly);
      p.destroyForcibly();
    }
    assertTrue(finished, "the launcher did not return");
    assertEquals(0, p.exitValue(), "exit code");
    List<String> out = Files.readAllLines(scores);
    assertEquals("id,harassment,false_report,flagged,harassment_evidence,"
        + "false_report_evidence", out.get(0));
    assertEquals(21, out.size(), out.toString());
    if (errors != null) {
      assertEquals("source,line,reason,raw", new String(errors.get(10, TimeUnit.SECONDS),
          StandardCharsets.UTF_8).strip());
    }
    assertEquals(stdoutWasALink, Files.isSymbolicLink(Path.of("/dev/stdout")));
  }

  private static List<String> run(Path launcher, String... args)
      throws IOException, InterruptedException {
    List<String> command = new java.util.ArrayList<>(List.of("sh", launcher.toString()));
    command.addAll(List.of(args));
    Process p = new ProcessBuilder(command)
        .redirectError(ProcessBuilder.Redirect.DISCARD)
        .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
        .start();
    byte[] stdout = p.getInputStream().readAllBytes();
    assertTrue(p.waitFor(60, TimeUnit.SECONDS), "launcher did not finish");
    assertEquals(0, p.exitValue(), "exit code");
    return new String(stdout, StandardCharsets.UTF_8).lines().toList();
  }
}
