package org.trollscan.features;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.trollscan.rules.Rules;
import org.trollscan.rules.StepSettings;
import org.trollscan.annotate.AnalyzedText;
import org.trollscan.annotate.Annotation;
import org.trollscan.annotate.TextAnalyzer;

/**
 * Turns an analysed post into features from the families its settings turn on. Every family's
 * values are scaled to unit length per post (each distinct feature 1/sqrt(count)), so that long
 * posts do not swamp the model and no family dominates the others; a constant {@value #BIAS}
 * feature is the intercept. Two outputs with the same features and values: {@link FeatureVector}
 * names them (training, explain), {@link HashedFeatures} hashes them without building a String
 * per n-gram (scoring). Thread-safe.
 */
public final class Featurizer {
  public static final String BIAS = "bias";
  public static final long BIAS_HASH = FeatureHash.of(BIAS);

  private final FeatureSettings settings;
  private final StepSettings steps;
  private final Rules rules;
  private final TextAnalyzer analyzer;
  private final List<TextFeatureGenerator> generators = new ArrayList<>();

  /** A featurizer with a model's settings and rules, its steps at their default settings. */
  public Featurizer(FeatureSettings settings, Rules rules) {
    this(settings, StepSettings.defaults(), rules);
  }

  /**
   * A featurizer with a model's feature settings, step settings and rules; build it once per
   * model and share it.
   */
  public Featurizer(FeatureSettings settings, StepSettings steps, Rules rules) {
    this(settings, steps, rules, TextAnalyzer.forTokenizer(settings.tokenizer(), rules, steps));
  }

  /**
   * A featurizer over an analyzer of one's own, built from the same rules, its cue features at
   * default settings; refused when a family the settings turn on reads a key the analyzer does
   * not provide.
   */
  public Featurizer(FeatureSettings settings, Rules rules, TextAnalyzer analyzer) {
    this(settings, StepSettings.defaults(), rules, analyzer);
  }

  private Featurizer(FeatureSettings settings, StepSettings steps, Rules rules,
      TextAnalyzer analyzer) {
    this.settings = settings;
    this.steps = steps;
    this.rules = rules;
    this.analyzer = analyzer;
    if (settings.wordNgramMax() > 0) {
      generators.add(new WordNgramFeatures(settings.wordNgramMax(), settings.markNegatedAndQuoted()));
    }
    if (settings.charNgramMax() > 0) {
      generators.add(new CharNgramFeatures(settings.charNgramMin(), settings.charNgramMax(),
          settings.markNegatedAndQuoted()));
    }
    if (settings.cues()) {
      generators.add(new CueFeatures(rules, analyzer.cueMatcher(),
          steps.whole(StepSettings.Setting.CUES_OTHER_SUBJECT_MAX_TOKENS),
          steps.whole(StepSettings.Setting.CUES_CAUSATIVE_MAX_DISTANCE)));
    }
    checkProvided(analyzer, generators);
  }

  /**
   * Refuses, when it is built rather than on the first post, a family that reads a key no stage
   * of the analyzer writes.
   */
  private static void checkProvided(TextAnalyzer analyzer, List<TextFeatureGenerator> families) {
    for (TextFeatureGenerator family : families) {
      for (Annotation.Key<?> key : family.requires()) {
        if (!analyzer.provides().contains(key)) {
          throw new IllegalStateException("feature family " + family.family() + " reads "
              + key + ", which no stage of the analyzer provides (it provides "
              + analyzer.provides() + ")");
        }
      }
    }
  }

  public FeatureSettings settings() {
    return settings;
  }

  /** The step settings this featurizer analyses with. */
  public StepSettings steps() {
    return steps;
  }

  /** The rules this featurizer analyses with. */
  public Rules rules() {
    return rules;
  }

  public AnalyzedText analyze(String post) {
    return analyzer.analyze(post);
  }

  public FeatureVector featurize(String post) {
    return featurize(analyze(post));
  }

  /** Occurrences and per-feature family, shared by both outputs; reused per thread. */
  private static final class Occurrences {
    int[] feature = new int[1024];
    int[] from = new int[1024];
    int[] to = new int[1024];
    int size;
    int[] familyOf = new int[1024];
    long[] hashes = new long[1024];
    int distinct;

    Occurrences reset() {
      size = 0;
      distinct = 0;
      return this;
    }

    void add(int f, int start, int end) {
      if (size == feature.length) {
        feature = Arrays.copyOf(feature, size * 2);
        from = Arrays.copyOf(from, size * 2);
        to = Arrays.copyOf(to, size * 2);
      }
      feature[size] = f;
      from[size] = start;
      to[size] = end;
      size++;
    }

    int newFeature(int family) {
      if (distinct == familyOf.length) {
        familyOf = Arrays.copyOf(familyOf, distinct * 2);
        hashes = Arrays.copyOf(hashes, distinct * 2);
      }
      familyOf[distinct] = family;
      return distinct++;
    }

    /** Each family scaled to unit length: value 1/sqrt(distinct features in the family). */
    float[] values(int families) {
      int[] count = new int[families + 1];
      for (int i = 0; i < distinct; i++) {
        count[familyOf[i]]++;
      }
      // One square root per family, not per feature: this runs for every post scored.
      float[] scale = new float[families + 1];
      scale[0] = 1f;
      for (int f = 1; f <= families; f++) {
        scale[f] = count[f] == 0 ? 0f : (float) (1.0 / Math.sqrt(count[f]));
      }
      float[] values = new float[distinct];
      for (int i = 0; i < distinct; i++) {
        values[i] = scale[familyOf[i]];
      }
      return values;
    }
  }

  public FeatureVector featurize(AnalyzedText text) {
    Map<String, Integer> index = new HashMap<>();
    List<String> names = new ArrayList<>();
    Occurrences occ = OCCURRENCES.get().reset();
    names.add(BIAS);
    index.put(BIAS, occ.newFeature(0));
    for (int g = 0; g < generators.size(); g++) {
      int family = g + 1;
      generators.get(g).generate(text, (feature, from, to) -> {
        String name = feature.toString();
        Integer id = index.get(name);
        if (id == null) {
          id = occ.newFeature(family);
          index.put(name, id);
          names.add(name);
        }
        occ.add(id, from, to);
      });
    }
    return new FeatureVector(names.toArray(new String[0]), occ.values(generators.size()),
        Arrays.copyOf(occ.feature, occ.size), Arrays.copyOf(occ.from, occ.size),
        Arrays.copyOf(occ.to, occ.size));
  }

  /** The same features as {@link #featurize(AnalyzedText)}, identified by hash. */
  public HashedFeatures featurizeHashed(AnalyzedText text) {
    LongIndex index = INDEX.get().clear();
    Occurrences occ = OCCURRENCES.get().reset();
    int bias = occ.newFeature(0);
    occ.hashes[bias] = BIAS_HASH;
    index.idOf(BIAS_HASH, bias);
    for (int g = 0; g < generators.size(); g++) {
      int family = g + 1;
      generators.get(g).generateHashed(text, (h, from, to) -> {
        int id = index.idOf(h, occ.distinct);
        if (id == occ.distinct) {
          occ.newFeature(family);
          occ.hashes[id] = h;
        }
        occ.add(id, from, to);
      });
    }
    return new HashedFeatures(Arrays.copyOf(occ.hashes, occ.distinct),
        occ.values(generators.size()), Arrays.copyOf(occ.feature, occ.size),
        Arrays.copyOf(occ.from, occ.size), Arrays.copyOf(occ.to, occ.size));
  }

  /** Per-thread work buffers: featurising a post allocates only its results. */
  private static final ThreadLocal<Occurrences> OCCURRENCES = ThreadLocal.withInitial(Occurrences::new);

  /** One index per scoring thread, cleared between posts: no allocation per post. */
  private static final ThreadLocal<LongIndex> INDEX = ThreadLocal.withInitial(() -> new LongIndex(LongIndex.INITIAL));

  /**
   * A small open-addressing map from 64-bit hash to feature index, for one post. A long post grows
   * it; it shrinks back afterwards, since probing a table far larger than the cache costs every
   * later short post a cache miss per feature.
   */
  private static final class LongIndex {
    private static final int INITIAL = 1024;
    private long[] keys;
    private int[] ids;
    private int size;
    private int[] usedSlots = new int[INITIAL / 2];

    LongIndex(int capacity) {
      allocate(capacity);
    }

    private void allocate(int capacity) {
      keys = new long[capacity];
      ids = new int[capacity];
      Arrays.fill(ids, -1);
    }

    LongIndex clear() {
      if (keys.length > 4 * INITIAL) {
        allocate(INITIAL);
        usedSlots = new int[INITIAL / 2];
      } else {
        for (int i = 0; i < size; i++) {
          ids[usedSlots[i]] = -1;
        }
      }
      size = 0;
      return this;
    }

    /** The id stored for {@code key}; when there is none, stores and returns {@code newId}. */
    int idOf(long key, int newId) {
      int mask = keys.length - 1;
      int slot = (int) key & mask;
      for (int id; (id = ids[slot]) >= 0; slot = (slot + 1) & mask) {
        if (keys[slot] == key) {
          return id;
        }
      }
      keys[slot] = key;
      ids[slot] = newId;
      if (size == usedSlots.length) {
        usedSlots = Arrays.copyOf(usedSlots, size * 2);
      }
      usedSlots[size++] = slot;
      if (size * 2 >= keys.length) {
        grow();
      }
      return newId;
    }

    private void grow() {
      long[] oldKeys = keys;
      int[] oldIds = ids;
      allocate(oldKeys.length * 2);
      size = 0;
      for (int i = 0; i < oldKeys.length; i++) {
        if (oldIds[i] >= 0) {
          idOf(oldKeys[i], oldIds[i]);
        }
      }
    }
  }
}
