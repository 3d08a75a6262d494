package org.trollscan.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.trollscan.cli.Main;

/**
 * A co-process writes one post into {@code score}'s stdin and waits for its row before writing
 * the next: each row must come out while stdin is still open, not after 256 posts or the end.
 */
class StreamingStdinTest {
  @Test
  void aPostOnAPipeIsAnsweredBeforeTheNextOneIsWritten() throws Exception {
    PipedOutputStream toScore = new PipedOutputStream();
    PipedInputStream stdin = new PipedInputStream(toScore, 1 << 16);
    ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    PrintStream err = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
    CompletableFuture<Integer> run = CompletableFuture.supplyAsync(() -> Main.run(new String[] {
        "score", "--quiet", "--format", "text", "--output-format", "jsonl", "--threads", "2", "-"},
        stdin, stdout, err));

    toScore.write("someone ring social services on her\n".getBytes(StandardCharsets.UTF_8));
    toScore.flush();
    String first = awaitLines(stdout, 1);
    assertTrue(first.contains("\"id\":\"1\"") && first.contains("false_report"), first);

    Thread.sleep(300); // the pause: nothing more is written meanwhile
    toScore.write("lovely weather today\n".getBytes(StandardCharsets.UTF_8));
    toScore.flush();
    String both = awaitLines(stdout, 2);
    assertTrue(both.contains("\"id\":\"2\""), both);

    toScore.close();
    assertEquals(0, run.get(30, TimeUnit.SECONDS));
    assertEquals(2, stdout.toString(StandardCharsets.UTF_8).lines().count());
  }

  private static String awaitLines(ByteArrayOutputStream out, int lines) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (System.nanoTime() < deadline) {
      String s = out.toString(StandardCharsets.UTF_8);
      if (s.lines().count() >= lines && s.endsWith("\n")) {
        return s;
      }
      Thread.sleep(20);
    }
    throw new AssertionError("no row " + lines + " while stdin stays open; output so far: "
        + out.toString(StandardCharsets.UTF_8));
  }
}
