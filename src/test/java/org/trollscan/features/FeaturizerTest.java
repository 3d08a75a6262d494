package org.trollscan.features;

import org.trollscan.rules.Rules;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.trollscan.annotate.Annotation;
import org.trollscan.annotate.Annotator;
import org.trollscan.annotate.CueMatcher;
import org.trollscan.annotate.NameTargets;
import org.trollscan.annotate.TextAnalyzer;
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

  /** An analyzer of the forum tokenizer whose chain holds only {@code annotators}. */
  private static TextAnalyzer analyzerWith(Rules rules, CueMatcher cues,
      List<Annotator> annotators) {
    return new TextAnalyzer(TextAnalyzer.standardNormalizer(rules.lexicons()),
        TextAnalyzer.tokenizer("forum"), cues, annotators);
  }

  @Test
  void aFamilyThatReadsAKeyNoStageProvidesIsRefusedWhenTheFeaturizerIsBuilt() {
    Rules rules = Rules.fromClasspath();
    CueMatcher cues = new CueMatcher(rules);
    TextAnalyzer noScopes = analyzerWith(rules, cues,
        List.of(new NameTargets(rules, cues), cues));
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> new Featurizer(FeatureSettings.defaults(), rules, noScopes));
    assertEquals("feature family w reads negated, which no stage of the analyzer provides (it "
        + "provides [original, normalized, tokens, spans, sentences, case, names, cues])",
        e.getMessage());
  }

  @Test
  void aFamilyRunsOnWhatItDeclaresAlone() {
    // Word n-grams without scope marks declare the tokens only: tokenization alone serves them,
    // and a read of any key an annotator writes would fail here.
    Rules rules = Rules.fromClasspath();
    TextAnalyzer bare = analyzerWith(rules, new CueMatcher(rules), List.of());
    Featurizer words = new Featurizer(new FeatureSettings("forum", 2, 3, 4, false, false), rules,
        bare);
    Featurizer full = new Featurizer(new FeatureSettings("forum", 2, 3, 4, false, false), rules);
    String post = "Nobody should \"ring Kerry's school\"";
    assertArrayEquals(full.featurize(post).names(), words.featurize(post).names());
    // The cue family declares the scopes it reads, so it needs the whole chain.
    Featurizer cueFamily = new Featurizer(new FeatureSettings("forum", 0, 3, 0, true, false),
        rules);
    assertTrue(cueFamily.featurize(post).names().length > 1);
  }
}
