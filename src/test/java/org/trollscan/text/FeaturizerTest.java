package org.trollscan.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HashSet;
import org.junit.jupiter.api.Test;

class FeaturizerTest {
  private final Featurizer featurizer = new Featurizer(FeatureSettings.defaults());

  @Test
  void everyPostHasTheBiasFeatureFirstWithValueOne() {
    FeatureVector fv = featurizer.featurize("hello");
    assertEquals(Featurizer.BIAS, fv.names()[0]);
    assertEquals(1f, fv.values()[0]);
  }

  @Test
  void featureNamesAreDistinctAndEachFamilyHasUnitNorm() {
    FeatureVector fv = featurizer.featurize("ring ring ring social services on her, ring them");
    assertEquals(fv.names().length, new HashSet<>(Arrays.asList(fv.names())).size());
    double words = 0;
    for (int i = 0; i < fv.names().length; i++) {
      if (fv.names()[i].startsWith("w:")) {
        words += fv.values()[i] * fv.values()[i];
      }
    }
    assertEquals(1.0, words, 1e-5);
  }

  @Test
  void occurrencesPointAtTokensInsideThePost() {
    AnalyzedText t = featurizer.analyze("email her sponsors now");
    FeatureVector fv = featurizer.featurize(t);
    for (int k = 0; k < fv.occurrenceFeature().length; k++) {
      assertTrue(fv.occurrenceFrom()[k] >= 0);
      assertTrue(fv.occurrenceTo()[k] <= t.tokens().length);
      assertTrue(fv.occurrenceFrom()[k] <= fv.occurrenceTo()[k]);
    }
  }

  @Test
  void settingsTurnFamiliesOff() {
    Featurizer wordsOnly = new Featurizer(new FeatureSettings("forum", 1, 0, 0, false));
    FeatureVector fv = wordsOnly.featurize("ring her");
    assertTrue(Arrays.stream(fv.names()).allMatch(n -> n.equals("bias") || n.startsWith("w:")));
  }
}
