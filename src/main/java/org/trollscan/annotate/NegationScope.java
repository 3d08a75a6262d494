package org.trollscan.annotate;

import java.util.List;
import java.util.Set;
import org.trollscan.rules.Rules;

/**
 * Finds the tokens a negation scopes over: from the end of a negation phrase of the lexicon
 * ("nobody", "don't", "no need to", as the cue matcher finds them: "nobody's" too, "not me
 * reporting her" not) to the next punctuation mark, a word of {@code negation-ends.txt} ("but"),
 * the end of the sentence, or {@code maxTokens} tokens (6 by default), whichever comes first.
 * In "nobody should report her, she's done nothing" the scope is "should report her". Marking
 * words in scope is the classic bag-of-words treatment of negation (Das and Chen 2001; Pang, Lee
 * and Vaithyanathan 2002): a negated "report" becomes a feature of its own instead of counting as
 * a call to report.
 */
final class NegationScope implements Annotator {
  private final int maxTokens;
  /** Words that end a scope as punctuation does: "but". */
  private final Set<String> ends;

  /**
   * The negation annotator of a model's rules ({@code negation-ends.txt}) and setting.
   *
   * @param maxTokens the most tokens a negation scopes over (a step setting of the bundle)
   */
  NegationScope(Rules rules, int maxTokens) {
    this.maxTokens = maxTokens;
    this.ends = rules.words(Rules.NEGATION_ENDS);
  }

  @Override
  public String name() {
    return "negation";
  }

  @Override
  public List<Annotation.Key<?>> requires() {
    return List.of(Annotation.TOKENS, Annotation.SENTENCES, Annotation.CUES);
  }

  @Override
  public List<Annotation.Key<?>> provides() {
    return List.of(Annotation.NEGATED);
  }

  @Override
  public void annotate(Annotation post) {
    post.set(Annotation.NEGATED, mark(post.get(Annotation.TOKENS),
        post.get(Annotation.SENTENCES), post.get(Annotation.CUES)));
  }

  /** Marks the tokens in the scope of the post's negation cues ({@code matches}). */
  boolean[] mark(String[] tokens, int[] sentence, List<CueMatcher.CueMatch> matches) {
    boolean[] negated = new boolean[tokens.length];
    for (CueMatcher.CueMatch m : matches) {
      if (!m.cue().equals("negation")) {
        continue;
      }
      for (int k = m.to(); k < tokens.length && k < m.to() + maxTokens; k++) {
        if (endsScope(tokens[k]) || sentence[k] != sentence[m.from()]) {
          break;
        }
        negated[k] = true;
      }
    }
    return negated;
  }

  /**
   * Whether a token ends a negation's scope: clause punctuation, a bracket or a word of {@code
   * negation-ends.txt}.
   */
  private boolean endsScope(String token) {
    char c = token.charAt(0);
    return endsClause(token) || c == '(' || c == ')' || ends.contains(token);
  }

  /** Whether a token is punctuation that closes a clause: , . ; : ! ? or a double quote. */
  static boolean endsClause(String token) {
    char c = token.charAt(0);
    return c == ',' || c == '.' || c == ';' || c == ':' || c == '!' || c == '?' || c == '"';
  }
}
