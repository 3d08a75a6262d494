package org.trollscan.features;

import org.trollscan.tokenize.ForumTokenizer;
import org.trollscan.tokenize.UdTokenizer;

/**
 * How posts are turned into features; stored in every model bundle so that scoring uses exactly
 * the settings the model was trained with.
 *
 * @param tokenizer "forum" ({@link ForumTokenizer}) or "ud" ({@link UdTokenizer})
 * @param wordNgramMax longest word n-gram, 0 to turn word features off
 * @param charNgramMin shortest character n-gram
 * @param charNgramMax longest character n-gram, 0 to turn character features off
 * @param cues whether lexicon cue features are on
 * @param markNegatedAndQuoted whether words and character n-grams the writer does not assert, in
 *     the scope of a negation, inside double quotes or describing a report the writer condemns,
 *     are features of their own ("w:~report");
 *     false in bundles written before it existed
 */
public record FeatureSettings(
    String tokenizer, int wordNgramMax, int charNgramMin, int charNgramMax, boolean cues,
    boolean markNegatedAndQuoted) {

  /** Longest word n-gram a bundle may ask for: longer ones recur too rarely to learn from. */
  public static final int MAX_WORD_NGRAM = 5;
  /** Longest character n-gram a bundle may ask for. */
  public static final int MAX_CHAR_NGRAM = 10;

  /** The settings of the shipped model, chosen by the ablation in docs/model-history.md. */
  public static FeatureSettings defaults() {
    return new FeatureSettings("forum", 2, 3, 4, true, true);
  }

  public FeatureSettings {
    if (!tokenizer.equals("forum") && !tokenizer.equals("ud")) {
      throw new IllegalArgumentException("tokenizer must be forum or ud, not " + tokenizer);
    }
    if (wordNgramMax < 0 || wordNgramMax > MAX_WORD_NGRAM) {
      throw new IllegalArgumentException("word n-grams must be 0 to " + MAX_WORD_NGRAM + ", not "
          + wordNgramMax);
    }
    if (charNgramMax < 0 || charNgramMax > MAX_CHAR_NGRAM
        || charNgramMax > 0 && (charNgramMin < 1 || charNgramMin > charNgramMax)) {
      throw new IllegalArgumentException("character n-grams must be MIN-MAX with 1 <= MIN <= MAX"
          + " <= " + MAX_CHAR_NGRAM + ", or 0; not " + charNgramMin + "-" + charNgramMax);
    }
  }
}
