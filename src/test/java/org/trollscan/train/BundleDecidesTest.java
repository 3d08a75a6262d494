package org.trollscan.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trollscan.features.FeatureSettings;
import org.trollscan.features.Featurizer;
import org.trollscan.features.Pipeline;
import org.trollscan.model.BundleFiles;
import org.trollscan.model.BundleIO;
import org.trollscan.model.Label;
import org.trollscan.model.ModelBundle;
import org.trollscan.model.Scorer;
import org.trollscan.model.TinyModels;
import org.trollscan.model.TrainingSettings;
import org.trollscan.rules.Rules;

/**
 * The bundle alone decides the scores: training writes the rule files it used into the bundle,
 * and scoring reads them from there, whatever the rule files of the trollscan that scores.
 */
class BundleDecidesTest {
  private static final String POST = "you are such a banana bread lol";

  private static Path copyOfTheRuleFiles(Path dir) throws IOException {
    Files.createDirectories(dir);
    for (var file : Rules.fromClasspath().files().entrySet()) {
      Files.write(dir.resolve(file.getKey()), file.getValue());
    }
    return dir;
  }

  private static void edit(Path file, String from, String to) throws IOException {
    String text = Files.readString(file, StandardCharsets.UTF_8);
    assertTrue(text.contains(from), file + " has no " + from);
    Files.writeString(file, text.replace(from, to), StandardCharsets.UTF_8);
  }

  private static Path train(Path dir, Rules rules) throws IOException {
    Path csv = TinyModels.writeCorpus(dir);
    TrainingSettings s = new TrainingSettings("QN", 100, 0, 0, 0.1, 2, 1, 1L, null,
        TrainingSettings.BREAK_EVEN, 1);
    Path bundle = dir.resolve("trial.zip");
    new TrainingRun(s, FeatureSettings.defaults(), new PrintStream(OutputStream.nullOutputStream()))
        .withRules(rules).run(List.of(csv.toString()), "trial-1", bundle);
    return bundle;
  }

  private static List<Double> scores(Scorer scorer) {
    List<Double> out = new ArrayList<>();
    List<String> posts = new ArrayList<>(List.of(POST, "ring social services on her"));
    for (String[] row : TinyModels.ROWS) {
      posts.add(row[0]);
    }
    for (String post : posts) {
      for (Label l : scorer.bundle().labels()) {
        out.add(scorer.score(post, true).probabilities().get(l));
      }
    }
    return out;
  }

  @Test
  void aBundleScoresWithTheRulesItWasTrainedWithWhateverTheRuleFilesSayLater(@TempDir Path dir)
      throws IOException {
    Path rules = copyOfTheRuleFiles(dir.resolve("rules"));
    edit(rules.resolve(Rules.CUES), "\n[insult]\n", "\n[insult]\nbanana bread\n");
    Path bundle = train(dir, Rules.fromDirectory(rules));
    Scorer scorer = new Scorer(BundleIO.load(bundle));
    List<Double> before = scores(scorer);

    // The bundle's lexicon annotates the post, not the one this trollscan ships.
    FeatureSettings settings = scorer.bundle().manifest().features();
    assertTrue(List.of(new Featurizer(settings, scorer.bundle().rules()).featurize(POST).names())
        .contains("cue:insult"));
    assertFalse(List.of(new Featurizer(settings, Rules.fromClasspath()).featurize(POST).names())
        .contains("cue:insult"));
    ModelBundle b = scorer.bundle();
    Scorer withShippedRules =
        new Scorer(new ModelBundle(b.manifest(), b.models(), b.compiled(), Rules.fromClasspath()));
    assertNotEquals(scorer.score(POST, false).probabilities(),
        withShippedRules.score(POST, false).probabilities());

    // The rule files change after training, in a lexicon and in a word list that were Java
    // tables before: the old bundle scores exactly as before.
    edit(rules.resolve(Rules.CUES), "banana bread\n", "");
    edit(rules.resolve(Rules.CUES), "\n[authority]\n", "\n[authority]\nbanana\n");
    edit(rules.resolve(Rules.FUNCTION_WORDS), "\nthe\n", "\nthe\nbread\ngrifter\n");
    edit(rules.resolve(Rules.CUE_PAIRS), "insult target_second\n", "");
    assertEquals(before, scores(new Scorer(BundleIO.load(bundle))));
  }

  @Test
  void trainingWritesEveryRuleFileItUsedAndThePipelineIntoTheBundle(@TempDir Path dir)
      throws IOException {
    Path rules = copyOfTheRuleFiles(dir.resolve("rules"));
    edit(rules.resolve(Rules.AGREEMENT), "\nditto\n", "\nditto\nindeed\n");
    Path bundle = train(dir, Rules.fromDirectory(rules));
    List<BundleFiles.Entry> entries = BundleFiles.entries(bundle);
    for (String file : Rules.FILES) {
      assertArrayEquals(Files.readAllBytes(rules.resolve(file)),
          BundleFiles.get(entries, Pipeline.entry(file)), file);
    }
    ModelBundle loaded = BundleIO.load(bundle);
    assertEquals(Pipeline.of(FeatureSettings.defaults()), loaded.manifest().pipeline());
    assertTrue(loaded.rules().words(Rules.AGREEMENT).contains("indeed"));
    List<String> listed = loaded.manifest().entries().stream().map(e -> e.name()).toList();
    assertTrue(listed.containsAll(Pipeline.ruleEntries()), listed.toString());
  }
}
