package org.trollscan.annotate;

import org.trollscan.rules.Rules;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** Test helper: the tokens of a post that one kind of mark (quoted, negated...) is set on. */
final class MarkedTokens {
  private static final TextAnalyzer ANALYZER =
      TextAnalyzer.forTokenizer("forum", Rules.fromClasspath());

  private MarkedTokens() {}

  /** The marked tokens of {@code post}, space-separated, in order. */
  static String of(String post, Function<AnalyzedText, boolean[]> marks) {
    return of(ANALYZER, post, marks);
  }

  /** The tokens of {@code post} marked as {@code analyzer} marks them. */
  static String of(TextAnalyzer analyzer, String post, Function<AnalyzedText, boolean[]> marks) {
    AnalyzedText t = analyzer.analyze(post);
    boolean[] marked = marks.apply(t);
    List<String> out = new ArrayList<>();
    for (int i = 0; i < t.size(); i++) {
      if (marked[i]) {
        out.add(t.get(Annotation.TOKENS)[i]);
      }
    }
    return String.join(" ", out);
  }
}
