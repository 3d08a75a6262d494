package org.trollscan.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.trollscan.files.PathKinds;
import org.junit.jupiter.api.io.TempDir;
import org.trollscan.model.TinyModels;

/**
 * Every path trollscan writes, end to end: devices, FIFOs and links keep what they are; what
 * cannot be written is refused with exit 5 and a message naming it; a failed write names its
 * target and leaves no temporary file. Device nodes are made inside the test's folder, never
 * taken from /dev, so that a regression can only damage the test's own files.
 */
class OutputTargetsTest {
  @TempDir Path dir;
  static String model;

  @BeforeAll
  static void trainTinyModel() throws IOException {
    model = TinyModels.shared().toString();
  }

  static String type(Path p) throws IOException {
    return PathKinds.type(p);
  }

  static boolean run(String... command) {
    return PathKinds.run(command);
  }

  /** A device node made with mknod in {@code dir}, or (not root) a link to the real device. */
  Path device(String name, int minor, String real) throws IOException {
    Path p = dir.resolve(name);
    if (run("mknod", "-m", "666", p.toString(), "c", "1", Integer.toString(minor))) {
      return p;
    }
    return Files.createSymbolicLink(p, Path.of(real));
  }

  List<String> listing(Path folder) throws IOException {
    try (Stream<Path> s = Files.list(folder)) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  /** The reproduction: mknod -m 666 fakenull c 1 3; score ... -o fakenull. */
  @Test
  void scoringIntoAFakeNullDeviceLeavesACharacterDevice() throws IOException {
    Path fakeNull = device("fakenull", 3, "/dev/null");
    String before = type(fakeNull);
    Cli.Result r = Cli.run("score", "--model", model, "samples/forum_thread.csv", "-o",
        fakeNull.toString());
    assertEquals(0, r.exitCode(), r.err());
    assertEquals(before, type(fakeNull));
    assertEquals("character device", type(fakeNull.toRealPath()));
    assertEquals(List.of("fakenull"), listing(dir));
  }

  @Test
  void aFullDeviceGivesExit5NamingItAndStaysADevice() throws IOException {
    Path full = device("full", 7, "/dev/full");
    Cli.Result r = Cli.run("score", "--model", model, "samples/forum_thread.csv", "-o",
        full.toString());
    assertEquals(ExitCodes.IO, r.exitCode(), r.err());
    assertEquals("trollscan: " + full + ": cannot write: No space left on device\n", r.err());
    assertEquals("character device", type(full.toRealPath()));
  }

  @Test
  void scoresAndRejectedRowsGoThroughFifosToTheirReaders() throws Exception {
    Path scores = dir.resolve("scores.fifo");
    Path errors = dir.resolve("errors.fifo");
    assumeTrue(run("mkfifo", scores.toString(), errors.toString()), "mkfifo is not available");
    CompletableFuture<String> scoresRead = reader(scores);
    CompletableFuture<String> errorsRead = reader(errors);
    Path in = Files.writeString(dir.resolve("in.csv"), "id,text\n1,fine\n2,a,b\n3,lovely\n");
    Cli.Result r = Cli.run("score", "--model", model, "-o", scores.toString(), "--errors",
        errors.toString(), in.toString());
    assertEquals(ExitCodes.REJECTED_ROWS, r.exitCode(), r.err());
    assertEquals(3, scoresRead.get(20, TimeUnit.SECONDS).lines().count());
    assertTrue(errorsRead.get(20, TimeUnit.SECONDS).contains("row has 3 fields"));
    assertEquals("fifo", type(scores));
    assertEquals("fifo", type(errors));
  }

  private static CompletableFuture<String> reader(Path fifo) {
    return CompletableFuture.supplyAsync(() -> {
      try (InputStream in = Files.newInputStream(fifo)) {
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
  }

  @Test
  void aLinkedOutputReplacesTheFileItPointsToAndStaysALink() throws IOException {
    Path real = Files.writeString(Files.createDirectories(dir.resolve("data")).resolve("s.csv"),
        "old\n");
    Path link = Files.createSymbolicLink(dir.resolve("latest.csv"), Path.of("data/s.csv"));
    Cli.Result r = Cli.run("score", "--model", model, "samples/forum_thread.csv", "-o",
        link.toString());
    assertEquals(0, r.exitCode(), r.err());
    assertEquals("link", type(link));
    assertEquals(21, Files.readAllLines(real).size());
    assertEquals(List.of("s.csv"), listing(real.getParent()));
  }

  @Test
  void summaryFilesThatAreLinksAndATrainedModelBehindALinkKeepTheirLinks() throws IOException {
    Path out = Files.createDirectories(dir.resolve("summary"));
    Path kept = Files.writeString(dir.resolve("threads-kept.csv"), "old\n");
    Path link = Files.createSymbolicLink(out.resolve("threads.csv"), kept);
    Cli.Result r = Cli.run("summarize", "--model", model, "--thread-column", "thread_id",
        "--out-dir", out.toString(), "samples/forum_thread.csv");
    assertEquals(0, r.exitCode(), r.err());
    assertEquals("link", type(link));
    assertTrue(Files.readString(kept).startsWith("thread,posts,"), Files.readString(kept));

    Path bundle = Files.writeString(dir.resolve("model-v1.zip"), "old");
    Path current = Files.createSymbolicLink(dir.resolve("current.zip"), bundle);
    Path data = TinyModels.writeCorpus(Files.createDirectories(dir.resolve("corpus")));
    Cli.Result t = Cli.run("train", "--data", data.toString(), "--cv", "2", "--cv-repeats", "1",
        "--iterations", "30", "--cutoff", "0", "--threads", "1", "-o", current.toString());
    assertEquals(0, t.exitCode(), t.err());
    assertEquals("link", type(current));
    assertEquals(0, Cli.run("score", "--model", current.toString(), "samples/posts.txt")
        .exitCode());
  }

  @Test
  void theCompletionScriptIsWrittenThroughALink() throws IOException {
    Path real = Files.writeString(dir.resolve("completion.bash"), "old\n");
    Path link = Files.createSymbolicLink(dir.resolve("trollscan_completion"), real);
    CompletionScript.main(new String[] {link.toString()});
    assertEquals("link", type(link));
    assertTrue(Files.readString(real).contains("trollscan"), Files.readString(real));
  }

  /** Every option that writes a path, pointed at a directory: exit 5, one line naming it. */
  @Test
  void everyWrittenPathRefusesADirectoryWithExit5BeforeWriting() throws IOException {
    Path folder = Files.createDirectories(dir.resolve("taken"));
    Files.writeString(folder.resolve("inside.txt"), "keep me");
    String d = folder.toString();
    Path data = TinyModels.writeCorpus(Files.createDirectories(dir.resolve("corpus")));
    List<String[]> commands = List.of(
        new String[] {"score", "--model", model, "-o", d, "samples/posts.txt"},
        new String[] {"score", "--model", model, "--errors", d, "samples/posts.txt"},
        new String[] {"eval", "--model", model, "--data", "samples/functional.csv", "--json", d},
        new String[] {"eval", "--model", model, "--data", "samples/functional.csv",
            "--predictions", d},
        new String[] {"eval", "--model", model, "--data", "samples/functional.csv", "--report",
            d},
        new String[] {"summarize", "--model", model, "--out-dir", dir.resolve("s").toString(),
            "--html", d, "samples/forum_thread.csv"},
        new String[] {"summarize", "--model", model, "-o", d, "samples/forum_thread.csv"},
        new String[] {"train", "--data", data.toString(), "--cv", "2", "-o", d});
    for (String[] command : commands) {
      Cli.Result r = Cli.run(command);
      String what = String.join(" ", command);
      assertEquals(ExitCodes.IO, r.exitCode(), what + "\n" + r.err());
      assertTrue(r.err().startsWith("trollscan: " + d + ": is a directory, not a file;"),
          what + "\n" + r.err());
      assertEquals(1, r.err().lines().count(), what + "\n" + r.err());
      assertEquals("directory", type(folder));
      assertEquals(List.of("inside.txt"), listing(folder));
    }
    assertEquals(List.of("corpus", "taken"), listing(dir), "nothing else was written");
  }

  @Test
  void standardOutputIsAUsageErrorWhereItCannotTakeTheOutput() throws IOException {
    Path data = TinyModels.writeCorpus(dir);
    for (String[] command : List.of(
        new String[] {"train", "--data", data.toString(), "-o", "-"},
        new String[] {"score", "--model", model, "--errors", "-", "samples/posts.txt"})) {
      Cli.Result r = Cli.run(command);
      assertEquals(ExitCodes.USAGE, r.exitCode(), r.err());
      assertEquals("trollscan: '-' (standard output) cannot take this output; name a file\n",
          r.err());
      assertEquals("", r.out());
    }
  }

  @Test
  void summarizeRefusesAFileAsItsOutputFolder() throws IOException {
    Path file = Files.writeString(dir.resolve("summary"), "keep me");
    Cli.Result r = Cli.run("summarize", "--model", model, "--out-dir", file.toString(),
        "samples/forum_thread.csv");
    assertEquals(ExitCodes.IO, r.exitCode(), r.err());
    assertTrue(r.err().startsWith("trollscan: " + file + ": is a file, not a folder"), r.err());
    assertEquals("keep me", Files.readString(file));
  }

  /**
   * A write that fails on a real file: a child trollscan with a 4 KiB file-size limit (ulimit -f
   * 8, in 512-byte blocks) gets EFBIG part-way through its output, as on a full disk.
   */
  @Test
  void aWriteThatFailsNamesTheTargetKeepsTheOldFileAndLeavesNoTemporaryFile() throws Exception {
    Path out = Files.writeString(Files.createDirectories(dir.resolve("out")).resolve("s.csv"),
        "old\n");
    Path in = dir.resolve("many.txt");
    StringBuilder posts = new StringBuilder();
    for (int i = 0; i < 2_000; i++) {
      posts.append("lovely photo of the beach number ").append(i).append('\n');
    }
    Files.writeString(in, posts);
    Process p = child("ulimit -f 8; exec \"$@\"", "-o", out.toString(), in.toString())
        .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the child did not finish");
    assertEquals(ExitCodes.IO, p.exitValue(), err);
    assertEquals("trollscan: " + out + ": cannot write: File too large\n", err);
    assertEquals("old\n", Files.readString(out));
    assertEquals(List.of("s.csv"), listing(out.getParent()));
  }

  /** Standard output on a full device: exit 5, and the message says where it failed. */
  @Test
  void aFullStandardOutputGivesExit5NamingIt() throws Exception {
    Path full = device("full", 7, "/dev/full");
    Process p = child("exec \"$@\"", "samples/forum_thread.csv")
        .redirectOutput(new File(full.toString())).start();
    String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the child did not finish");
    assertEquals(ExitCodes.IO, p.exitValue(), err);
    assertEquals("trollscan: standard output: cannot write: No space left on device\n", err);
    assertEquals("character device", type(full.toRealPath()));
  }

  /** trollscan score in a child JVM, started by {@code sh -c script}. */
  private static ProcessBuilder child(String script, String... args) {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> command = new ArrayList<>(List.of("sh", "-c", script, "sh", java,
        "-XX:-UsePerfData", "-Xshare:off", "-cp", System.getProperty("java.class.path"),
        "org.trollscan.cli.Main", "score", "--quiet", "--threads", "1", "--model", model));
    command.addAll(List.of(args));
    assertFalse(model.isEmpty());
    return new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.from(
        new File("/dev/null")));
  }
}
