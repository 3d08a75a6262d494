package org.trollscan.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.trollscan.eval.Evaluation;
import org.trollscan.eval.Evaluator;
import org.trollscan.input.LabelledCorpusReader;
import org.trollscan.input.LabelledPost;
import org.trollscan.features.FeatureVector;
import org.trollscan.features.Featurizer;

/**
 * The model in models/ (the one the jar ships) loads and separates clear cases, and its measured
 * quality does not regress below the floors recorded in models/README.md.
 */
class ShippedModelTest {
  static Scorer scorer;

  @BeforeAll
  static void loadShippedModel() {
    scorer = new Scorer(BundleIO.load(Path.of("models/trollscan-default.zip")));
  }

  @Test
  void classpathDefaultIsTheSameModelAsTheFileInModels() {
    assertTrue(BundleIO.defaultManifest() == null
        || BundleIO.defaultManifest().createdAt().equals(scorer.bundle().manifest().createdAt()),
        "rebuild the jar after retraining the default model");
  }

  @Test
  void flagsClearFalseReportIncitement() {
    for (String post : List.of(
        "Everyone ring social services on her tonight, let's get those kids looked at",
        "I've reported her to the council three times now lol, your turn girls",
        "email all her sponsors and get her dropped, addresses are pinned")) {
      Score s = scorer.score(post, true);
      assertTrue(s.flagged().contains(Label.FALSE_REPORT), post + " " + s);
      assertTrue(s.flagged().contains(Label.HARASSMENT), post + " " + s);
    }
  }

  @Test
  void taggingAnAgencysAccountUnderAPersonIsAFalseReportAndACouncillorsHandleIsAPerson() {
    Score tagged = scorer.score("@DWPgovuk this one @sunnymum_kel is claiming single person"
        + " discount with her fella living there, check her stories", true);
    assertTrue(tagged.flagged().contains(Label.FALSE_REPORT), tagged.toString());
    Score insulted = scorer.score("@councillorjenkins you're a useless crook and everyone knows it",
        true);
    assertTrue(insulted.flagged().contains(Label.HARASSMENT), insulted.toString());
    assertFalse(insulted.flagged().contains(Label.FALSE_REPORT), insulted.toString());
  }

  @Test
  void flagsClearHarassmentButNotAsAFalseReport() {
    for (String post : List.of("@jenny_b you are a thick ugly cow and your kids hate you",
        "Kayla is a fat lazy slob and her kids are feral")) {
      Score s = scorer.score(post, true);
      assertTrue(s.flagged().contains(Label.HARASSMENT), post + " " + s);
      assertFalse(s.flagged().contains(Label.FALSE_REPORT), post + " " + s);
    }
  }

  /**
   * Ranking, which does not move with the threshold: every clear harassment post scores above
   * every clear negative. (The harm wish below scores under the threshold of model 2026.11.29;
   * models/README.md lists it as a known limit.)
   */
  @Test
  void ranksClearHarassmentAboveClearNegatives() {
    List<String> positives = List.of("@jenny_b you are a thick ugly cow and your kids hate you",
        "She is a vile, lying grifter and I hope she falls down the stairs",
        "Everyone ring social services on her tonight, let's get those kids looked at");
    List<String> negatives = List.of("Has anyone got a good recipe for banana bread?",
        "Our health visitor was lovely at the two year check",
        "Nobody should report her, she hasn't done anything wrong",
        "this weather is shit");
    double lowestPositive = positives.stream()
        .mapToDouble(p -> scorer.score(p, false).probabilities().get(Label.HARASSMENT)).min()
        .orElseThrow();
    for (String n : negatives) {
      double p = scorer.score(n, false).probabilities().get(Label.HARASSMENT);
      assertTrue(p < lowestPositive, n + " scores " + p + ", a clear positive " + lowestPositive);
    }
  }

  @Test
  void leavesClearNegativesAlone() {
    for (String post : List.of("Has anyone got a good recipe for banana bread?",
        "Our health visitor was lovely at the two year check",
        "The school fete is on Saturday, volunteers needed for the cake stall")) {
      assertTrue(scorer.score(post, true).flagged().isEmpty(), post);
    }
  }

  @Test
  void aScrapedQuoteIsJudgedByWhatTheReplyDoesWithIt() {
    String quote = "Bex123 said:\nsomeone needs to ring social services on her, those kids are filthy"
        + "\nClick to expand...\n";
    assertTrue(scorer.score(quote + "Absolutely not. Reported your post to the mods.", true)
        .flagged().isEmpty());
    assertTrue(scorer.score(quote + "This. Already done mine", true).flagged()
        .contains(Label.FALSE_REPORT));
    assertTrue(scorer.score("don&#39;t ring social services on her, she&#39;s done nothing wrong",
        true).flagged().isEmpty());
  }

  /** The shipped model's full size, every functional test post: the 1e-9 equality at scale. */
  @Test
  void scoresEqualOpenNlpsOwnEvalOfTheShippedModelTo1e9() throws IOException {
    OpenNlpReference opennlp = new OpenNlpReference(Path.of("models/trollscan-default.zip"));
    assertEquals(scorer.bundle().labels(), List.copyOf(opennlp.models().keySet()));
    Featurizer featurizer = new Featurizer(scorer.bundle().manifest().features(), scorer.bundle().rules());
    List<LabelledPost> posts = new LabelledCorpusReader(Label.columns())
        .read("samples/functional.csv");
    assertTrue(posts.size() > 300);
    for (LabelledPost post : posts) {
      FeatureVector fv = featurizer.featurize(post.post().text());
      Explanation e = scorer.explain(post.post().text());
      for (Label label : scorer.bundle().labels()) {
        assertEquals(opennlp.probability(label, fv), e.labels().get(label).modelProbability(),
            1e-9, post.post().id() + " / " + label);
      }
    }
  }

  static double auc(String file, String label) throws IOException {
    Evaluation e = new Evaluator(scorer).evaluate(Evaluator.Data.of(List.of(file)), List.of());
    return e.labels().get(label).auc();
  }

  @Test
  void theShippedModelReadsThreadsAndScoresHarassmentInContextWithAModelOfItsOwn() {
    assertTrue(scorer.bundle().hasContext(), "the default model has a context stage");
    assertEquals(BundleIO.CONTEXT_HARASSMENT_ENTRY,
        scorer.bundle().manifest().context().harassmentEntry());
  }

  /**
   * The first pair family (samples/context-pairs.csv, never trained on; a development set since
   * its results were read): in context the campaign copy of the shared replies must outrank the
   * harmless copy in at least 27 of the 30 pairs, the 90% bar; the model card reports 29
   * of 30. A floor, not a target. The blind family (context-pairs-2.csv) is kept out of the test
   * loop, so that no failing build teaches anyone its answers.
   */
  @Test
  void inContextTheFirstFamilysCampaignRepliesOutrankTheirHarmlessCopies() throws IOException {
    org.trollscan.context.ContextScorer context = scorer.bundle().contextScorer(0);
    java.util.Map<String, double[]> pairs = new java.util.TreeMap<>();
    try (java.io.Reader in = Files.newBufferedReader(Path.of("samples/context-pairs.csv"))) {
      for (org.apache.commons.csv.CSVRecord r : org.apache.commons.csv.CSVFormat.DEFAULT
          .builder().setHeader().setSkipHeaderRecord(true).build().parse(in)) {
        java.util.Map<Label, Double> alone = scorer.score(r.get("text"), false).probabilities();
        double fr = context.score(r.get("thread_id"), r.get("text"),
            alone.get(Label.FALSE_REPORT), alone.get(Label.HARASSMENT)).falseReport();
        if (!r.get("position").equals("1")) {
          pairs.computeIfAbsent(r.get("pair_id"), k -> new double[2])[
              r.get("role").equals("campaign") ? 0 : 1] += fr;
        }
      }
    }
    long separated = pairs.values().stream().filter(p -> p[0] > p[1]).count();
    assertEquals(30, pairs.size());
    assertTrue(separated >= 27, separated + " of 30 pairs separated in context");
  }

  @Test
  void corpusTestSplitQualityStaysAtItsRecordedFloor() throws IOException {
    assertTrue(auc("samples/corpus/test.csv", "harassment") >= 0.90);
    assertTrue(auc("samples/corpus/test.csv", "false_report") >= 0.90);
  }

  @Test
  void olidTestQualityStaysAtItsRecordedFloor() throws IOException {
    Path olid = Path.of(System.getProperty("trollscan.shared", "../shared"),
        "corpora/olid/test.csv");
    assumeTrue(Files.exists(olid), "skipped: " + olid + " is absent (../shared not beside the project)");
    // A guard against accidental regressions on tweets, just under the shipped 0.798 (0.796 for
    // the word-bigram models 2026.11.29-6 to -40). It was 0.77 from model 2026.11.29-3, which
    // traded 0.007 for forum hard negatives (docs/model-history.md). Doccat scores 0.769 here.
    assertTrue(auc(olid.toString(), "harassment") >= 0.785);
  }
}
