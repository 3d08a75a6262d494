package org.trollscan.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.trollscan.input.LabelledCorpusReader;
import org.trollscan.input.LabelledPost;

/**
 * {@code explain} is {@code score} plus feature names: on every functional test post, with the
 * shipped model and a tiny one, explain's probabilities and evidence are score's, exactly.
 */
class ExplainIsScoreTest {
  static List<LabelledPost> posts;

  @BeforeAll
  static void readPosts() {
    posts = new LabelledCorpusReader(Label.columns()).read("samples/functional.csv");
  }

  @Test
  void theShippedModelExplainsEveryFunctionalPostWithScoresProbabilitiesAndEvidence() {
    assertExplainIsScore(new Scorer(BundleIO.loadDefault()));
  }

  @Test
  void aTinyModelExplainsEveryFunctionalPostWithScoresProbabilitiesAndEvidence()
      throws IOException {
    assertExplainIsScore(new Scorer(BundleIO.load(TinyModels.shared())));
  }

  private static void assertExplainIsScore(Scorer scorer) {
    assertEquals(344, posts.size());
    int flagged = 0;
    for (LabelledPost post : posts) {
      String text = post.post().text();
      Score score = scorer.score(text, true, true);
      Explanation explanation = scorer.explain(text);
      assertEquals(score.probabilities().keySet(), explanation.labels().keySet());
      for (Label label : scorer.bundle().labels()) {
        String where = post.post().id() + " / " + label.column();
        Explanation.LabelExplanation x = explanation.labels().get(label);
        // Exact equality: both must come from the one computation, not from two kept close.
        assertEquals(score.probabilities().get(label), x.probability(), 0.0, where);
        assertEquals(score.evidence().get(label), x.evidence(), where);
        assertEquals(score.flagged().contains(label), x.probability() >= x.threshold(), where);
        double sum = 0;
        for (Contribution c : x.contributions()) {
          sum += c.contribution();
          assertEquals(c.value() * c.weight(), c.contribution(), 0.0, where + " " + c.feature());
        }
        assertEquals(x.logit(), sum, 1e-9, where);
      }
      flagged += score.flagged().isEmpty() ? 0 : 1;
    }
    // The equality is about flagged posts' evidence too, not only clean ones.
    assertEquals(true, flagged > 0, "no post flagged: the test would prove little");
  }
}
