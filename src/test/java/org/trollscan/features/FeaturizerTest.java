package org.trollscan.features;

import org.trollscan.rules.Rules;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HashSet;
import org.junit.jupiter.api.Test;
import org.trollscan.annotate.Annotation;
import org.trollscan.annotate.AnalyzedText;

class FeaturizerTest {
  private final Featurizer featurizer =
      new Featurizer(FeatureSettings.defaults(), Rules.fromClasspath());

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
      assertTrue(fv.occurrenceTo()[k] <= t.size());
      assertTrue(fv.occurrenceFrom()[k] <= fv.occurrenceTo()[k]);
    }
  }

  @Test
  void settingsTurnFamiliesOff() {
    Featurizer wordsOnly =
        new Featurizer(new FeatureSettings("forum", 1, 0, 0, false, false), Rules.fromClasspath());
    FeatureVector fv = wordsOnly.featurize("ring her");
    assertTrue(Arrays.stream(fv.names()).allMatch(n -> n.equals("bias") || n.startsWith("w:")));
  }

  @Test
  void hashedFeaturesAreTheNamedFeaturesHashedInTheSameOrderWithTheSameValuesAndOccurrences() {
    for (String post : new String[] {"", "x", "Ring s o c i a l  s e r v i c e s on @Jade_B!!! 😡",
        "\"nobody should report her\" is what they said.\nBut I'd r3p0rt her tbh, £5 says...",
        "ｒｅｐｏｒｔ her kids' nursery, c*ll the council, mass-report https://x.y/z"}) {
      AnalyzedText t = featurizer.analyze(post);
      FeatureVector named = featurizer.featurize(t);
      HashedFeatures hashed = featurizer.featurizeHashed(t);
      long[] expected = Arrays.stream(named.names()).mapToLong(FeatureHash::of).toArray();
      assertArrayEquals(expected, hashed.hashes(), post);
      assertArrayEquals(named.values(), hashed.values(), post);
      assertArrayEquals(named.occurrenceFeature(), hashed.occurrenceFeature(), post);
      assertArrayEquals(named.occurrenceFrom(), hashed.occurrenceFrom(), post);
      assertArrayEquals(named.occurrenceTo(), hashed.occurrenceTo(), post);
    }
  }

  @Test
  void aHashExtendedCharByCharEqualsTheHashOfTheWholeName() {
    long h = FeatureHash.START;
    for (char c : "c:<rep".toCharArray()) {
      h = FeatureHash.extend(h, c);
    }
    assertEquals(FeatureHash.of("c:<rep"), FeatureHash.finish(h));
  }
}
