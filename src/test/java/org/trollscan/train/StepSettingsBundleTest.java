package org.trollscan.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trollscan.features.FeatureSettings;
import org.trollscan.model.BundleFiles;
import org.trollscan.model.BundleIO;
import org.trollscan.model.Label;
import org.trollscan.model.ModelBundle;
import org.trollscan.model.Score;
import org.trollscan.model.Scorer;
import org.trollscan.model.TinyModels;
import org.trollscan.model.TrainingSettings;
import org.trollscan.rules.StepSettings;
import org.trollscan.rules.StepSettings.Setting;

/**
 * The step settings are the bundle's: training records them in the manifest's pipeline, scoring
 * reads them from there, and a bundle that records none scores with the values the code had
 * before they were settings.
 */
class StepSettingsBundleTest {
  /** Posts with doubled letters ("call", "all"), which an elongation run of 1 squeezes. */
  private static final List<String> POSTS = List.of("call cps on that woman",
      "let's all ring her employer", "the school run was chaos this morning",
      "ring social services on her, she is a stupid ugly cow, report her to ofsted",
      "you absolute moron");

  private static Path train(Path dir, StepSettings steps) throws IOException {
    Files.createDirectories(dir);
    Path csv = TinyModels.writeCorpus(dir);
    TrainingSettings s = new TrainingSettings("QN", 100, 0, 0, 0.1, 2, 1, 1L, null,
        TrainingSettings.BREAK_EVEN, 1);
    Path bundle = dir.resolve("steps.zip");
    new TrainingRun(s, FeatureSettings.defaults(), new PrintStream(OutputStream.nullOutputStream()))
        .withStepSettings(steps).run(List.of(csv.toString()), "steps-1", bundle);
    return bundle;
  }

  private static List<Score> scores(Path bundle) throws IOException {
    Scorer scorer = new Scorer(BundleIO.load(bundle));
    List<Score> out = new ArrayList<>();
    for (String post : POSTS) {
      out.add(scorer.score(post, true, true));
    }
    return out;
  }

  /** A copy of a bundle whose manifest is edited and resealed. */
  private static Path resealed(Path bundle, Path target, Consumer<ObjectNode> edit)
      throws IOException {
    return BundleFiles.write(target, BundleFiles.editManifest(BundleFiles.entries(bundle), edit));
  }

  /** Every stage of a manifest's pipeline, in order. */
  private static List<ObjectNode> stages(ObjectNode manifest) {
    List<ObjectNode> out = new ArrayList<>();
    for (JsonNode part : manifest.get("pipeline")) {
      if (part.isArray()) {
        part.forEach(stage -> out.add((ObjectNode) stage));
      } else {
        out.add((ObjectNode) part);
      }
    }
    return out;
  }

  private static ObjectNode stage(ObjectNode manifest, String name) {
    return stages(manifest).stream().filter(s -> s.get("name").asText().equals(name))
        .reduce((a, b) -> b).orElseThrow();
  }

  @Test
  void aBundleTrainedWithAnotherSettingRecordsItAndScoresDifferently(@TempDir Path dir)
      throws IOException {
    StepSettings squeezed = StepSettings.defaults().with(Setting.ELONGATION_MAX_RUN, 1);
    Path usual = TinyModels.shared();
    Path other = train(dir.resolve("other"), squeezed);

    ModelBundle loaded = BundleIO.load(other);
    assertEquals(squeezed, loaded.manifest().pipeline().settings());
    String manifest = new String(BundleFiles.get(BundleFiles.entries(other), BundleIO.MANIFEST));
    assertTrue(manifest.contains("\"name\" : \"elongation\",\n      \"rules\" : [ ],\n"
        + "      \"settings\" : {\n        \"maxRun\" : 1\n      }"), manifest);
    assertEquals(StepSettings.defaults(), BundleIO.load(usual).manifest().pipeline().settings());

    List<Score> byDefault = scores(usual);
    List<Score> byOther = scores(other);
    for (int i = 0; i < 2; i++) { // the posts with doubled letters
      assertNotEquals(byDefault.get(i).probabilities(), byOther.get(i).probabilities(),
          POSTS.get(i));
    }
  }

  @Test
  void theScorerReadsTheSettingFromTheBundleNotFromTheCode(@TempDir Path dir)
      throws IOException {
    Path other = train(dir.resolve("other"),
        StepSettings.defaults().with(Setting.ELONGATION_MAX_RUN, 1));
    // The same weights with the setting dropped (so at its default of 2): "call" is no longer
    // squeezed to the "cal" the weights were trained on, and the scores move.
    Path dropped = resealed(other, dir.resolve("dropped.zip"),
        m -> stage(m, "elongation").remove("settings"));
    assertEquals(StepSettings.defaults(),
        BundleIO.load(dropped).manifest().pipeline().settings());
    List<Score> trained = scores(other);
    List<Score> read = scores(dropped);
    assertNotEquals(trained.get(0).probabilities(), read.get(0).probabilities());
    // A post with no doubled letter, no run to cut, scores the same either way.
    assertEquals(trained.get(4).probabilities(), read.get(4).probabilities());
  }

  @Test
  void aBundleThatRecordsNoSettingsScoresExactlyAsWithTodaysValues(@TempDir Path dir)
      throws IOException {
    Path usual = TinyModels.shared();
    Path none = resealed(usual, dir.resolve("none.zip"),
        m -> stages(m).forEach(s -> s.remove("settings")));
    assertFalse(new String(BundleFiles.get(BundleFiles.entries(none), BundleIO.MANIFEST))
        .contains("settings"));
    List<Score> expected = scores(usual);
    List<Score> actual = scores(none);
    for (int i = 0; i < POSTS.size(); i++) {
      assertEquals(expected.get(i).probabilities(), actual.get(i).probabilities(), POSTS.get(i));
      assertEquals(expected.get(i).evidence(), actual.get(i).evidence(), POSTS.get(i));
      assertEquals(expected.get(i).spans(), actual.get(i).spans(), POSTS.get(i));
    }
  }

  @Test
  void theEvidenceSettingsOfTheBundleDecideTheEvidence(@TempDir Path dir) throws IOException {
    Path usual = TinyModels.shared();
    String post = POSTS.get(3);
    List<String> byDefault = scores(usual).get(3).evidence().get(Label.HARASSMENT);
    assertTrue(byDefault.size() >= 2, byDefault.toString());
    assertTrue(byDefault.stream().anyMatch(p -> p.split(" ").length > 2), byDefault.toString());

    Path one = resealed(usual, dir.resolve("one.zip"),
        m -> ((ObjectNode) stage(m, "evidence").get("settings")).put("phrases", 1));
    assertEquals(byDefault.subList(0, 1), scores(one).get(3).evidence().get(Label.HARASSMENT),
        post);

    Path shortPhrases = resealed(usual, dir.resolve("short.zip"),
        m -> ((ObjectNode) stage(m, "evidence").get("settings")).put("maxTokens", 2));
    List<String> cut = scores(shortPhrases).get(3).evidence().get(Label.HARASSMENT);
    assertFalse(cut.isEmpty());
    assertTrue(cut.stream().allMatch(p -> p.split(" ").length <= 2), cut.toString());

    Path all = resealed(usual, dir.resolve("all.zip"),
        m -> ((ObjectNode) stage(m, "evidence").get("settings")).put("minShareOfTop", 1.0));
    assertEquals(byDefault.subList(0, 1), scores(all).get(3).evidence().get(Label.HARASSMENT));
  }
}
