package org.trollscan.context;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ContextScorerTest {
  private static final ReplyCues CUES = ReplyCues.fromClasspath();

  /** A scorer with {@link #falseReportModel()} and harassment implied. */
  static ContextScorer scorer(int maxThreads) {
    return new ContextScorer(falseReportModel(), CUES, 0.5, 0.5, maxThreads);
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

  /**
   * A harassment context model trained so that "done" is harassment under neither opener: with
   * it, harassment in context is the model's score where false_report is not flagged in context,
   * and the context false_report score where that is higher and flagged.
   */
  @Test
  void withAHarassmentModelHarassmentInContextIsTheModelsScoreRaisedWhereFalseReportIsFlagged() {
    List<ContextModel.Example> ex = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      double opener = i % 2 == 0 ? 0.9 + i * 0.001 : 0.1 + i * 0.001;
      ThreadState before = ThreadState.EMPTY.after(opener, opener, opener >= 0.5);
      ex.add(new ContextModel.Example(ContextFeatures.of(CUES, "opener", opener, opener,
          ThreadState.EMPTY), i % 2 == 0));
      ex.add(new ContextModel.Example(ContextFeatures.of(CUES, "done", 0.5, 0.8, before), false));
    }
    ContextModel harassment = ContextModel.train(ex, 0.1);
    ContextScorer implied = scorer(10);
    ContextScorer withModel = new ContextScorer(falseReportModel(), harassment, CUES, 0.5, 0.5,
        0.5, 10);
    for (ContextScorer s : List.of(implied, withModel)) {
      s.score("campaign", "ring the council on her", 0.95, 0.95);
      s.score("harmless", "sign the library petition", 0.05, 0.05);
    }
    ContextScorer.Scores answeredImplied = implied.score("harmless", "done", 0.5, 0.8);
    ContextScorer.Scores answered = withModel.score("harmless", "done", 0.5, 0.8);
    assertEquals(answeredImplied.falseReport(), answered.falseReport(), 1e-12);
    assertEquals(0.8, answeredImplied.harassment(), 1e-12);
    assertTrue(answered.harassment() < 0.5 && !answered.harassmentFlagged(), answered.toString());
    ContextScorer.Scores joined = withModel.score("campaign", "done", 0.5, 0.8);
    assertTrue(joined.falseReportFlagged(), joined.toString());
    assertEquals(joined.falseReport(), joined.harassment(), 1e-12);
  }

  /**
   * A context model trained on threads where "done" joins in with a campaign opener (positive)
   * or answers a harmless one (negative); post-alone, "done" scores 0.5 in both.
   */
  private static ContextModel falseReportModel() {
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
    return ContextModel.train(ex, 0.1);
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
