package org.trollscan.summary;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.trollscan.annotate.AnalyzedText;
import org.trollscan.annotate.Annotation;
import org.trollscan.annotate.CueMatcher;
import org.trollscan.model.Scorer;
import org.trollscan.normalize.IgnorableCharacters;
import org.trollscan.normalize.PlaceholderStep;

/**
 * Finds the people a post aims at, as the model's scorer sees them: it reads the analysis the
 * scorer makes of the post with the bundle's own rules ({@link Scorer#analyze}), so a summary
 * names exactly the targets the scores were computed from. A target is an @handle (an agency's
 * own account, which the bundle's {@code agency-handles.txt} lists, is none: the normaliser
 * made it {@value PlaceholderStep#AGENCY}), a title from the {@code target_handle} and
 * {@code target_family} cues ("her husband", "the op"), or a name ({@code NameTargets}) that no
 * cue phrase covers: "Ofsted" is an authority and "She's" is "she", not people named.
 * Thread-safe when the analysis is (the scorer's is).
 */
public final class TargetExtractor {
  private static final Set<String> TITLE_CUES = Set.of("target_handle", "target_family");

  private final Function<String, AnalyzedText> analysis;

  private TargetExtractor(Function<String, AnalyzedText> analysis) {
    this.analysis = analysis;
  }

  /** The targets as {@code scorer} sees them: what its bundle's rules analyse. */
  public static TargetExtractor of(Scorer scorer) {
    return new TargetExtractor(scorer::analyze);
  }

  /** The targets named in a post ({@link #targets(AnalyzedText)}). */
  public List<String> targets(String post) {
    return targets(analysis.apply(post));
  }

  /**
   * The targets of an analysed post without duplicates: its handles, then its titles and names,
   * each in order of first mention.
   */
  public static List<String> targets(AnalyzedText analyzed) {
    Set<String> out = new LinkedHashSet<>();
    String[] tokens = analyzed.get(Annotation.TOKENS);
    for (int i = 0; i < tokens.length; i++) {
      if (withoutPossessive(tokens[i]).equals(PlaceholderStep.MENTION)) {
        out.add(asWritten(analyzed, i));
      }
    }
    for (CueMatcher.CueMatch c : analyzed.get(Annotation.CUES)) {
      if (c.name()) {
        out.add(asWritten(analyzed, c.from()));
      } else if (TITLE_CUES.contains(c.cue()) && c.to() - c.from() > 1) {
        // A lone "op" or handle is no title. Titles are counted as the cue reads them, in lower
        // case, so "Her husband" and "her husband's" are one target.
        String[] words = Arrays.copyOfRange(tokens, c.from(), c.to());
        words[words.length - 1] = withoutPossessive(words[words.length - 1]);
        out.add(String.join(" ", words));
      }
    }
    return new ArrayList<>(out);
  }

  /** A normalised token without its possessive: "kerry" for "kerry's". */
  private static String withoutPossessive(String token) {
    return token.length() > 2 && token.endsWith("'s") ? token.substring(0, token.length() - 2)
        : token;
  }

  /**
   * Token {@code i} (a name or a handle) as written, without a possessive ("Kayleigh" for
   * "Kayleigh's", "Kayleigh’s" or "Kayleigh&#39;s": one person however the post names her) and
   * without the invisible characters normalisation removed ("Be\u200Bx" is "Bex").
   */
  private static String asWritten(AnalyzedText analyzed, int i) {
    String token = analyzed.get(Annotation.TOKENS)[i];
    // The token is normalised: its apostrophe is the ASCII one whatever the post wrote.
    int end = analyzed.get(Annotation.SPANS)[i].getEnd() - (token.length() - withoutPossessive(token).length());
    String original = analyzed.get(Annotation.ORIGINAL);
    int from = analyzed.originalStart(i);
    int to = Math.max(from, analyzed.get(Annotation.NORMALIZED).originalEnd(end));
    StringBuilder sb = new StringBuilder(to - from);
    for (int k = from; k < to; k += Character.charCount(original.codePointAt(k))) {
      int cp = original.codePointAt(k);
      if (!IgnorableCharacters.isIgnorable(cp)) {
        sb.appendCodePoint(cp);
      }
    }
    return sb.toString();
  }
}
