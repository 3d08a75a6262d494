package org.trollscan.annotate;

import java.util.List;
import opennlp.tools.util.Span;
import org.trollscan.normalize.MappedText;

/**
 * One post's annotations while the annotators run: typed keys to values, each written once by
 * the stage that provides it (CoreNLP's annotation map). {@link TextAnalyzer} seals the finished
 * post into an {@link AnalyzedText}, which the feature generators read. Not thread-safe: one per
 * post.
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
  /** Whether each token is in the scope of a negation. */
  public static final Key<boolean[]> NEGATED = new Key<>("negated", 8);
  /** Whether each token describes a report the writer condemns. */
  public static final Key<boolean[]> CONDEMNED = new Key<>("condemned", 9);

  private final Object[] values = new Object[10];

  /** A post's annotations after tokenization: the text, its tokens and their sentences. */
  Annotation(String original, MappedText normalized, String[] tokens, Span[] spans,
      int[] sentence) {
    set(ORIGINAL, original);
    set(NORMALIZED, normalized);
    set(TOKENS, tokens);
    set(SPANS, spans);
    set(SENTENCES, sentence);
  }

  /** The value of a key; an annotator that declared it among its requirements always finds it. */
  @SuppressWarnings("unchecked")
  public <T> T get(Key<T> key) {
    Object v = values[key.slot];
    if (v == null) {
      throw new IllegalStateException("no " + key + " annotation yet");
    }
    return (T) v;
  }

  /** Writes a key's value; each key is written once. */
  public <T> void set(Key<T> key, T value) {
    if (values[key.slot] != null) {
      throw new IllegalStateException(key + " is annotated twice");
    }
    values[key.slot] = value;
  }

  /** The keys every post has before the first annotator runs. */
  static final List<Key<?>> TOKENIZED = List.of(ORIGINAL, NORMALIZED, TOKENS, SPANS, SENTENCES);
}
