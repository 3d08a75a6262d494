package org.trollscan.rules;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.trollscan.normalize.CharacterTables;
import org.trollscan.tokenize.ForumTokenizer;

/**
 * The lexicons among the rule data ({@link Rules}): for each cue of {@code cues.txt} (authority,
 * report verb, insult...) the phrases that signal it, as token arrays, the word lists of
 * handles, non-names and place words, and the character tables of normalisation (the HTML tags
 * taken out of a post, the quote marks, the leet table). Immutable.
 */
public final class Lexicons {
  /** Sections named this and a cue list exceptions to the cue ("not_report_verb"). */
  public static final String EXCEPTIONS = "not_";

  private final Map<String, List<String[]>> phrasesByCue;
  private final List<String> deobfuscationVocabulary;
  /** Handle parts of agencies' accounts, and of people's that would otherwise match them. */
  private final List<String> agencyParts;
  private final List<String> personParts;
  private final Set<String> notNames;
  private final Set<String> placeWords;
  private final CharacterTables characterTables;
  private final String fingerprint;

  private Lexicons(Map<String, List<String[]>> phrasesByCue, List<String> vocabulary,
      List<String> handleParts, Set<String> notNames, Set<String> placeWords,
      CharacterTables characterTables, String fingerprint) {
    this.phrasesByCue = phrasesByCue;
    this.deobfuscationVocabulary = vocabulary;
    this.agencyParts = handleParts.stream().filter(p -> !p.startsWith("!")).toList();
    this.personParts = handleParts.stream().filter(p -> p.startsWith("!"))
        .map(p -> p.substring(1)).toList();
    this.notNames = notNames;
    this.placeWords = placeWords;
    this.characterTables = characterTables;
    this.fingerprint = fingerprint;
  }

  /** The HTML tags, quote marks and leet table the normalisation steps read. */
  public CharacterTables characterTables() {
    return characterTables;
  }

  /**
   * SHA-256 of the lexicons as matched: format 2 bundles recorded it, and the converter checks it
   * before it writes this trollscan's rule files into such a bundle. The character tables are
   * not in it: format 2 had them in Java, as they are in the files today.
   */
  public String fingerprint() {
    return fingerprint;
  }

  /** Cue name to its phrases; a phrase is its words, the last possibly ending in '*'. */
  public Map<String, List<String[]>> phrasesByCue() {
    return phrasesByCue;
  }

  /** Words the obfuscation step may recover, in priority order (cue words first). */
  public List<String> deobfuscationVocabulary() {
    return deobfuscationVocabulary;
  }

  /**
   * Whether an @handle (with or without its @) is an authority's own account: lower-cased and
   * without underscores, it contains a part listed in {@code agency-handles.txt}
   * ("@HMRCgovuk", "@ATO_gov_au") and none of the parts it marks as people ("@councillorjenkins").
   */
  public boolean isAgencyHandle(String handle) {
    String h = handle.toLowerCase(java.util.Locale.ROOT).replace("_", "").replace("@", "");
    return containsAny(h, agencyParts) && !containsAny(h, personParts);
  }

  /**
   * Whether a capitalised word (lower-cased, without a clitic) is listed as no person's name: in
   * {@code not-names.txt} ("monday", "facebook", "mum") or {@code place-words.txt} ("road"); see
   * the annotator {@code NameTargets}.
   */
  public boolean isNotAName(String word) {
    return notNames.contains(word) || placeWords.contains(word);
  }

  /**
   * Whether a word (lower case) makes a place of the capitalised word before it: "Elm Road",
   * "Hillside Primary" (listed in {@code place-words.txt}).
   */
  public boolean isPlaceWord(String word) {
    return placeWords.contains(word);
  }

  // A plain loop, not a stream: this runs for every @mention of every post scored.
  private static boolean containsAny(String handle, List<String> parts) {
    for (String part : parts) {
      if (handle.contains(part)) {
        return true;
      }
    }
    return false;
  }

  /**
   * The lexicons from the lines of their rule files ({@link Rules#lines}): {@code cues.txt},
   * {@code deobfuscation-extra.txt}, {@code agency-handles.txt}, {@code not-names.txt} and
   * {@code place-words.txt}; and the character tables, parsed by {@link Rules}.
   */
  static Lexicons parse(List<Rules.Line> cueFile, List<Rules.Line> extraFile,
      List<Rules.Line> handleFile, List<Rules.Line> notNameFile, List<Rules.Line> placeFile,
      CharacterTables characterTables) {
    Map<String, List<String[]>> cues = new LinkedHashMap<>();
    Set<String> vocabulary = new LinkedHashSet<>();
    String cue = null;
    List<String> matchedLines = new ArrayList<>();
    for (Rules.Line raw : cueFile) {
      List<String> expanded;
      try {
        expanded = expand(raw.text());
      } catch (IllegalStateException e) {
        throw new RuleException(Rules.CUES, raw.number(), "no ) after ( in: " + raw.text());
      }
      for (String line : expanded) {
        if (line.startsWith("[") && line.endsWith("]")) {
          cue = line.substring(1, line.length() - 1);
          if (cues.containsKey(cue)) {
            throw new RuleException(Rules.CUES, raw.number(), "section [" + cue + "] twice");
          }
          cues.put(cue, new ArrayList<>());
          matchedLines.add(line);
          continue;
        }
        if (cue == null) {
          throw new RuleException(Rules.CUES, raw.number(),
              "a phrase before the first [section]: " + line);
        }
        String[] words = line.split(" ");
        String[] tokens = phraseTokens(words);
        if (tokens.length == 0 || tokens[0].equals("*")) {
          throw new RuleException(Rules.CUES, raw.number(), "no word to match in: " + line);
        }
        cues.get(cue).add(tokens);
        matchedLines.add(String.join(" ", tokens));
        for (String w : words) {
          if (!w.endsWith("*") && allLetters(w)) {
            vocabulary.add(w);
          }
        }
      }
    }
    List<String> extra = Rules.texts(extraFile);
    vocabulary.addAll(extra);
    Map<String, List<String[]>> frozen = new LinkedHashMap<>();
    cues.forEach((k, v) -> frozen.put(k, List.copyOf(v)));
    List<String> handles = Rules.texts(handleFile);
    List<String> notNames = Rules.texts(notNameFile);
    List<String> placeWords = Rules.texts(placeFile);
    // Over the phrases as they are matched, expanded and split: writing a list out by hand or as
    // one "(a|b)" line is the same lexicon, and splitting a phrase differently is a new one.
    String all = String.join("\n", matchedLines) + "\n--\n" + String.join("\n", extra)
        + "\n--\n" + String.join("\n", handles) + "\n--\n" + String.join("\n", notNames)
        + "\n--\n" + String.join("\n", placeWords);
    // File order, not Map.copyOf's per-run order: cue ids and feature order must not vary.
    return new Lexicons(java.util.Collections.unmodifiableMap(frozen), List.copyOf(vocabulary),
        List.copyOf(handles), Set.copyOf(notNames), Set.copyOf(placeWords), characterTables,
        sha256(all));
  }

  /**
   * A phrase's words split the way {@link ForumTokenizer} splits a post ("kids' school" is kids '
   * school, "tip-off" is tip - off), so that every phrase can match a post that contains it; a
   * word's trailing "*" stays on its last piece.
   */
  static String[] phraseTokens(String[] words) {
    List<String> tokens = new ArrayList<>();
    for (String word : words) {
      boolean prefix = word.endsWith("*");
      String[] pieces = ForumTokenizer.INSTANCE.tokenize(
          prefix ? word.substring(0, word.length() - 1) : word);
      tokens.addAll(List.of(pieces));
      if (prefix) {
        tokens.set(tokens.size() - 1, tokens.get(tokens.size() - 1) + "*");
      }
    }
    return tokens.toArray(String[]::new);
  }

  /**
   * A lexicon line with its "(a|b|...)" groups expanded, the leftmost group outermost, an empty
   * alternative dropping the word: "send* (|her) (love|a card)" is "send* love", "send* a card",
   * "send* her love", "send* her a card".
   */
  static List<String> expand(String line) {
    int open = line.indexOf('(');
    if (open < 0) {
      return List.of(line);
    }
    int close = line.indexOf(')', open);
    if (close < 0) {
      throw new IllegalStateException("cues.txt: no ) after ( in: " + line);
    }
    List<String> out = new ArrayList<>();
    for (String alternative : line.substring(open + 1, close).split("\\|", -1)) {
      String chosen = line.substring(0, open) + alternative + line.substring(close + 1);
      out.addAll(expand(singleSpaced(chosen.strip())));
    }
    return out;
  }

  // Plain loops, not streams or regular expressions: the lexicons load at every start, while
  // the JIT has compiled nothing yet.
  private static boolean allLetters(String word) {
    for (int i = 0; i < word.length(); i++) {
      if (!Character.isLetter(word.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  private static String singleSpaced(String line) {
    StringBuilder out = new StringBuilder(line.length());
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c != ' ' || out.length() == 0 || out.charAt(out.length() - 1) != ' ') {
        out.append(c);
      }
    }
    return out.toString();
  }

  private static String sha256(String text) {
    try {
      return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
          .digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
