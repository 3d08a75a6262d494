package org.trollscan.text;

/** Word n-grams from 1 to {@code maxN} words: "w:ring", "w:ring social", "w:ring social services". */
public final class WordNgramFeatures implements TextFeatureGenerator {
  private final int maxN;

  public WordNgramFeatures(int maxN) {
    this.maxN = maxN;
  }

  @Override
  public String family() {
    return "w";
  }

  @Override
  public void generate(AnalyzedText text, FeatureSink sink) {
    String[] t = text.tokens();
    StringBuilder gram = new StringBuilder(32);
    for (int i = 0; i < t.length; i++) {
      gram.setLength(0);
      gram.append("w:");
      for (int n = 1; n <= maxN && i + n <= t.length; n++) {
        if (n > 1) {
          gram.append(' ');
        }
        gram.append(t[i + n - 1]);
        sink.add(gram.toString(), i, i + n);
      }
    }
  }
}
