package org.trollscan.text;

/**
 * Character n-grams inside each word, with word boundaries marked ("c:<rep", "c:port>"): robust
 * to misspellings, inflections and leftover obfuscation that the word features miss.
 */
public final class CharNgramFeatures implements TextFeatureGenerator {
  private final int minN;
  private final int maxN;

  public CharNgramFeatures(int minN, int maxN) {
    this.minN = minN;
    this.maxN = maxN;
  }

  @Override
  public String family() {
    return "c";
  }

  @Override
  public void generate(AnalyzedText text, FeatureSink sink) {
    String[] t = text.tokens();
    StringBuilder gram = new StringBuilder(16);
    for (int i = 0; i < t.length; i++) {
      String token = t[i];
      if (!Character.isLetterOrDigit(token.codePointAt(0))) {
        continue;
      }
      String padded = "<" + token + ">";
      for (int n = minN; n <= maxN; n++) {
        for (int s = 0; s + n <= padded.length(); s++) {
          gram.setLength(0);
          gram.append("c:").append(padded, s, s + n);
          sink.add(gram, i, i + 1);
        }
      }
    }
  }
}
