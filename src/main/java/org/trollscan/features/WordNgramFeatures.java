package org.trollscan.features;

import java.util.List;
import org.trollscan.annotate.AnalyzedText;
import org.trollscan.annotate.Annotation;
import org.trollscan.normalize.Chars;

/**
 * Word n-grams from 1 to {@code maxN} words: "w:ring", "w:ring social", "w:ring social services".
 * Commas, full stops and other ASCII punctuation are skipped (they carried spurious weight in
 * short posts); "!", "?" and emoji are kept, since they carry tone.
 */
public final class WordNgramFeatures implements TextFeatureGenerator {
  private static final long PREFIX = FeatureHash.extend(FeatureHash.START, "w:");
  private static final long NEGATED_PREFIX = FeatureHash.extend(FeatureHash.START, "w:~");
  private final int maxN;
  private final boolean markUnasserted;

  /**
   * With {@code markUnasserted}, an n-gram starting in a negation's scope or inside quotes is
   * "w:~report": "nobody should report her" and 'someone wrote "report her"' do not count as
   * saying "report her".
   */
  public WordNgramFeatures(int maxN, boolean markUnasserted) {
    this.maxN = maxN;
    this.markUnasserted = markUnasserted;
  }

  /** The tokens, and the marks of what the writer does not assert when they are features. */
  @Override
  public List<Annotation.Key<?>> requires() {
    return TextFeatureGenerator.tokens(markUnasserted);
  }

  @Override
  public String family() {
    return "w";
  }

  @Override
  public void generate(AnalyzedText text, FeatureSink sink) {
    String[] t = text.get(Annotation.TOKENS);
    StringBuilder gram = new StringBuilder(32);
    for (int i = 0; i < t.length; i++) {
      if (skipped(t[i])) {
        continue;
      }
      gram.setLength(0);
      gram.append(markUnasserted && text.unasserted(i) ? "w:~" : "w:");
      for (int n = 1; n <= maxN && i + n <= t.length; n++) {
        String next = t[i + n - 1];
        if (n > 1 && skipped(next)) {
          break;
        }
        if (n > 1) {
          gram.append(' ');
        }
        gram.append(next);
        sink.add(gram, i, i + n);
      }
    }
  }

  /** The same n-grams as {@link #generate}, each hash extended from the one before it. */
  @Override
  public void generateHashed(AnalyzedText text, HashSink sink) {
    String[] t = text.get(Annotation.TOKENS);
    for (int i = 0; i < t.length; i++) {
      if (skipped(t[i])) {
        continue;
      }
      long h = markUnasserted && text.unasserted(i) ? NEGATED_PREFIX : PREFIX;
      for (int n = 1; n <= maxN && i + n <= t.length; n++) {
        String next = t[i + n - 1];
        if (n > 1 && skipped(next)) {
          break;
        }
        if (n > 1) {
          h = FeatureHash.extend(h, ' ');
        }
        h = FeatureHash.extend(h, next);
        sink.add(FeatureHash.finish(h), i, i + n);
      }
    }
  }

  private static boolean skipped(String token) {
    char c = token.charAt(0);
    return c < 128 && !Chars.isLetterOrDigit(c) && c != '!' && c != '?';
  }
}
