package org.trollscan.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.trollscan.features.FeatureVector;
import org.trollscan.features.Featurizer;

class ScorerTest {
  static ModelBundle bundle;
  static Scorer scorer;

  static final List<String> POSTS = List.of(
      "someone ring social services on her",
      "she is a vile cow",
      "lovely weather",
      "R3PORT h3r to the c0uncil!!! 😡",
      "Emails to her sponsors please\nand her boss too");

  @BeforeAll
  static void trainTinyModel() throws IOException {
    bundle = BundleIO.load(TinyModels.shared());
    scorer = new Scorer(bundle);
  }

  @Test
  void compiledWeightsGiveOpenNlpsOwnProbabilitiesTo1e9() throws IOException {
    OpenNlpReference opennlp = new OpenNlpReference(TinyModels.shared());
    assertEquals(bundle.labels(), List.copyOf(opennlp.models().keySet()));
    Featurizer f = new Featurizer(bundle.manifest().features(), bundle.rules());
    for (String post : POSTS) {
      FeatureVector fv = f.featurize(post);
      Explanation e = scorer.explain(post);
      for (Label label : bundle.labels()) {
        double actual = e.labels().get(label).modelProbability();
        assertEquals(opennlp.probability(label, fv), actual, 1e-9, post + " / " + label);
      }
    }
  }

  @Test
  void explainContributionsAddUpToTheLogitOfTheScore() {
    for (String post : POSTS) {
      Explanation e = scorer.explain(post);
      e.labels().forEach((label, x) -> {
        double sum = x.contributions().stream().mapToDouble(Contribution::contribution).sum();
        assertEquals(x.logit(), sum, 1e-9);
        assertEquals(x.modelProbability(), 1 / (1 + Math.exp(-x.logit())), 1e-12);
        double p = scorer.score(post, false).probabilities().get(label);
        assertEquals(p, x.probability(), 1e-12);
      });
    }
  }

  @Test
  void evidencePhrasesAreSubstringsOfTheOriginalPost() {
    for (String post : POSTS) {
      scorer.explain(post).labels().values().forEach(x -> {
        assertTrue(x.evidence().size() <= 3);
        x.evidence().forEach(phrase -> assertTrue(post.contains(phrase), phrase + " in " + post));
      });
    }
  }

  @Test
  void obfuscatedEvidenceIsQuotedAsWritten() {
    Score s = scorer.score("R3PORT h3r to the c0uncil!!! 😡", true);
    if (s.flagged().contains(Label.FALSE_REPORT)) {
      assertTrue(String.join("|", s.evidence().get(Label.FALSE_REPORT)).matches(".*(R3PORT|c0uncil).*"),
          s.evidence().toString());
    }
  }

  @Test
  void thresholdsDecideFlagsAndCanBeOverridden() {
    String post = "someone ring social services on her";
    Scorer never = new Scorer(bundle.withThresholds(java.util.Map.of(
        Label.HARASSMENT, 1.0, Label.FALSE_REPORT, 1.0)));
    assertTrue(never.score(post, true).flagged().isEmpty());
    Scorer always = new Scorer(bundle.withThresholds(java.util.Map.of(
        Label.HARASSMENT, 0.0, Label.FALSE_REPORT, 0.0)));
    assertEquals(List.of(Label.HARASSMENT, Label.FALSE_REPORT), always.score(post, true).flagged());
  }

  @Test
  void aPostFlaggedFalseReportScoresAtLeastAsHighForHarassmentWithFalseReportsEvidence() {
    Scorer flagsEveryReport = new Scorer(bundle.withThresholds(java.util.Map.of(
        Label.FALSE_REPORT, 0.0)));
    Scorer flagsNoReport = new Scorer(bundle.withThresholds(java.util.Map.of(
        Label.FALSE_REPORT, 1.0)));
    int raised = 0;
    // With no one named, the tiny model scores these higher for false_report than harassment.
    for (String post : List.of(POSTS.get(0), POSTS.get(2), "tip off hmrc", "email the sponsors",
        "report it to the council")) {
      Explanation.LabelExplanation h = flagsEveryReport.explain(post).labels()
          .get(Label.HARASSMENT);
      Explanation.LabelExplanation fr = flagsEveryReport.explain(post).labels()
          .get(Label.FALSE_REPORT);
      Score s = flagsEveryReport.score(post, true);
      double expected = Math.max(h.modelProbability(), fr.modelProbability());
      assertEquals(expected, s.probabilities().get(Label.HARASSMENT), 1e-12, post);
      assertEquals(fr.modelProbability() > h.modelProbability(), h.impliedByFalseReport(), post);
      if (h.impliedByFalseReport()) {
        raised++;
        assertEquals(fr.evidence(), h.evidence(), post);
      }
      // Unflagged, false_report leaves harassment as its own model scored it.
      assertEquals(h.modelProbability(),
          flagsNoReport.score(post, false).probabilities().get(Label.HARASSMENT), 1e-12, post);
    }
    assertTrue(raised > 0, "no test post scored higher for false_report than for harassment");
  }

  @Test
  void aBundleTrainedBeforeTheRuleIsScoredWithoutIt() {
    assertTrue(bundle.manifest().falseReportImpliesHarassment());
    Manifest m = bundle.manifest();
    Manifest older = new Manifest(m.formatVersion(), m.modelVersion(), m.toolVersion(),
        m.createdAt(), m.features(), m.pipeline(), m.training(), m.data(), m.labels(), false);
    Scorer before = new Scorer(new ModelBundle(older, bundle.models(), bundle.compiled(), bundle.rules())
        .withThresholds(java.util.Map.of(Label.FALSE_REPORT, 0.0)));
    for (String post : List.of("tip off hmrc", "email the sponsors", "report it to the council")) {
      Explanation.LabelExplanation h = before.explain(post).labels().get(Label.HARASSMENT);
      assertFalse(h.impliedByFalseReport(), post);
      assertEquals(h.modelProbability(),
          before.score(post, false).probabilities().get(Label.HARASSMENT), 1e-12, post);
    }
  }

  @Test
  void overlongPostsAreScoredOnAPrefixAndMarked() {
    String huge = "ring social services on her. ".repeat(Scorer.MAX_CHARS / 10);
    Score s = scorer.score(huge, true);
    assertTrue(s.truncated());
    assertFalse(scorer.score("short", true).truncated());
  }
}
