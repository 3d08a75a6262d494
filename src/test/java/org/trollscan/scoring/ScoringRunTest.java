package org.trollscan.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trollscan.input.InputException;
import org.trollscan.input.InputFormat;
import org.trollscan.input.Post;
import org.trollscan.input.ReaderOptions;
import org.trollscan.input.RejectedRow;
import org.trollscan.model.Label;
import org.trollscan.model.Score;
import org.trollscan.output.ScoreWriter;

/** The streaming run: every row read is written or rejected, whatever one post does. */
class ScoringRunTest {
  @TempDir Path dir;

  /** A scorer with a bug that only some posts reach. */
  private static final PostScorer FAILS_ON_BOOM = new PostScorer() {
    @Override
    public Score score(String text, boolean evidence) {
      if (text.contains("boom")) {
        throw new IllegalStateException("index 7 out of bounds for 'boom'");
      }
      if (text.contains("deep")) {
        throw new StackOverflowError();
      }
      Map<Label, Double> p = new EnumMap<>(Label.class);
      p.put(Label.HARASSMENT, 0.25);
      return new Score(p, List.of(), Map.of(), false);
    }

    @Override
    public List<Label> labels() {
      return List.of(Label.HARASSMENT);
    }
  };

  private record Captured(List<String> written, List<RejectedRow> rejected,
      ScoringRun.Summary summary) {}

  private Captured run(String csv, boolean strict, int threads) throws Exception {
    Path file = dir.resolve("posts.csv");
    Files.writeString(file, csv, StandardCharsets.UTF_8);
    ScoringRun.Options options = new ScoringRun.Options(List.of(file.toString()),
        InputFormat.CSV, ReaderOptions.defaults(), threads, false, true, strict);
    List<String> written = new ArrayList<>();
    List<RejectedRow> rejected = new ArrayList<>();
    ScoreWriter writer = new ScoreWriter() {
      @Override
      public void write(Post post, Score score) {
        written.add(post.id());
      }

      @Override
      public void finish() {}
    };
    ScoringRun.Summary summary = new ScoringRun(FAILS_ON_BOOM, options,
        new ByteArrayInputStream(new byte[0]), ScoringRun.Progress.NONE)
        .run(writer, rejected::add);
    return new Captured(written, rejected, summary);
  }

  @Test
  void aPostThatMakesTheScorerThrowIsRejectedAndTheRunGoesOn() throws Exception {
    Captured c = run("id,text\n1,fine\n2,boom goes the scorer\n3,fine too\n4,deep\n5,last\n",
        false, 2);
    assertEquals(List.of("1", "3", "5"), c.written());
    assertEquals(2, c.rejected().size());
    RejectedRow boom = c.rejected().get(0);
    assertEquals(3, boom.line());
    assertTrue(boom.reason().startsWith("internal error while scoring this post "
        + "(IllegalStateException: index 7 out of bounds for 'boom')"), boom.reason());
    assertEquals("boom goes the scorer", boom.raw());
    assertTrue(c.rejected().get(1).reason().contains("StackOverflowError"));
    assertEquals(5, c.summary().read());
    assertEquals(3, c.summary().written());
    assertEquals(2, c.summary().rejected());
  }

  @Test
  void rowsStayInInputOrderAcrossBatchesWhenSomeFail() throws Exception {
    StringBuilder csv = new StringBuilder("id,text\n");
    List<String> expected = new ArrayList<>();
    for (int i = 1; i <= 3 * ScoringRun.BATCH + 5; i++) {
      boolean fails = i % 97 == 0;
      csv.append(i).append(',').append(fails ? "boom" : "post " + i).append('\n');
      if (!fails) {
        expected.add(Integer.toString(i));
      }
    }
    Captured c = run(csv.toString(), false, 3);
    assertEquals(expected, c.written());
    assertEquals(c.summary().read(), c.summary().written() + c.summary().rejected());
  }

  @Test
  void strictStopsAtAPostThatFailsToScore() {
    InputException e = assertThrows(InputException.class,
        () -> run("id,text\n1,fine\n2,boom\n3,fine\n", true, 1));
    assertTrue(e.getMessage().contains("posts.csv:3: internal error"), e.getMessage());
    assertTrue(e.getMessage().contains("--strict"), e.getMessage());
  }

  @Test
  void emptyPostsAreWrittenWithZeroScoresWithoutAskingTheScorerAndCounted() throws Exception {
    PostScorer never = new PostScorer() {
      @Override
      public Score score(String text, boolean evidence) {
        if (text.isBlank() || text.equals("\u200b")) {
          throw new AssertionError("the scorer was asked about an empty post");
        }
        return FAILS_ON_BOOM.score(text, evidence);
      }

      @Override
      public List<Label> labels() {
        return List.of(Label.HARASSMENT, Label.FALSE_REPORT);
      }
    };
    Path file = Files.writeString(dir.resolve("e.csv"), "id,text\n1,fine\n2,\n3,\"\u200b\"\n");
    ScoringRun.Options options = new ScoringRun.Options(List.of(file.toString()),
        InputFormat.CSV, ReaderOptions.defaults(), 2, false, true, false);
    List<Score> scores = new ArrayList<>();
    ScoreWriter writer = new ScoreWriter() {
      @Override
      public void write(Post post, Score score) {
        scores.add(score);
      }

      @Override
      public void finish() {}
    };
    ScoringRun.Summary summary = new ScoringRun(never, options,
        new ByteArrayInputStream(new byte[0]), ScoringRun.Progress.NONE)
        .run(writer, row -> {
          throw new AssertionError("rejected: " + row);
        });
    assertEquals(3, scores.size());
    assertEquals(Map.of(Label.HARASSMENT, 0.0, Label.FALSE_REPORT, 0.0),
        scores.get(1).probabilities());
    assertEquals(List.of(), scores.get(2).flagged());
    assertEquals(2, summary.empty());
    assertEquals(3, summary.written());
  }
}
