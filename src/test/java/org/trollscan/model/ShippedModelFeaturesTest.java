package org.trollscan.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.trollscan.input.LabelledCorpusReader;
import org.trollscan.input.LabelledPost;
import org.trollscan.features.FeatureVector;
import org.trollscan.features.Featurizer;

/**
 * Guards the shipped model against drift from the code: the bundle's lexicon fingerprint catches
 * a changed lexicon file, but not a changed rule in the Java code (a closed word set, a scope, a
 * tokenizer fix), which would score posts with features the model was not trained on. This test
 * featurizes the project corpus and the functional posts and compares a digest of every feature
 * name and value with the one recorded for the shipped model's version in
 * src/test/resources/model/shipped-features.txt. After retraining the shipped model, regenerate
 * the record with -Dtrollscan.updateGolden=true.
 */
class ShippedModelFeaturesTest {
  private static final Path RECORD = Path.of("src/test/resources/model/shipped-features.txt");
  private static final List<String> PROBES = List.of("samples/corpus/train.csv",
      "samples/corpus/dev.csv", "samples/corpus/test.csv", "samples/functional.csv");

  @Test
  void theCodeGivesTheFeaturesTheShippedModelWasTrainedWith() throws IOException {
    Manifest manifest = BundleIO.defaultManifest();
    assertNotNull(manifest, "no shipped model on the classpath");
    String actual = "model " + manifest.modelVersion() + "\nfeatures sha256 "
        + digest(new Featurizer(manifest.features(), BundleIO.loadDefault().rules())) + "\n";
    if (Boolean.getBoolean("trollscan.updateGolden")) {
      Files.writeString(RECORD, actual, StandardCharsets.UTF_8);
    }
    String recorded = Files.readString(RECORD, StandardCharsets.UTF_8);
    String recordedModel = recorded.lines().findFirst().orElse("");
    assertEquals(recordedModel, actual.lines().findFirst().orElseThrow(), RECORD
        + " was recorded for another model: after retraining the shipped model, regenerate it"
        + " with -Dtrollscan.updateGolden=true");
    assertEquals(recorded, actual, "the features of the probe posts changed since the shipped"
        + " model was trained: retrain it (models/train-default.sh) so that it learns from them,"
        + " then regenerate " + RECORD + " with -Dtrollscan.updateGolden=true");
  }

  private static String digest(Featurizer featurizer) throws IOException {
    StringBuilder features = new StringBuilder();
    int posts = 0;
    for (String file : PROBES) {
      for (LabelledPost post : new LabelledCorpusReader(Label.columns()).read(file)) {
        FeatureVector fv = featurizer.featurize(post.post().text());
        for (int i = 0; i < fv.names().length; i++) {
          features.append(fv.names()[i]).append('=').append(fv.values()[i]).append('\t');
        }
        features.append('\n');
        posts++;
      }
    }
    assertTrue(posts > 4000, "too few probe posts: " + posts);
    return BundleIO.sha256(features.toString().getBytes(StandardCharsets.UTF_8));
  }
}
