package org.trollscan.features;

import java.util.List;
import org.trollscan.annotate.AnalyzedText;
import org.trollscan.annotate.Annotation;
import org.trollscan.normalize.Chars;

/**
 * Character n-grams inside each word, with word boundaries marked ("c:<rep", "c:port>"): robust
 * to misspellings, inflections and leftover obfuscation that the word features miss. Emitted by
 * start position, shortest first, so the hashed path can extend one hash per start.
 */
public final class CharNgramFeatures implements TextFeatureGenerator {
  private static final long PREFIX = FeatureHash.extend(FeatureHash.START, "c:");
  private static final long NEGATED_PREFIX = FeatureHash.extend(FeatureHash.START, "c~:");

  private final int minN;
  private final int maxN;
  private final boolean markUnasserted;

  /**
   * With {@code markUnasserted}, n-grams of a word in a negation's scope or inside quotes are
   * "c~:<rep" (see {@link WordNgramFeatures}).
   */
  public CharNgramFeatures(int minN, int maxN, boolean markUnasserted) {
    this.minN = minN;
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
    return "c";
  }

  @Override
  public void generate(AnalyzedText text, FeatureSink sink) {
    String[] t = text.get(Annotation.TOKENS);
    StringBuilder gram = new StringBuilder(16);
    for (int i = 0; i < t.length; i++) {
      String token = t[i];
      if (!Chars.startsWord(token)) {
        continue;
      }
      int padded = token.length() + 2;
      String prefix = markUnasserted && text.unasserted(i) ? "c~:" : "c:";
      for (int s = 0; s < padded; s++) {
        gram.setLength(0);
        gram.append(prefix);
        for (int n = 1; n <= maxN && s + n <= padded; n++) {
          gram.append(paddedChar(token, s + n - 1));
          if (n >= minN) {
            sink.add(gram, i, i + 1);
          }
        }
      }
    }
  }

  @Override
  public void generateHashed(AnalyzedText text, HashSink sink) {
    String[] t = text.get(Annotation.TOKENS);
    for (int i = 0; i < t.length; i++) {
      String token = t[i];
      if (!Chars.startsWord(token)) {
        continue;
      }
      int padded = token.length() + 2;
      long prefix = markUnasserted && text.unasserted(i) ? NEGATED_PREFIX : PREFIX;
      for (int s = 0; s < padded; s++) {
        long h = prefix;
        for (int n = 1; n <= maxN && s + n <= padded; n++) {
          h = FeatureHash.extend(h, paddedChar(token, s + n - 1));
          if (n >= minN) {
            sink.add(FeatureHash.finish(h), i, i + 1);
          }
        }
      }
    }
  }

  /** Char {@code k} of the token wrapped in boundary marks: "<" + token + ">". */
  private static char paddedChar(String token, int k) {
    return k == 0 ? '<' : k == token.length() + 1 ? '>' : token.charAt(k - 1);
  }
}
