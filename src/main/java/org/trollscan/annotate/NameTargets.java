package org.trollscan.annotate;

import java.util.Set;
import org.trollscan.normalize.PlaceholderStep;
import org.trollscan.rules.Lexicons;
import org.trollscan.rules.Rules;
import org.trollscan.rules.StepSettings;
import org.trollscan.rules.WordEndings;
import org.trollscan.tokenize.TokenCase;

/**
 * Finds the people a post names, by the writer's capitals: "ring social services on Kerry",
 * "mass report Becky's account". A name points at a person as "her" does, so the analysis counts
 * it as a third-person target. The tokens are folded to lower case; the capitals come from each
 * token's case as written ({@link Annotation#CASE}), which tokenization recorded.
 *
 * <p>A word is taken for a name when it was written {@link TokenCase#CAPITALIZED}: a capital,
 * then letters with lower case among them ("Kerry", not "HMRC", "I" or "K3rry"), and it is not
 * at the start of a sentence (where every word is capitalised; a possessive such as "Kayleigh's"
 * counts there too), not after a determiner ("the Council", "my Daughter"), not before a place
 * word ("Elm Road"), not a plural ("Democrats", by the endings of {@code plural-endings.txt}),
 * and not listed in {@code not-names.txt} (days, platforms, "Mum") or
 * {@code place-words.txt} ("Road" is no name itself). Cue phrases are no names either, which
 * the cue matcher checks. A post written in title case or in capitals names nobody this way.
 */
public final class NameTargets implements Annotator {
  /** Words after which a capitalised word is a title or a place: "the Council", "St Marys". */
  private final Set<String> noNameAfter;
  private final Lexicons lexicons;
  private final CueMatcher clitics;
  /** Endings that make a word a plural, a group or a thing rather than a name. */
  private final WordEndings pluralEndings;

  /** Posts of fewer words than this are never taken for title case. */
  private final int titleCaseMinWords;
  /** Capitals on more than one word in this many make a post title case. */
  private final int titleCaseOneIn;

  /**
   * The names annotator of a model's rules with the default title-case settings; {@code matcher}
   * tells a word's clitic.
   */
  public NameTargets(Rules rules, CueMatcher matcher) {
    this(rules, matcher,
        StepSettings.defaults().whole(StepSettings.Setting.NAMES_TITLE_CASE_MIN_WORDS),
        StepSettings.defaults().whole(StepSettings.Setting.NAMES_TITLE_CASE_ONE_IN));
  }

  /**
   * The names annotator of a model's rules and settings: a post of at least {@code
   * titleCaseMinWords} words (after the first of each sentence) with capitals on more than one
   * in {@code titleCaseOneIn} of them is in title case, and names nobody.
   */
  public NameTargets(Rules rules, CueMatcher matcher, int titleCaseMinWords,
      int titleCaseOneIn) {
    this.noNameAfter = rules.words(Rules.NO_NAME_AFTER);
    this.lexicons = rules.lexicons();
    this.clitics = matcher;
    this.pluralEndings = rules.pluralEndings();
    this.titleCaseMinWords = titleCaseMinWords;
    this.titleCaseOneIn = titleCaseOneIn;
  }

  @Override
  public String name() {
    return "names";
  }

  @Override
  public java.util.List<Annotation.Key<?>> requires() {
    return java.util.List.of(Annotation.TOKENS, Annotation.SENTENCES, Annotation.CASE);
  }

  @Override
  public java.util.List<Annotation.Key<?>> provides() {
    return java.util.List.of(Annotation.NAMES);
  }

  @Override
  public void annotate(Annotation post) {
    post.set(Annotation.NAMES, find(post.get(Annotation.TOKENS), post.get(Annotation.SENTENCES),
        post.get(Annotation.CASE)));
  }

  /**
   * Which tokens are names.
   *
   * @param tokens the tokens (normalised, lower case)
   * @param sentence each token's sentence number
   * @param cases each token's case as written
   */
  public boolean[] find(String[] tokens, int[] sentence, TokenCase[] cases) {
    boolean[] name = new boolean[tokens.length];
    int words = 0;
    int capitalised = 0;
    for (int i = 0; i < tokens.length; i++) {
      if (!Character.isLetter(tokens[i].charAt(0))) {
        continue;
      }
      boolean initial = startsSentence(tokens, sentence, i);
      if (!initial) {
        words++;
      } else if (!tokens[i].endsWith("'s")) {
        // At the start of a sentence every word is capitalised; a possessive still names
        // someone there: "Kayleigh's kids' school".
        continue;
      }
      if (cases[i] != TokenCase.CAPITALIZED || isListed(tokens[i])) {
        continue;
      }
      if (!initial) {
        capitalised++;
      }
      name[i] = !(i > 0 && noNameAfter.contains(tokens[i - 1])
          || i + 1 < tokens.length && lexicons.isPlaceWord(tokens[i + 1])
          || pluralEndings.test(tokens[i]));
    }
    // Title case or capitals for emphasis ("Gun Control Now"): the capitals say nothing of names.
    if (words >= titleCaseMinWords && capitalised * titleCaseOneIn > words) {
      java.util.Arrays.fill(name, false);
    }
    return name;
  }

  /**
   * Whether the word, without a possessive, is listed as no name, or carries a clitic other than
   * a possessive ("That'll").
   */
  private boolean isListed(String token) {
    String base = clitics.cliticBase(token);
    if (base != null && !token.endsWith("'s")) {
      return true;
    }
    return lexicons.isNotAName(base != null ? base : token);
  }

  /**
   * The first word of a sentence, or the first after an opening mark or an emoji ("said: Honestly",
   * "so proud 😍 Today"), where writers capitalise whatever the word is.
   */
  private static boolean startsSentence(String[] tokens, int[] sentence, int i) {
    if (i == 0 || sentence[i] != sentence[i - 1]) {
      return true;
    }
    String previous = tokens[i - 1];
    if (PlaceholderStep.isPlaceholder(previous)) {
      return true; // "@USER The ..." starts the tweet's own text
    }
    if (previous.equals(",") || previous.equals(";") || previous.equals("&")) {
      return false;
    }
    for (int k = 0; k < previous.length(); k++) {
      if (Character.isLetterOrDigit(previous.charAt(k))) {
        return false;
      }
    }
    return true;
  }
}
