package org.trollscan.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.trollscan.input.InputException;
import org.trollscan.input.Post;
import org.trollscan.model.Score;

/** A scorer that reads the whole row decides per post, and can reject a row it finds unfit. */
class RowOutcomeTest {
  private static final Post POST = new Post("in.csv", 7, "p1", "some text",
      Map.of("flagged", "nonsense"));

  private static final PostScorer ROW_READER = new PostScorer() {
    @Override
    public Score score(String text, boolean withEvidence) {
      throw new AssertionError("the text alone is not scored");
    }

    @Override
    public Score score(Post post, boolean withEvidence) {
      if (post.fields().get("flagged").equals("nonsense")) {
        throw new InputException("flagged names 'nonsense', which is no label");
      }
      return new Score(Map.of(), List.of(), Map.of(), false);
    }

    @Override
    public List<org.trollscan.model.Label> labels() {
      return List.of();
    }
  };

  @Test
  void aRowTheScorerFindsUnfitIsRejectedWithItsReasonNotAsABug() {
    RowOutcome.Rejected r = assertInstanceOf(RowOutcome.Rejected.class,
        RowOutcome.of(POST, ROW_READER, false));
    assertEquals("flagged names 'nonsense', which is no label", r.row().reason());
    assertEquals(7, r.row().line());
    assertEquals("in.csv", r.row().source());
  }

  @Test
  void theWholePostReachesAScorerThatAsksForIt() {
    Post fine = new Post("in.csv", 8, "p2", "x", Map.of("flagged", ""));
    assertInstanceOf(RowOutcome.Scored.class, RowOutcome.of(fine, ROW_READER, false));
  }
}
