package org.trollscan.annotate;

import opennlp.tools.util.Span;
import org.trollscan.rules.Rules;

/**
 * The words a post quotes rather than says: between double quotes, and in quote blocks of earlier
 * posts, whose words are someone else's unless the reply only agrees with them.
 */
final class Quotes implements Annotator {
  /**
   * Marks the tokens of earlier posts that a forum post quotes as a block: lines starting with
   * "&gt;" (Reddit, e-mail), BBCode "[quote]...[/quote]", and the text that forums put around a
   * quote in scraped pages ({@code quote-block-markers.txt}: XenForo's "NAME said: ... Click to
   * expand..."), from the start of the opener's line. The words are someone else's,
   * unless the reply opens with agreement and nothing else ("This.", "Agreed!"): then the writer
   * makes them theirs.
   */
  void markBlocks(String text, Span[] spans, String[] tokens, int[] sentence,
      boolean[] quoted) {
    if (text.indexOf('>') < 0 && text.indexOf("[quote") < 0 && !holdsAnOpener(text)) {
      return;
    }
    boolean[] inBlock = new boolean[text.length() + 1];
    int lineStart = 0;
    while (lineStart <= text.length()) {
      int lineEnd = text.indexOf('\n', lineStart);
      if (lineEnd < 0) {
        lineEnd = text.length();
      }
      int first = lineStart;
      while (first < lineEnd && Character.isWhitespace(text.charAt(first))) {
        first++;
      }
      if (first < lineEnd && text.charAt(first) == '>') {
        java.util.Arrays.fill(inBlock, first, lineEnd, true);
      }
      lineStart = lineEnd + 1;
    }
    for (int open = text.indexOf("[quote"); open >= 0; open = text.indexOf("[quote", open + 1)) {
      int close = text.indexOf("[/quote]", open);
      int end = close < 0 ? text.length() : close + "[/quote]".length();
      java.util.Arrays.fill(inBlock, open, end, true);
    }
    for (Rules.QuoteBlockMarker marker : markers) {
      String closer = marker.closer();
      for (int close = text.indexOf(closer); close >= 0; close = text.indexOf(closer, close + 1)) {
        int open = text.lastIndexOf(marker.opener(), close);
        if (open >= 0) {
          int start = text.lastIndexOf('\n', open) + 1;
          java.util.Arrays.fill(inBlock, start, close + closer.length(), true);
        }
      }
    }
    boolean[] block = new boolean[spans.length];
    for (int i = 0; i < spans.length; i++) {
      block[i] = inBlock[spans[i].getStart()];
    }
    int i = 0;
    while (i < block.length) {
      if (!block[i]) {
        i++;
        continue;
      }
      int start = i;
      while (i < block.length && block[i]) {
        i++;
      }
      if (!agreesWith(tokens, sentence, i)) {
        for (int k = start; k < i; k++) {
          quoted[k] = true;
        }
      }
    }
  }

  private boolean holdsAnOpener(String text) {
    for (Rules.QuoteBlockMarker marker : markers) {
      if (text.indexOf(marker.opener()) >= 0) {
        return true;
      }
    }
    return false;
  }

  /** The text forums write around a quoted post ("said:" ... "click to expand"). */
  private final java.util.List<Rules.QuoteBlockMarker> markers;

  /** Replies that only agree ("This.", "Agreed!", "100%"): the writer makes the quote theirs. */
  private final java.util.Set<String> agreement;

  /** The most agreeing words a reply that makes a quote its own may have. */
  private final int agreementMaxWords;

  /**
   * The quotes annotator of a model's rules ({@code agreement.txt}, {@code
   * quote-block-markers.txt}) and setting: a reply of at most {@code agreementMaxWords} agreeing
   * words makes the quote the writer's own.
   */
  Quotes(Rules rules, int agreementMaxWords) {
    this.agreement = rules.words(Rules.AGREEMENT);
    this.markers = rules.quoteBlockMarkers();
    this.agreementMaxWords = agreementMaxWords;
  }

  @Override
  public String name() {
    return "quotes";
  }

  @Override
  public java.util.List<Annotation.Key<?>> requires() {
    return java.util.List.of(Annotation.NORMALIZED, Annotation.TOKENS, Annotation.SPANS,
        Annotation.SENTENCES);
  }

  @Override
  public java.util.List<Annotation.Key<?>> provides() {
    return java.util.List.of(Annotation.QUOTED);
  }

  @Override
  public void annotate(Annotation post) {
    String[] tokens = post.get(Annotation.TOKENS);
    boolean[] quoted = doubleQuoted(tokens);
    markBlocks(post.get(Annotation.NORMALIZED).text(), post.get(Annotation.SPANS), tokens,
        post.get(Annotation.SENTENCES), quoted);
    post.set(Annotation.QUOTED, quoted);
  }

  private boolean isPunctuation(String token) {
    if (agreement.contains(token)) {
      return false;
    }
    for (int i = 0; i < token.length(); i++) {
      if (Character.isLetterOrDigit(token.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  /** Whether the sentence at token {@code from} (after punctuation) is agreement and nothing else. */
  private boolean agreesWith(String[] tokens, int[] sentence, int from) {
    while (from < tokens.length && isPunctuation(tokens[from])) {
      from++; // the "..." of "Click to expand..."
    }
    int words = 0;
    for (int k = from; k < tokens.length && sentence[k] == sentence[from]; k++) {
      String t = tokens[k];
      if (isPunctuation(t)) {
        continue;
      }
      if (!agreement.contains(t) || ++words > agreementMaxWords) {
        return false;
      }
    }
    return words > 0;
  }

  /** Marks tokens between pairs of double-quote tokens; an unpaired quote marks nothing. */
  static boolean[] doubleQuoted(String[] tokens) {
    boolean[] quoted = new boolean[tokens.length];
    int open = -1;
    for (int i = 0; i < tokens.length; i++) {
      if (!tokens[i].startsWith("\"")) {
        continue;
      }
      if (open < 0) {
        open = i;
      } else {
        for (int k = open + 1; k < i; k++) {
          quoted[k] = true;
        }
        open = -1;
      }
    }
    return quoted;
  }
}
