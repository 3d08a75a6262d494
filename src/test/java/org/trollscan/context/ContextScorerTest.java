package org.trollscan.context;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ContextScorerTest {
  private static final ReplyCues CUES = ReplyCues.fromClasspath();

  /**
   * A context model trained on threads where "done" joins in with a campaign opener (positive)
   * or answers a harmless one (negative); post-alone, "done" scores 0.5 in both.
   */
  static ContextScorer scorer(int maxThreads) {
    List<ContextModel.Example> ex = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      boolean campaign = i % 2 == 0;
      double opener = campaign ? 0.9 + i * 0.001 : 0.1 + i * 0.001;
      ThreadState before = ThreadState.EMPTY;
      ex.add(new ContextModel.Example(ContextFeatures.of(CUES, "opener", opener, opener, before),
          campaign));
      before = before.after(opener, opener, opener >= 0.5);
      ex.add(new ContextModel.Example(ContextFeatures.of(CUES, "done", 0.5, 0.5, before),
          campaign));
    }
    return new ContextScorer(ContextModel.train(ex, 0.1), CUES, 0.5, 0.5, maxThreads);
  }

  @Test
  void theSameReplyScoresHigherUnderACampaignThanUnderAHarmlessOpener() {
    ContextScorer s = scorer(10);
    s.score("campaign", "ring the council on her", 0.95, 0.95);
    s.score("harmless", "sign the library petition", 0.05, 0.05);
    double underCampaign = s.score("campaign", "done", 0.5, 0.5).falseReport();
    double underHarmless = s.score("harmless", "done", 0.5, 0.5).falseReport();
    assertTrue(underCampaign > 0.5 && underHarmless < 0.5,
        underCampaign + " vs " + underHarmless);
  }

  @Test
  void harassmentIsThePostAloneScoreUnlessContextFlagsFalseReport() {
    ContextScorer s = scorer(10);
    s.score("campaign", "ring the council on her", 0.95, 0.95);
    s.score("harmless", "sign the library petition", 0.05, 0.05);
    ContextScorer.Scores joined = s.score("campaign", "done", 0.5, 0.3);
    ContextScorer.Scores answered = s.score("harmless", "done", 0.5, 0.3);
    assertEquals(joined.falseReport(), joined.harassment(), 1e-12);
    assertEquals(0.3, answered.harassment(), 1e-12);
  }

  @Test
  void aReplyWhoseThreadWasLetGoIsScoredAsAnOpener() {
    ContextScorer s = scorer(1);
    s.score("campaign", "ring the council on her", 0.95, 0.95);
    s.score("other", "sign the library petition", 0.05, 0.05);
    double afterEviction = s.score("campaign", "done", 0.5, 0.5).falseReport();
    double alone = scorer(1).score("fresh", "done", 0.5, 0.5).falseReport();
    assertEquals(alone, afterEviction, 1e-12);
    assertEquals(1, s.states().size());
  }
}
