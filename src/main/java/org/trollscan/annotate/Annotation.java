package org.trollscan.annotate;

import java.util.List;
import opennlp.tools.util.Span;
import org.trollscan.normalize.MappedText;
import org.trollscan.tokenize.TokenCase;

/**
 * One post's annotations: typed keys to values, each written once by the stage that provides it
 * (CoreNLP's annotation map). Per-token values are plain arrays indexed by token, one per key, so
 * a feature generator walks an array, not a map per token. While the annotators run it is open;
 * {@link TextAnalyzer} then seals it and wraps it in an {@link AnalyzedText}, the read-only view
 * the feature generators get. Not thread-safe while open; once sealed it is only read.
 *
 * <p>A value's arrays belong to the container: a reader must not change them (they are not
 * copied, which would cost every post an allocation per key).
 */
public final class Annotation {
  /** A typed key; {@code name} is what {@link Annotator#requires()} lists print. */
  public static final class Key<T> {
    private final String name;
    private final int slot;

    private Key(String name, int slot) {
      this.name = name;
      this.slot = slot;
    }

    public String name() {
      return name;
    }

    @Override
    public String toString() {
      return name;
    }
  }

  /** The post as written. */
  public static final Key<String> ORIGINAL = new Key<>("original", 0);
  /** The normalised text with its map back to the original. */
  public static final Key<MappedText> NORMALIZED = new Key<>("normalized", 1);
  /** The tokens of the normalised text. */
  public static final Key<String[]> TOKENS = new Key<>("tokens", 2);
  /** Each token's span in the normalised text. */
  public static final Key<Span[]> SPANS = new Key<>("spans", 3);
  /** Each token's sentence number. */
  public static final Key<int[]> SENTENCES = new Key<>("sentences", 4);
  /** Whether each token is quoted: between double quotes, or in a quoted earlier post. */
  public static final Key<boolean[]> QUOTED = new Key<>("quoted", 5);
  /** Whether each token names a person. */
  public static final Key<boolean[]> NAMES = new Key<>("names", 6);
  /** The cue phrases of the post, in token order. */
  public static final Key<List<CueMatcher.CueMatch>> CUES = new Key<>("cues", 7);
  /**
   * Each token's case as written in the original post ({@link TokenCase}), which case folding
   * took from the tokens; tokenization writes it.
   */
  public static final Key<TokenCase[]> CASE = new Key<>("case", 10);
  /** Whether each token is in the scope of a negation. */
  public static final Key<boolean[]> NEGATED = new Key<>("negated", 8);
  /** Whether each token describes a report the writer condemns. */
  public static final Key<boolean[]> CONDEMNED = new Key<>("condemned", 9);

  private final Object[] values = new Object[11];
  private boolean sealed;

  /**
   * A post's annotations after tokenization: the text, its tokens, their sentences and their
   * case as written.
   */
  Annotation(String original, MappedText normalized, String[] tokens, Span[] spans,
      int[] sentence, TokenCase[] cases) {
    set(ORIGINAL, original);
    set(NORMALIZED, normalized);
    set(TOKENS, tokens);
    set(SPANS, spans);
    set(SENTENCES, sentence);
    set(CASE, cases);
  }

  /**
   * The value of a key; a stage that declared it among its requirements always finds it (the
   * chain is checked when it is built).
   */
  @SuppressWarnings("unchecked")
  public <T> T get(Key<T> key) {
    Object v = values[key.slot];
    if (v == null) {
      throw new IllegalStateException("no " + key + " annotation");
    }
    return (T) v;
  }

  /** The value of a key, or null when no stage wrote it. */
  @SuppressWarnings("unchecked")
  <T> T find(Key<T> key) {
    return (T) values[key.slot];
  }

  /** Writes a key's value; each key is written once, and none after the post is sealed. */
  public <T> void set(Key<T> key, T value) {
    if (sealed) {
      throw new IllegalStateException(key + " is annotated after the post was sealed");
    }
    if (values[key.slot] != null) {
      throw new IllegalStateException(key + " is annotated twice");
    }
    values[key.slot] = value;
  }

  /** Ends annotation: later writes are refused. */
  void seal() {
    sealed = true;
  }

  /** The keys every post has before the first annotator runs: what tokenization writes. */
  static final List<Key<?>> TOKENIZED =
      List.of(ORIGINAL, NORMALIZED, TOKENS, SPANS, SENTENCES, CASE);
}
