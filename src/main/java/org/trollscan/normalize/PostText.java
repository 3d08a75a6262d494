package org.trollscan.normalize;

/**
 * What counts as an empty post: a text with nothing a reader can see, that is empty or holds
 * only whitespace (Unicode's, no-break spaces included), control characters and invisible
 * characters ({@link IgnorableCharacters}: zero-width spaces, joiners, byte-order marks). An
 * export holds such rows for image-only or deleted posts; they are rows like any other, scored by
 * rule and not by the model (see {@code docs/input.md}, "Empty posts").
 */
public final class PostText {
  private PostText() {}

  /** Whether the text shows nothing at all. */
  public static boolean isEmpty(String text) {
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      if (!Character.isWhitespace(cp) && !Character.isSpaceChar(cp) && !Character.isISOControl(cp)
          && !IgnorableCharacters.isIgnorable(cp)) {
        return false;
      }
      i += Character.charCount(cp);
    }
    return true;
  }

  /**
   * Refuses an empty post of a labelled corpus (train, eval), unlike score: its score is fixed
   * by rule, not by the model, so in training it teaches nothing and in evaluation it measures
   * the rule; a label on it is a mistake in the corpus.
   *
   * @return the message naming what is wrong, or null when the post has text
   */
  public static String refusalInCorpus(String text) {
    return isEmpty(text) ? "empty text: a labelled corpus must not hold empty posts (score "
        + "scores them 0 by rule, so they measure nothing about the model); remove the row"
        : null;
  }
}
