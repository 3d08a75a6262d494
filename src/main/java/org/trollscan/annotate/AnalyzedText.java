package org.trollscan.annotate;

import java.util.List;
import opennlp.tools.util.Span;
import org.trollscan.normalize.MappedText;

/**
 * A post after normalisation and tokenization: what the feature generators read.
 *
 * @param original the post as written
 * @param normalized the normalised text with its map back to the original
 * @param tokens the tokens of the normalised text
 * @param spans each token's span in the normalised text
 * @param sentence each token's sentence number, so cues can be paired within a sentence
 * @param quoted whether each token stands between a pair of double quotes: reported speech, as
 *     in 'someone wrote "ring social services on her", which is vile'
 * @param negated whether each token is in the scope of a negation ({@link NegationScope})
 * @param condemned whether each token describes a report the writer condemns
 *     ({@link CondemnedActScope})
 * @param cues every phrase of the shipped cue lexicons in the tokens, in token order, matched
 *     once for the scopes, the cue features and summaries
 */
public record AnalyzedText(
    String original, MappedText normalized, String[] tokens, Span[] spans, int[] sentence,
    boolean[] quoted, boolean[] negated, boolean[] condemned, List<CueMatcher.CueMatch> cues) {

  /**
   * Whether token {@code i} is something the writer does not assert: negated, quoted, or a
   * report the writer condemns.
   */
  public boolean unasserted(int i) {
    return negated[i] || quoted[i] || condemned[i];
  }

  /** The part of the original post that tokens {@code from} to {@code to} (exclusive) came from. */
  public String originalPhrase(int from, int to) {
    int start = originalStart(from);
    int end = originalEnd(to);
    return original.substring(start, Math.max(start, end));
  }

  /** The offset in the original post (UTF-16 code units) where token {@code from} begins. */
  public int originalStart(int from) {
    return normalized.originalStart(spans[from].getStart());
  }

  /** The offset in the original post just past what token {@code to - 1} came from. */
  public int originalEnd(int to) {
    return normalized.originalEnd(spans[to - 1].getEnd());
  }
}
