package org.trollscan.annotate;

import opennlp.tools.util.Span;
import org.trollscan.normalize.MappedText;

/**
 * A post after normalisation, tokenization and every annotator: a read-only view of its sealed
 * {@link Annotation}, which is what the feature generators read, key by key ({@link
 * #get}). Besides the keys it offers the few things derived from several of them that most
 * readers need: the number of tokens, whether a token is asserted, and where tokens stood in the
 * original post. The arrays a key returns belong to the post and must not be changed.
 */
public final class AnalyzedText {
  private final Annotation annotation;
  /**
   * The three marks {@link #unasserted} reads, taken from the sealed post once (null when the
   * chain has no such key): the n-gram families ask for every token, and three key look-ups
   * per token, each checked and cast, showed in the per-post cost.
   */
  private final boolean[] negated;
  private final boolean[] quoted;
  private final boolean[] condemned;

  /** The view of a finished post; seals it, so no annotator writes to it afterwards. */
  AnalyzedText(Annotation annotation) {
    annotation.seal();
    this.annotation = annotation;
    this.negated = annotation.find(Annotation.NEGATED);
    this.quoted = annotation.find(Annotation.QUOTED);
    this.condemned = annotation.find(Annotation.CONDEMNED);
  }

  /**
   * The value of a key; a generator that declares the key among its requirements always finds it
   * ({@code Featurizer} checks that the analyzer provides them).
   */
  public <T> T get(Annotation.Key<T> key) {
    return annotation.get(key);
  }

  /** The number of tokens. */
  public int size() {
    return annotation.get(Annotation.TOKENS).length;
  }

  /**
   * Whether token {@code i} is something the writer does not assert: negated, quoted, or a
   * report the writer condemns (keys {@link Annotation#NEGATED}, {@link Annotation#QUOTED},
   * {@link Annotation#CONDEMNED}).
   */
  public boolean unasserted(int i) {
    if (negated == null || quoted == null || condemned == null) {
      // A chain without one of the marks: the key look-ups say which one is missing.
      return annotation.get(Annotation.NEGATED)[i] || annotation.get(Annotation.QUOTED)[i]
          || annotation.get(Annotation.CONDEMNED)[i];
    }
    return negated[i] || quoted[i] || condemned[i];
  }

  /** The part of the original post that tokens {@code from} to {@code to} (exclusive) came from. */
  public String originalPhrase(int from, int to) {
    int start = originalStart(from);
    int end = originalEnd(to);
    return annotation.get(Annotation.ORIGINAL).substring(start, Math.max(start, end));
  }

  /** The offset in the original post (UTF-16 code units) where token {@code from} begins. */
  public int originalStart(int from) {
    return normalized().originalStart(spans()[from].getStart());
  }

  /** The offset in the original post just past what token {@code to - 1} came from. */
  public int originalEnd(int to) {
    return normalized().originalEnd(spans()[to - 1].getEnd());
  }

  private MappedText normalized() {
    return annotation.get(Annotation.NORMALIZED);
  }

  private Span[] spans() {
    return annotation.get(Annotation.SPANS);
  }
}
