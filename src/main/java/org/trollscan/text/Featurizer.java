package org.trollscan.text;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns an analysed post into a {@link FeatureVector} from the feature families its settings turn
 * on. Word and character n-grams are binary and scaled by 1/sqrt(count) per family, so that long
 * posts do not swamp the model (the length normalisation that makes TF-IDF logistic regressions
 * beat plain Doccat); cue features are binary. A constant {@value #BIAS} feature is the
 * intercept. Thread-safe.
 */
public final class Featurizer {
  public static final String BIAS = "bias";

  private final FeatureSettings settings;
  private final TextAnalyzer analyzer;
  private final List<TextFeatureGenerator> generators = new ArrayList<>();

  public Featurizer(FeatureSettings settings) {
    this.settings = settings;
    this.analyzer = TextAnalyzer.forTokenizer(settings.tokenizer());
    if (settings.wordNgramMax() > 0) {
      generators.add(new WordNgramFeatures(settings.wordNgramMax()));
    }
    if (settings.charNgramMax() > 0) {
      generators.add(new CharNgramFeatures(settings.charNgramMin(), settings.charNgramMax()));
    }
    if (settings.cues()) {
      generators.add(new CueFeatures(Lexicons.standard()));
    }
  }

  public FeatureSettings settings() {
    return settings;
  }

  public AnalyzedText analyze(String post) {
    return analyzer.analyze(post);
  }

  public FeatureVector featurize(String post) {
    return featurize(analyze(post));
  }

  public FeatureVector featurize(AnalyzedText text) {
    Map<String, Integer> index = new HashMap<>();
    List<String> names = new ArrayList<>();
    List<String> families = new ArrayList<>();
    int[] occFeature = new int[64];
    int[] occFrom = new int[64];
    int[] occTo = new int[64];
    int occurrences = 0;
    names.add(BIAS);
    families.add(BIAS);
    index.put(BIAS, 0);
    for (TextFeatureGenerator g : generators) {
      String family = g.family();
      List<int[]> found = new ArrayList<>();
      g.generate(text, (feature, from, to) -> {
        Integer id = index.get(feature);
        if (id == null) {
          id = names.size();
          index.put(feature, id);
          names.add(feature);
          families.add(family);
        }
        found.add(new int[] {id, from, to});
      });
      if (occurrences + found.size() > occFeature.length) {
        int size = Math.max(occFeature.length * 2, occurrences + found.size());
        occFeature = Arrays.copyOf(occFeature, size);
        occFrom = Arrays.copyOf(occFrom, size);
        occTo = Arrays.copyOf(occTo, size);
      }
      for (int[] f : found) {
        occFeature[occurrences] = f[0];
        occFrom[occurrences] = f[1];
        occTo[occurrences] = f[2];
        occurrences++;
      }
    }
    Map<String, Integer> perFamily = new HashMap<>();
    for (String f : families) {
      perFamily.merge(f, 1, Integer::sum);
    }
    float[] values = new float[names.size()];
    for (int i = 0; i < values.length; i++) {
      String family = families.get(i);
      values[i] = family.equals(BIAS) ? 1f : (float) (1.0 / Math.sqrt(perFamily.get(family)));
    }
    return new FeatureVector(
        names.toArray(new String[0]),
        values,
        Arrays.copyOf(occFeature, occurrences),
        Arrays.copyOf(occFrom, occurrences),
        Arrays.copyOf(occTo, occurrences));
  }
}
